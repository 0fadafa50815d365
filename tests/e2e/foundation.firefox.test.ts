import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ARTIFACTS } from './support/chromium';
import { launchFirefox, routeFixturesFirefox, shadowTextFirefox, waitForShadowTextFirefox } from './support/firefox';

const FIXTURES = { 'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html' };

describe('foundation (Firefox ESR)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
  });
  afterAll(() => browser?.close());

  it('mounts the panel in a closed shadow root on an arXiv abs page', async () => {
    const page = await browser.newPage();
    await routeFixturesFirefox(page, FIXTURES);
    await page.goto('https://arxiv.org/abs/2106.09608');
    const text = await waitForShadowTextFirefox(browser, page, (t) => t.includes('Summary Lens') && !t.includes('Loading'));
    expect(text).toMatch(/No summary yet|Learning Knowledge Graph/);
    expect(await page.evaluate(() => (document.querySelector('summary-lens-panel')?.shadowRoot ? 'open' : 'closed'))).toBe('closed');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-abs-panel.png') });
  });

  it('shows no panel when the extension is not loaded (control)', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const page = await plain.newPage();
      await routeFixturesFirefox(page, FIXTURES);
      await page.goto('https://arxiv.org/abs/2106.09608');
      await new Promise((r) => setTimeout(r, 1000));
      expect(await shadowTextFirefox(plain, page)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
