// KaTeX's stylesheet for a shadow root. Chromium ignores @font-face rules inside shadow roots,
// so WXT's createShadowRootUi moves them to a <style> in the page; there, KaTeX's relative
// `url(fonts/…)` would resolve against arxiv.org. The rules are rewritten to the copies of the
// woff2 fonts the build puts in the extension (wxt.config.ts: katex-fonts/, web-accessible),
// and the families are renamed so the page's own KaTeX (if any) and ours never mix.
import katexCss from 'katex/dist/katex.min.css?raw';
import { extensionUrl } from '@/utils/extension-url';

/** Where the build copies KaTeX's woff2 files inside the extension. */
export const KATEX_FONT_DIR = 'katex-fonts';

/** `fontBase`: absolute URL of KATEX_FONT_DIR with a trailing slash, e.g. browser.runtime.getURL('/katex-fonts/'). */
export function katexCssFor(fontBase: string, css: string = katexCss): string {
  return (
    css
      // Every face: woff2 only (all supported browsers read it), from the extension.
      .replace(/src:\s*url\(["']?fonts\/(KaTeX_[\w-]+)\.woff2["']?\)[^;}]*/g, (_m, name: string) => `src:url(${JSON.stringify(`${fontBase}${name}.woff2`)}) format("woff2")`)
      // Family names, but not the file names inside URLs.
      .replace(/(?<![\w/-])KaTeX_/g, 'SL-KaTeX_')
  );
}

/** True when summary HTML contains KaTeX output (most summaries have none: skip the CSS then). */
export const hasMath = (html: string): boolean => html.includes('class="katex');

/** KaTeX's rules with their fonts at this extension's copies. */
export const extensionKatexCss = (): string => katexCssFor(extensionUrl(`/${KATEX_FONT_DIR}/`));

/** Adds KaTeX's stylesheet to an extension page once (the popup, side panel and concept page). */
export function ensureKatexStyle(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = extensionKatexCss();
  doc.head.append(style);
}
const STYLE_ID = 'sl-katex-style';
