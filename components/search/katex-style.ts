// KaTeX's stylesheet for summaries and concepts with math, pointed at the woff2 copies the build
// already ships for the panel (one font set in the extension, as in the side panel). Added once,
// when the first result is opened: the search list never needs it.
import { browser } from 'wxt/browser';
import { katexCssFor, KATEX_FONT_DIR } from '@/components/panel/katex-css';

let added = false;

export function ensureKatexStyle(): void {
  if (added) return;
  added = true;
  const style = document.createElement('style');
  style.textContent = katexCssFor((browser.runtime.getURL as (path: string) => string)(`/${KATEX_FONT_DIR}/`));
  document.head.append(style);
}
