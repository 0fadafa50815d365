// Reaching into the panel's CLOSED shadow root from a test, through the DevTools protocol (the
// page's own scripts cannot), plus the fixture routes the panel tests share.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inShadow, ROOT, type ExtensionBrowser, type FixtureMap } from './chromium';

export { inShadow };

export const PANEL_FIXTURES: FixtureMap = {
  // arXiv abs, current layout (built from arxiv-browse templates)
  'arxiv.org/abs/1701.05369': 'pages/panel-arxiv-abs-current-1701.05369.html',
  'arxiv.org/abs/1701.05369v3': 'pages/panel-arxiv-abs-current-1701.05369.html',
  // arXiv abs, 2021 layout (the real capture with another paper swapped in), and the capture itself
  'arxiv.org/abs/2001.04451': 'pages/panel-arxiv-abs-2021-2001.04451v2.html',
  'arxiv.org/abs/2001.04451v2': 'pages/panel-arxiv-abs-2021-2001.04451v2.html',
  'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html',
  // The corpus's longest summary, on both layouts (the compact panel's worst case)
  'arxiv.org/abs/2006.04635': 'pages/panel-arxiv-abs-current-2006.04635.html',
  'arxiv.org/abs/2006.04635v2': 'pages/panel-arxiv-abs-2021-2006.04635v2.html',
  // arXiv HTML full text and its ar5iv form
  'arxiv.org/html/1911.05507v1': 'pages/panel-arxiv-html-1911.05507v1.html',
  'ar5iv.labs.arxiv.org/html/1911.05507': 'pages/panel-arxiv-html-1911.05507v1.html',
  // OpenReview
  'openreview.net/forum?id=SylKikSYDH': 'pages/openreview-forum-SylKikSYDH.html',
  'openreview.net/forum?id=FixtureLin2021': 'pages/openreview-forum-title-only-2110.15349.html',
  'openreview.net/group?id=ICLR.cc/2020/Conference': 'pages/openreview-group-iclr2020.html',
  // ELECTRA is in the corpus by OpenReview id, but this answer is the bot check: no panel.
  'openreview.net/forum?id=r1xMH1BtvB': 'pages/openreview-challenge.html',
  // The sites' own stylesheets (arXiv's are public: arxiv-browse, arxiv-base)
  'arxiv.org/static/browse/0.3.4/css/arXiv.css': 'pages/panel-assets/arXiv.css',
  'static.arxiv.org/static/browse/0.3.2.8/css/arXiv.css': 'pages/panel-assets/arXiv.css',
  'arxiv.org/static/base/1.0.1/css/arxiv-header-footer.css': 'pages/panel-assets/arxiv-header-footer.css',
  'arxiv.org/static/browse/0.3.4/css/arxiv-html-papers-20260131.css': 'pages/panel-assets/arxiv-html-papers-20260131.css',
  'arxiv.org/static/browse/0.3.4/css/ar5iv.0.8.5.css': 'pages/panel-assets/ar5iv.0.8.5.css',
  'arxiv.org/static/browse/0.3.4/css/arxiv-html-papers-theme-20250131.css': 'pages/panel-assets/arxiv-html-papers-theme-20250131.css',
  'ar5iv.labs.arxiv.org/static/browse/0.3.4/css/arxiv-html-papers-20260131.css': 'pages/panel-assets/arxiv-html-papers-20260131.css',
  'ar5iv.labs.arxiv.org/static/browse/0.3.4/css/ar5iv.0.8.5.css': 'pages/panel-assets/ar5iv.0.8.5.css',
  'ar5iv.labs.arxiv.org/static/browse/0.3.4/css/arxiv-html-papers-theme-20250131.css': 'pages/panel-assets/arxiv-html-papers-theme-20250131.css',
};


/** Clicks the element matching `selector` inside the panel (a real click event, dispatched by the element). */
export async function clickInPanel(page: Page, selector: string): Promise<void> {
  const ok = await inShadow<boolean>(page, `function () { const el = this.querySelector(${JSON.stringify(selector)}); if (!el) return false; el.click(); return true; }`);
  if (!ok) throw new Error(`no ${selector} in the panel`);
}

/** Focuses the element matching `selector` inside the panel, so real key presses go to it. */
export async function focusInPanel(page: Page, selector: string): Promise<void> {
  const ok = await inShadow<boolean>(page, `function () { const el = this.querySelector(${JSON.stringify(selector)}); if (!el) return false; el.focus(); return true; }`);
  if (!ok) throw new Error(`no ${selector} in the panel`);
}

