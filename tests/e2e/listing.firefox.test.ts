// arXiv listing pages in Firefox ESR (fixtures built from arXiv's templates): a badge on exactly
// the corpus papers, in closed shadow roots; a click unfolds that paper's summary under its entry
// and folds it again. Control: no badges without the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { inShadowFirefox, launchFirefox, screenshotFirefox, shadowTextFirefox, type FirefoxSession } from './support/firefox';

const MONTH = 'https://arxiv.org/list/cs.LG/2006';
const MONTH_CORPUS = ['2006.06936', '2006.07589', '2006.07710', '2006.10455', '2006.15134'];
const FIXTURES = {
  'arxiv.org/list/cs.LG/2006': 'pages/listing-arxiv-list-cs.LG-2006.html',
  'arxiv.org/static/browse/0.3.4/css/arXiv.css': 'pages/panel-assets/arXiv.css',
  'arxiv.org/static/base/1.0.1/css/arxiv-header-footer.css': 'pages/panel-assets/arxiv-header-footer.css',
  'arxiv.org/static/base/1.0.1/css/arxivstyle.css': 'pages/listing-arxivstyle.css',
};

/** The arXiv ids of the entries that got a badge, in page order (the badge directly follows the abs link). */
const badgedIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('summary-lens-badge')].map((host) => {
      const link = host.previousSibling;
      return link instanceof HTMLAnchorElement && link.href.includes('/abs/') ? link.textContent!.trim().replace(/^arXiv:/, '') : `misplaced after ${JSON.stringify(link?.textContent)}`;
    }),
  );

describe('arXiv listing badges (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let page: Page;
  beforeAll(async () => {
    firefox = await launchFirefox();
    page = await firefox.newPage(FIXTURES);
  });
  afterAll(() => firefox?.close());

  const badgeCount = () => page.evaluate(() => document.querySelectorAll('summary-lens-badge').length);

  it('badges exactly the corpus papers of a month listing, in closed shadow roots', async () => {
    await page.goto(MONTH);
    await expect.poll(badgeCount, { timeout: 15_000 }).toBe(MONTH_CORPUS.length);
    expect(await badgedIds(page)).toEqual(MONTH_CORPUS);
    expect(await page.evaluate(() => document.querySelector('summary-lens-badge')!.shadowRoot)).toBeNull();
    const label = await inShadowFirefox<string>(firefox.browser, page, `(root) => root.querySelector('button').getAttribute('aria-label')`, 'summary-lens-badge');
    expect(label).toContain('Does Unsupervised Architecture Representation Learning Help Neural Architecture Search?');
  });

  it('unfolds the summary under the entry on click, and folds it again', async () => {
    const index = (await badgedIds(page)).indexOf('2006.07589');
    const host = (await page.$$('summary-lens-badge'))[index];
    await host.click();
    await expect.poll(() => shadowTextFirefox(firefox.browser, page, 'summary-lens-listing-summary'), { timeout: 10_000 }).toContain('Adversarial Self-Supervised Contrastive Learning');
    expect(await inShadowFirefox(firefox.browser, page, `(root) => root.querySelector('button').getAttribute('aria-expanded')`, 'summary-lens-badge', index)).toBe('true');
    expect(await page.evaluate(() => document.querySelector('summary-lens-listing-summary')!.closest('dd')!.previousElementSibling!.querySelector('a[title="Abstract"]')!.id)).toBe('2006.07589');
    expect((await shadowTextFirefox(firefox.browser, page, 'summary-lens-listing-summary'))!.length).toBeGreaterThan(500);
    await screenshotFirefox(page, 'firefox-listing-expanded');
    await host.click();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('summary-lens-listing-summary').length)).toBe(0);
  });

  it('control: no badges without the extension', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const tab = await plain.newPage(FIXTURES);
      await tab.goto(MONTH);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await tab.evaluate(() => document.querySelectorAll('summary-lens-badge').length)).toBe(0);
      expect(await tab.evaluate(() => document.querySelectorAll('dl#articles > dt').length)).toBe(10);
    } finally {
      await plain.close();
    }
  });
});
