// The in-page panel in Firefox ESR with the built extension (MV2): arXiv abs page and OpenReview
// forum for corpus papers show the right summary, in a closed shadow root; control without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ARTIFACTS } from './support/chromium';
import { launchFirefox, routeFixturesFirefox, shadowTextFirefox, waitForShadowTextFirefox } from './support/firefox';
import { PANEL_FIXTURES } from './support/panel';

const ready = (t: string, title: string) => t.includes(title) && !t.includes('Looking up');

describe('in-page panel (Firefox ESR)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
  });
  afterAll(() => browser?.close());

  it('arXiv abs page (current layout) of a corpus paper: its summary, math in KaTeX fonts', async () => {
    const page = await browser.newPage();
    await routeFixturesFirefox(page, PANEL_FIXTURES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    const text = await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Variational Dropout Sparsifies Deep Neural Networks'), 20_000);
    expect(text).toContain('Summary from ShortScience.org');
    expect(await page.evaluate(() => (document.querySelector('summary-lens-panel')?.shadowRoot ? 'open' : 'closed'))).toBe('closed');
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.nextElementSibling?.matches('blockquote.abstract'))).toBe(true);
    // The @font-face rules point at the extension (moz-extension://<uuid>/katex-fonts/…) and load.
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('SL-KaTeX') && f.status === 'loaded').length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-panel-abs.png') });
    await page.close();
  });

  it('OpenReview forum of a corpus paper: its summary under the header', async () => {
    const page = await browser.newPage();
    await routeFixturesFirefox(page, PANEL_FIXTURES);
    await page.goto('https://openreview.net/forum?id=SylKikSYDH');
    await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Compressive Transformers for Long-Range Sequence Modelling'), 20_000);
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.previousElementSibling?.className)).toBe('meta_row');
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-panel-openreview.png') });
    await page.close();
  });

  it('control: no panel without the extension', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const page = await plain.newPage();
      await routeFixturesFirefox(page, PANEL_FIXTURES);
      await page.goto('https://arxiv.org/abs/1701.05369');
      await new Promise((r) => setTimeout(r, 1000));
      expect(await shadowTextFirefox(plain, page)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
