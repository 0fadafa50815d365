// The in-page panel in Firefox ESR with the built extension (MV2): arXiv abs page and OpenReview
// forum for corpus papers show the right summary, in a closed shadow root; control without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ARTIFACTS } from './support/chromium';
import { launchFirefox, routeFixturesFirefox, shadowTextFirefox, waitForShadowTextFirefox } from './support/firefox';
import { PANEL_FIXTURES } from './support/panel';
import { inShadowFirefox, notesFrameFirefox, NOTES_TEXTAREA } from './support/notes-frame';

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

  it('notes: an extension frame in the panel that loads, saves, fits its content, and opens for the panel only', async () => {
    const page = await browser.newPage();
    await routeFixturesFirefox(page, PANEL_FIXTURES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Variational Dropout Sparsifies Deep Neural Networks'), 20_000);
    const notes = await notesFrameFirefox(page);
    const frame = () =>
      inShadowFirefox<{ src: string; title: string; height: number }>(browser, page, '(root) => { const f = root.querySelector("iframe.sl-notes-frame"); return { src: f.src, title: f.title, height: f.getBoundingClientRect().height }; }');
    const { src, title } = (await frame())!;
    expect(src).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/notes-frame\.html\?paperKey=arxiv%3A1701\.05369&theme=light&token=/);
    expect(title).toBe('Your notes on Variational Dropout Sparsifies Deep Neural Networks');
    // Sized to its content through the background relay (no tabs API in such a frame in Firefox).
    const contentHeight = () => notes.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await expect.poll(async () => (await frame())!.height === (await contentHeight()), { timeout: 5000 }).toBe(true);

    // A real note, typed with real key events, saved by the background.
    const secret = `Firefox note ${Date.now()}`;
    await (await notes.$(NOTES_TEXTAREA))!.type(secret);
    await expect.poll(() => notes.evaluate(() => document.querySelector('[data-testid="notes-save-state"]')?.getAttribute('data-state')), { timeout: 5000 }).toBe('saved');
    // The page reads none of it; it cannot open the frame's document either.
    const probe = await page.evaluate((t) => ({ inPage: document.documentElement.outerHTML.includes(t) || document.body.innerText.includes(t), iframes: document.querySelectorAll('iframe').length, frames: window.length }), secret);
    expect(probe).toEqual({ inPage: false, iframes: 0, frames: 0 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await inShadowFirefox(browser, page, '(root) => root.querySelector("iframe.sl-notes-frame").scrollIntoView({ block: "center" })');
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-panel-notes-frame.png') });

    // The frame follows the panel's theme (posted to it): switch the setting from the frame itself.
    const theme = () => notes.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    const setTheme = (value: string) =>
      notes.evaluate(async (v) => {
        const storage = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, any>>; set(o: object): Promise<void> } } } }).browser.storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...settings, theme: v } });
      }, value);
    await setTheme('dark');
    await expect.poll(theme, { timeout: 5000 }).toBe('dark');
    await setTheme('auto');
    await expect.poll(theme, { timeout: 5000 }).toBe('light');

    // The page can learn the extension's address (the KaTeX @font-face rules show it) and frame
    // the notes page itself, but without a token our panel issued it gets no editor.
    await page.evaluate((url) => {
      const f = document.createElement('iframe');
      f.id = 'intruder';
      f.src = url.replace(/token=[^&]+/, 'token=forgedforgedforgedforged');
      document.body.prepend(f);
    }, src);
    await expect
      .poll(async () => {
        for (const f of page.frames()) {
          const text = await f.evaluate(() => (location.href.includes('token=forged') ? document.body.innerText : null)).catch(() => null);
          if (text) return text;
        }
        return null;
      }, { timeout: 10_000 })
      .toBe('This notes frame was not opened by the Summary Lens panel on this page.');
    expect(await page.evaluate(() => (document.getElementById('intruder') as HTMLIFrameElement).contentDocument)).toBeNull();
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
