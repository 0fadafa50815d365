// Small DOM helpers for features: pages that render late (OpenReview's single-page app) or change
// under us are watched with a MutationObserver, never polled.

/**
 * Resolves with `find()`'s first non-null answer: now, or after a DOM change. Resolves null after
 * `timeout` ms or when `signal` aborts.
 */
export function waitFor<T>(find: () => T | null | undefined, signal: AbortSignal, timeout = 5000): Promise<T | null> {
  const now = find();
  if (now != null || signal.aborted) return Promise.resolve(signal.aborted ? null : now ?? null);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const found = find();
      if (found != null) finish(found);
    });
    const timer = setTimeout(() => finish(null), timeout);
    const onAbort = () => finish(null);
    function finish(value: T | null) {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }
    signal.addEventListener('abort', onAbort);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['content', 'href'] });
  });
}

/**
 * Resolves true once the DOM has changed and then stayed quiet for `quietMs` (a single-page app
 * finished rendering more of a list); false when `signal` aborts first.
 */
export function waitForQuiet(signal: AbortSignal, quietMs = 300): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(true), quietMs);
    });
    const onAbort = () => finish(false);
    function finish(value: boolean) {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }
    signal.addEventListener('abort', onAbort);
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}
