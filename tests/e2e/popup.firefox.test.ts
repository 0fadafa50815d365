// The popup's search in Firefox ESR, through the built extension: popup.html opened as a tab of
// the installed extension (the toolbar popup is the same page). Control: without the extension
// the popup's address does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { clickTextFirefox, launchFirefox, reloadExtensionPage, screenshotFirefox, textOf, textsOf, type FirefoxSession } from './support/firefox';

const LOTTERY_BERT = 'The Lottery Ticket Hypothesis for Pre-trained BERT Networks';
const RESULT_TITLES = '[data-testid="result"] .sl-result-title';

describe('popup search (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let page: Page;
  beforeAll(async () => {
    firefox = await launchFirefox();
    page = await firefox.openExtensionPage('popup.html');
    await page.setViewport({ width: 460, height: 600 });
  });
  afterAll(() => firefox?.close());

  const search = async (query: string) => {
    await page.$eval('[data-testid="search-input"]', (el) => (el as HTMLInputElement).select());
    await page.keyboard.press('Backspace');
    await page.type('[data-testid="search-input"]', query);
  };
  const firstTitle = () => textOf(page, RESULT_TITLES);
  const kinds = () => page.$$eval('[data-testid="result"]', (els) => [...new Set(els.map((e) => e.getAttribute('data-kind')))]);

  it('opens with the search box focused and shows ranked, highlighted results as you type', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type('lottery ticket bert');
    await expect.poll(firstTitle, { timeout: 15_000 }).toBe(LOTTERY_BERT);
    const marks = await textsOf(page, '[data-testid="result"]:first-child mark');
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['lottery', 'ticket', 'bert']));
    expect((await textsOf(page, RESULT_TITLES)).length).toBeGreaterThan(1);
    await screenshotFirefox(page, 'firefox-popup-results');
  });

  it('opens the active result with Enter: the summary, and a button that opens the paper in a new tab', async () => {
    await page.keyboard.press('Enter');
    await expect.poll(() => textOf(page, '[data-testid="opened-summary"] .sl-summary-title'), { timeout: 15_000 }).toBe(LOTTERY_BERT);
    expect(await textOf(page, '[data-testid="opened-summary"] .sl-summary-body')).toMatch(/lottery ticket/i);
    await screenshotFirefox(page, 'firefox-popup-summary');
    await clickTextFirefox(page, 'Open on arXiv');
    // A new tab on the paper's page (the extension sees its address: a paper host).
    const tabUrls = () => page.evaluate(async () => (await (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.tabs.query({})).map((t) => t.url));
    await expect.poll(tabUrls, { timeout: 10_000 }).toContain('https://arxiv.org/abs/2007.12223');
    await page.bringToFront();
    await page.click('[data-testid="back"]');
    await expect.poll(() => page.$eval('[data-testid="search-input"]', (el) => (el as HTMLInputElement).value)).toBe('lottery ticket bert');
  });

  it('tolerates typos and finds pasted arXiv and OpenReview URLs', async () => {
    for (const [query, title] of [
      ['reformr efficient', 'Reformer: The Efficient Transformer'],
      ['https://arxiv.org/abs/1810.04805v2', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
      ['https://openreview.net/forum?id=rkgNKkHtvB', 'Reformer: The Efficient Transformer'],
    ]) {
      await search(query);
      await expect.poll(firstTitle, { message: query }).toBe(title);
    }
  });

  it('filters: concepts only, summaries only, year range; a concept opens', async () => {
    await search('attention');
    await clickTextFirefox(page, 'Concepts');
    await expect.poll(kinds).toEqual(['concept']);
    await clickTextFirefox(page, 'Summaries');
    await expect.poll(kinds).toEqual(['summary']);
    await page.type('[aria-label="From year"]', '2020');
    await page.type('[aria-label="To year"]', '2020');
    await expect
      .poll(async () => {
        const metas = await textsOf(page, '[data-testid="result"] .sl-result-meta');
        return metas.length > 0 && metas.every((m) => / 2020( |$)/.test(` ${m} `.replace(/·/g, ' ')));
      })
      .toBe(true);
    await clickTextFirefox(page, 'All');
    await page.$eval('[aria-label="From year"]', (el) => (el as HTMLInputElement).select());
    await page.keyboard.press('Backspace');
    await page.$eval('[aria-label="To year"]', (el) => (el as HTMLInputElement).select());
    await page.keyboard.press('Backspace');

    await search('grad-cam');
    await expect.poll(() => page.$eval('[data-testid="result"]', (el) => el.getAttribute('data-kind'))).toBe('concept');
    await page.click('[data-testid="result"]');
    await expect.poll(() => textOf(page, '[data-testid="opened-concept"] .sl-summary-title'), { timeout: 15_000 }).toMatch(/Grad-CAM/);
    await page.click('[data-testid="back"]');
  });

  it('lists the paper just opened under "Recently viewed" when the popup opens again', async () => {
    await reloadExtensionPage(page);
    await expect.poll(() => textOf(page, '.sl-section-title'), { timeout: 10_000 }).toBe('Recently viewed');
    expect(await textsOf(page, RESULT_TITLES)).toContain(LOTTERY_BERT);
  });

  it('control: without the extension there is no popup to open', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const tab = await plain.browser.newPage();
      void tab.goto(`moz-extension://${firefox.uuid}/popup.html`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await tab.evaluate(() => document.querySelector('[data-testid="search-input"]'))).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
