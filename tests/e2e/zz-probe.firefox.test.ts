import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchFirefox, routeFixturesFirefox, waitForShadowTextFirefox } from './support/firefox';
import { PANEL_FIXTURES } from './support/panel';
import { inShadowFirefox } from './support/notes-frame';
describe('probe ff', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchFirefox(); });
  afterAll(() => browser?.close());
  it('probe', async () => {
    const page = await browser.newPage();
    await routeFixturesFirefox(page, PANEL_FIXTURES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    await waitForShadowTextFirefox(browser, page, (t) => t.includes('Summary from'), 20_000);
    await new Promise((r) => setTimeout(r, 3000));
    console.log(page.frames().map((f) => f.url().slice(0, 120)));
    const f = page.frames().find((f) => f.url().includes('notes-frame'));
    if (f) console.log('body', await f.evaluate(() => document.body.innerText.slice(0, 300)).catch((e) => 'ERR ' + e.message));
    console.log('iframe', await inShadowFirefox(browser, page, '(root) => { const i = root.querySelector("iframe"); return i ? [i.src.slice(0, 60), i.getBoundingClientRect().height] : null; }'));
    if (f) console.log('bodyh', await f.evaluate(() => document.body.getBoundingClientRect().height));
    expect(1).toBe(1);
  });
});
