// The in-page panel in Firefox ESR with the built extension (MV3): arXiv abs page and OpenReview
// forum for corpus papers show the right summary, in a closed shadow root; control without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, panelRootAsSeenByPage, screenshotFirefox, shadowTextFirefox, waitForShadowTextFirefox, type FirefoxSession } from './support/firefox';
import { join } from 'node:path';
import { ARTIFACTS } from './support/chromium';
import { FIRST_SCREEN, FIRST_SCREEN_PAGES, longestSummary, measureFirstScreen, PANEL_FIXTURES, SHOWN_SUMMARY_TEXT, textOfSummaryHtml } from './support/panel';
import { inShadowFirefox, notesFrameFirefox, NOTES_TEXTAREA, OPEN_NOTES_LINE } from './support/notes-frame';

const ready = (t: string, title: string) => t.includes(title) && !t.includes('Looking up');

describe('in-page panel (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let browser: Browser;
  beforeAll(async () => {
    firefox = await launchFirefox();
    browser = firefox.browser;
  });
  afterAll(() => firefox?.close());

  it('arXiv abs page (current layout) of a corpus paper: its summary, math in KaTeX fonts', async () => {
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    const text = await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Variational Dropout Sparsifies Deep Neural Networks'), 20_000);
    expect(text).toContain('Read full summary');
    expect(await panelRootAsSeenByPage(page)).toBe('closed');
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.nextElementSibling?.matches('blockquote.abstract'))).toBe(true);
    // The full summary has math: the @font-face rules point at the extension (moz-extension://<uuid>/katex-fonts/…) and load.
    await inShadowFirefox(browser, page, '(root) => { root.querySelector("button.sl-read-full").click(); return true; }');
    await waitForShadowTextFirefox(browser, page, (t) => t.includes('Summary from ShortScience.org'), 10_000);
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('SL-KaTeX') && f.status === 'loaded').length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshotFirefox(page, 'firefox-panel-abs');
    await inShadowFirefox(browser, page, '(root) => { root.querySelector("button.sl-read-less").click(); return true; }');
    await waitForShadowTextFirefox(browser, page, (t) => t.includes('Read full summary'), 10_000);
    await page.close();
  });

  it('compact at 1280×800: the abstract starts on the first screen on every abs layout and under the OpenReview title; "Read full summary" shows all of the longest summary', async () => {
    const longest = longestSummary();
    expect(longest.arxivId).toBe('2006.04635');
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.setViewport(FIRST_SCREEN);
    const shown = () => inShadowFirefox<string>(browser, page, `(root) => { ${SHOWN_SUMMARY_TEXT} }`);
    for (const target of FIRST_SCREEN_PAGES) {
      await page.goto(target.url);
      await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Read full summary'), 20_000);
      const m = await page.evaluate(measureFirstScreen, target);
      console.log(`[measure] Firefox ${target.url}: panel ${m.panelTop?.toFixed(0)}+${m.panelHeight?.toFixed(0)} px, abstract's first line ends at ${m.abstractFirstLineBottom?.toFixed(0)} px of ${m.viewportHeight}`);
      expect(m.scrollY).toBe(0);
      expect(m.abstractFirstLineBottom, target.url).not.toBeNull();
      expect(m.abstractFirstLineBottom!, target.url).toBeLessThanOrEqual(m.viewportHeight);
      if (target.url.includes('openreview')) expect(m.panelTop!, target.url).toBeGreaterThanOrEqual(m.titleBottom!);
    }
    await page.goto('https://arxiv.org/abs/2006.04635');
    await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Read full summary'), 20_000);
    const full = await page.evaluate(textOfSummaryHtml, longest.html);
    const opening = (await shown())!;
    expect(opening.length).toBeGreaterThan(100);
    expect(opening.length).toBeLessThan(full.length / 5);
    expect(full.startsWith(opening)).toBe(true);
    await screenshotFirefox(page, 'firefox-panel-compact-longest-preview');
    await inShadowFirefox(browser, page, '(root) => { root.querySelector("button.sl-read-full").click(); return true; }');
    await waitForShadowTextFirefox(browser, page, (t) => t.includes('Show less'), 10_000);
    expect(await shown()).toBe(full);
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-panel-compact-longest-full.png'), fullPage: true });
    // Remembered on the next page, until "Show less".
    await page.goto('https://arxiv.org/abs/1701.05369');
    await waitForShadowTextFirefox(browser, page, (t) => t.includes('Show less'), 20_000);
    await inShadowFirefox(browser, page, '(root) => { root.querySelector("button.sl-read-less").click(); return true; }');
    await waitForShadowTextFirefox(browser, page, (t) => t.includes('Read full summary'), 10_000);
    await page.close();
  });

  it('OpenReview forum of a corpus paper: its summary under the header', async () => {
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.goto('https://openreview.net/forum?id=SylKikSYDH');
    await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Compressive Transformers for Long-Range Sequence Modelling'), 20_000);
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.previousElementSibling?.className)).toBe('meta_row');
    await screenshotFirefox(page, 'firefox-panel-openreview');
    await page.close();
  });

  it('notes: an extension frame in the panel that loads, saves, fits its content, and opens for the panel only', async () => {
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Variational Dropout Sparsifies Deep Neural Networks'), 20_000);
    await inShadowFirefox(browser, page, `(root) => (${OPEN_NOTES_LINE}).call(root)`); // the compact panel's notes open from one line
    const notes = await notesFrameFirefox(page);
    const frame = () =>
      inShadowFirefox<{ src: string; title: string; height: number }>(browser, page, '(root) => { const f = root.querySelector("iframe.sl-notes-frame"); return { src: f.src, title: f.title, height: f.getBoundingClientRect().height }; }');
    const { src, title } = (await frame())!;
    expect(src.startsWith(`${firefox.origin}/notes-frame.html?`)).toBe(true);
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
    await inShadowFirefox(browser, page, '(root) => root.querySelector("iframe.sl-notes-frame").scrollIntoView({ block: "center" })');
    await screenshotFirefox(page, 'firefox-panel-notes-frame');

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

    // A page that knew the extension's address (it cannot learn it: install-id.firefox.test.ts)
    // could frame the notes page itself, but without a token our panel issued it gets no editor.
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

  it('OpenReview forum reached by in-page navigation, and left again', async () => {
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.goto('https://openreview.net/group?id=ICLR.cc/2020/Conference');
    await new Promise((r) => setTimeout(r, 800)); // nothing to wait for: the venue page gets no panel
    expect(await shadowTextFirefox(browser, page)).toBeNull();
    await page.click('a[href="/forum?id=SylKikSYDH"]');
    await waitForShadowTextFirefox(browser, page, (t) => ready(t, 'Compressive Transformers for Long-Range Sequence Modelling'), 20_000);
    expect(await page.evaluate(() => location.href)).toBe('https://openreview.net/forum?id=SylKikSYDH');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // no page load happened
    await screenshotFirefox(page, 'firefox-panel-openreview-spa');
    await page.evaluate(() => history.back());
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('summary-lens-panel').length)).toBe(0);
    expect(await page.evaluate(() => location.href)).toContain('/group?id=');
    await page.close();
  });

  it('control: no panel without the extension', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const page = await plain.newPage(PANEL_FIXTURES);
      await page.goto('https://arxiv.org/abs/1701.05369');
      await new Promise((r) => setTimeout(r, 1000));
      expect(await shadowTextFirefox(plain.browser, page)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe('in-page panel, dark system theme (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox({ colorScheme: 'dark' });
  });
  afterAll(() => firefox?.close());

  const panelTheme = (page: Page) =>
    inShadowFirefox<{ theme: string; background: string }>(firefox.browser, page, '(root) => { const p = root.querySelector(".sl-panel"); return { theme: p.dataset.theme, background: getComputedStyle(p).backgroundColor }; }');

  it('follows the system on abs pages and on arXiv HTML pages (which follow it too)', async () => {
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    await waitForShadowTextFirefox(firefox.browser, page, (t) => ready(t, 'Variational Dropout Sparsifies Deep Neural Networks'), 20_000);
    expect(await panelTheme(page)).toEqual({ theme: 'dark', background: 'rgb(22, 27, 34)' });
    await screenshotFirefox(page, 'firefox-panel-dark-abs');

    await page.goto('https://arxiv.org/html/1911.05507v1');
    await waitForShadowTextFirefox(firefox.browser, page, (t) => ready(t, 'Compressive Transformers for Long-Range Sequence Modelling'), 20_000);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect((await panelTheme(page))!.theme).toBe('dark');
    await page.close();
  });

  it('the extension pages are dark too (popup)', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await screenshotFirefox(popup, 'firefox-popup-dark');
    await popup.close();
  });
});
