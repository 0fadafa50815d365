// Reaching into the panel's CLOSED shadow root from a test, through the DevTools protocol (the
// page's own scripts cannot), plus the fixture routes the panel tests share.
import type { Page } from 'playwright-core';
import { inShadow, type FixtureMap } from './chromium';

export { inShadow };

export const PANEL_FIXTURES: FixtureMap = {
  // arXiv abs, current layout (built from arxiv-browse templates)
  'arxiv.org/abs/1701.05369': 'pages/panel-arxiv-abs-current-1701.05369.html',
  'arxiv.org/abs/1701.05369v3': 'pages/panel-arxiv-abs-current-1701.05369.html',
  // arXiv abs, 2021 layout (the real capture with another paper swapped in), and the capture itself
  'arxiv.org/abs/2001.04451': 'pages/panel-arxiv-abs-2021-2001.04451v2.html',
  'arxiv.org/abs/2001.04451v2': 'pages/panel-arxiv-abs-2021-2001.04451v2.html',
  'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html',
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

