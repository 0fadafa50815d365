// The panel's heavy work (its script, shadow root, styles, fonts, layout) waits for the page's
// own `load`, so it never delays the page: run after the load event's handlers, not in them.
// A page whose load drags on (a slow image) gets the panel at most `deadlineMs` after the
// content script started (≈ DOMContentLoaded), the panel's own 150 ms budget.
export function afterPageLoad(deadlineMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('load', onLoad);
      clearTimeout(timer);
      resolve();
    };
    const onLoad = () => setTimeout(done, 0);
    const timer = setTimeout(done, deadlineMs);
    if (document.readyState === 'complete') onLoad();
    else window.addEventListener('load', onLoad, { once: true });
  });
}
