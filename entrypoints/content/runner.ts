// Runs the page integrations (features) whose detectors match the current URL, refined-github
// style: each feature gets an AbortSignal and must undo everything it did when it fires. The
// signal fires on in-page navigation (OpenReview is a single-page app), before the matching
// features run again for the new URL, and when the extension is updated or unloaded.
import type { ContentScriptContext } from '#imports';

/** A page detector: true when the URL is a page the feature works on. */
export type Detector = (url: URL) => boolean;

export interface Feature {
  /** Unique, kebab-case; used in logs and in the tests' conventions check. */
  name: string;
  /** The feature runs when any of these match. */
  include: Detector[];
  /** ...unless one of these matches. */
  exclude?: Detector[];
  /** Does the feature's work; must undo it when `signal` aborts. */
  init(signal: AbortSignal, ctx: ContentScriptContext): void | Promise<void>;
}

export function matchingFeatures(features: readonly Feature[], url: URL): Feature[] {
  return features.filter((f) => f.include.some((d) => d(url)) && !f.exclude?.some((d) => d(url)));
}

/**
 * Identity of a page for re-running purposes: a change of hash (footnote links on HTML papers,
 * OpenReview reply anchors) is not a new page; anything else is.
 */
export function pageKey(url: URL): string {
  return url.origin + url.pathname + url.search;
}

export function runFeatures(ctx: ContentScriptContext, features: readonly Feature[]): void {
  let controller: AbortController | null = null;
  let currentKey: string | null = null;

  const run = (url: URL) => {
    const key = pageKey(url);
    if (key === currentKey) return;
    currentKey = key;
    controller?.abort();
    const own = new AbortController();
    controller = own;
    for (const feature of matchingFeatures(features, url)) {
      // One feature failing must not stop the others.
      Promise.resolve()
        .then(() => (own.signal.aborted ? undefined : feature.init(own.signal, ctx)))
        .catch((error: unknown) => {
          if (!own.signal.aborted) console.error(`[Summary Lens] ${feature.name}:`, error);
        });
    }
  };

  run(new URL(location.href));
  // WXT reports URL changes (history.pushState/replaceState, back/forward). With the Navigation
  // API it reports them as they start, cross-document ones too — a click on a download link
  // (arXiv's "TeX Source") leaves this page where it is. So look at where the page actually is
  // once the navigation has run: a same-document one has changed location.href by then.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => run(new URL(location.href)), 0));
  ctx.onInvalidated(() => controller?.abort());
}