/** Attribute of the first match inside the panel (null when absent). */
export function attrInPanel(page: Page, selector: string, name: string): Promise<string | null> {
  return inShadow<string | null>(page, `function () { return this.querySelector(${JSON.stringify(selector)})?.getAttribute(${JSON.stringify(name)}) ?? null; }`);
}


/**
 * Pages on which the compact panel must leave the paper's abstract on the first screen at
 * 1280×800: each arXiv abs layout (current and 2021), the corpus's longest summary on both, and
 * OpenReview forums (where the panel also stays under the title).
 */
export const FIRST_SCREEN_PAGES = [
  { url: 'https://arxiv.org/abs/2006.04635', title: '#abs h1.title', abstract: 'blockquote.abstract' },
  { url: 'https://arxiv.org/abs/2006.04635v2', title: '#abs h1.title', abstract: 'blockquote.abstract' },
  { url: 'https://arxiv.org/abs/1701.05369', title: '#abs h1.title', abstract: 'blockquote.abstract' },
  { url: 'https://arxiv.org/abs/2001.04451v2', title: '#abs h1.title', abstract: 'blockquote.abstract' },
  { url: 'https://openreview.net/forum?id=SylKikSYDH', title: 'h2.citation_title', abstract: '.note-content' },
  { url: 'https://openreview.net/forum?id=FixtureLin2021', title: 'h2.citation_title', abstract: '.note-content' },
] as const;
export const FIRST_SCREEN = { width: 1280, height: 800 };

/** Runs in the page: where the title, the panel and the first line of the abstract are. */
export function measureFirstScreen(selectors: { title: string; abstract: string }) {
  const box = (el: Element | null) => (el ? el.getBoundingClientRect() : null);
  const abstract = document.querySelector(selectors.abstract);
  let firstLine: DOMRect | null = null;
  if (abstract) {
    // The first text that is laid out (arXiv's "Abstract:" label is hidden).
    const walker = document.createTreeWalker(abstract, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text && !firstLine; text = walker.nextNode()) {
      if (!text.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      firstLine = [...range.getClientRects()].find((r) => r.height > 0) ?? null;
    }
  }
  return {
    scrollY,
    viewportHeight: innerHeight,
    titleBottom: box(document.querySelector(selectors.title))?.bottom ?? null,
    panelTop: box(document.querySelector('summary-lens-panel'))?.top ?? null,
    panelHeight: box(document.querySelector('summary-lens-panel'))?.height ?? null,
    abstractFirstLineBottom: firstLine?.bottom ?? null,
  };
}

/** The corpus's longest summary (by markdown), from the built pack the extension ships. */
export function longestSummary(): { id: string; arxivId: string | null; title: string | null; html: string } {
  const pack = JSON.parse(readFileSync(join(ROOT, 'public/corpus/pack.json'), 'utf8')) as { summaries: { id: string; markdown: string; html: string; paper: { arxivId: string | null; title: string | null } }[] };
  const longest = pack.summaries.reduce((a, b) => (b.markdown.length > a.markdown.length ? b : a));
  return { id: longest.id, arxivId: longest.paper.arxivId, title: longest.paper.title, html: longest.html };
}

/** Runs in the page: the reader's text of summary HTML (images, held back or not, left out). */
export function textOfSummaryHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('img').forEach((img) => img.remove());
  return doc.body.textContent!.replace(/\s+/g, ' ').trim();
}

/** Body of a function run on the panel's shadow root: the text of the summary it shows (image buttons left out). */
export const SHOWN_SUMMARY_TEXT = `const body = root.querySelector('.sl-summary-body').cloneNode(true);
  body.querySelectorAll('.sl-img-load').forEach((b) => b.remove());
  return body.textContent.replace(/\\s+/g, ' ').trim();`;

/** Sets the panel's remembered "full summary" view (as clicking "Read full summary" does), through an extension page. */
export async function setPanelExpanded(browser: ExtensionBrowser, expanded: boolean): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ panelExpanded: v }), expanded);
  await page.close();
}

/** A function on the panel's shadow root: opens the full summary (math and all), as "Read full summary" does. */
export const SHOW_FULL_SUMMARY = 'function () { this.querySelector("button.sl-read-full")?.click(); return true; }';
