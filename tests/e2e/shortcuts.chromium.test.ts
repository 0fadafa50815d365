// Faster ways in, Chromium, with the built extension: the keyboard shortcut that opens the popup
// (manifest `commands._execute_action`, the binding the browser reports, shown in the popup's
// footer) and the address-bar keyword "sl". Headless Chromium has no address bar to type in, so
// the omnibox events are dispatched to the background's real listeners in the service worker
// (`chrome.omnibox.onInputChanged.dispatch`, the path the browser's own omnibox takes into the
// extension); what they suggest and the tab they open are the real ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { launchChromium, screenshot, serveFixtures, waitForShadowText, type ExtensionBrowser } from './support/chromium';
import { PANEL_FIXTURES } from './support/panel';

declare const chrome: typeof import('wxt/browser').browser & {
  omnibox: { onInputChanged: { dispatch(text: string, suggest: (s: Suggestion[]) => void): void }; onInputEntered: { dispatch(text: string, disposition: string): void } };
};

interface Suggestion {
  content: string;
  description: string;
}

/** Types `text` after "sl " as the omnibox would: the suggestions the background returns. */
const suggest = (worker: Worker, text: string) =>
  worker.evaluate(
    (t) => new Promise<Suggestion[]>((resolve, reject) => {
      chrome.omnibox.onInputChanged.dispatch(t, resolve);
      setTimeout(() => reject(new Error('no suggestions within 10 s')), 10_000);
    }),
    text,
  );
/** Presses Enter on `text` (a suggestion's content or typed words) with a disposition. */
const enter = (worker: Worker, text: string, disposition = 'newForegroundTab') => worker.evaluate(([t, d]) => chrome.omnibox.onInputEntered.dispatch(t, d), [text, disposition] as const);

describe('shortcut and address-bar keyword (Chromium)', () => {
  let browser: ExtensionBrowser;
  let worker: Worker;

  beforeAll(async () => {
    serveFixtures(PANEL_FIXTURES);
    browser = await launchChromium();
    worker = browser.context.serviceWorkers()[0];
  });
  afterAll(() => browser?.close());

  it('declares the shortcut and the keyword; the popup footer shows the binding the browser has', async () => {
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest() as Record<string, unknown>);
    expect(manifest.commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open Summary Lens search' } });
    expect(manifest.omnibox).toEqual({ keyword: 'sl' });
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    const open = commands.find((c) => c.name === '_execute_action');
    expect(open?.shortcut).toBe('Alt+Shift+S');

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('popup-shortcut').textContent()).toBe(open!.shortcut);
    expect(await popup.getByTestId('popup-footer').textContent()).toContain('type sl and a space in the address bar');
    await screenshot(popup, 'popup-footer-shortcut');
    // "change" opens the browser's shortcuts page, where the binding is changed.
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'change' }).click();
    expect((await opened).url()).toBe('chrome://extensions/shortcuts');
    await popup.close();
  });

  it('suggests papers and course notes for "sl <query>" from the same search as the popup', async () => {
    const hits = await suggest(worker, 'variational dropout sparsifies');
    expect(hits[0]).toEqual({
      content: 'https://arxiv.org/abs/1701.05369',
      description: '<match>Variational Dropout Sparsifies Deep Neural Networks</match> <dim>Dmitry Molchanov, Arsenii Ashukha et al. · 2017</dim>',
    });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.length).toBeLessThanOrEqual(6);
    expect(new Set(hits.map((h) => h.content)).size).toBe(hits.length);
    // Typos, as in the popup; and concepts open the extension's concept page.
    expect((await suggest(worker, 'reformr efficient transformer'))[0].content).toBe('https://arxiv.org/abs/2001.04451');
    const concept = (await suggest(worker, 'backpropagation chain rule')).find((h) => h.content.includes('/concept.html?id='));
    expect(concept?.content).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/concept\\.html\\?id=cs7643-`));
    expect(await suggest(worker, '   ')).toEqual([]);
  });

  it('Enter opens the paper page (whose panel shows its summary) or the concept page', async () => {
    const paper = browser.context.waitForEvent('page');
    await enter(worker, 'https://arxiv.org/abs/1701.05369');
    const page = await paper;
    await page.waitForURL('https://arxiv.org/abs/1701.05369');
    await waitForShadowText(page, (t) => t.includes('Variational Dropout Sparsifies Deep Neural Networks') && !t.includes('Looking up'), 15_000);
    await screenshot(page, 'omnibox-opened-paper');

    // Typed words without picking a suggestion: the best match, here in the current tab.
    await enter(worker, 'reformer efficient transformer', 'currentTab');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe('https://arxiv.org/abs/2001.04451');

    const conceptUrl = (await suggest(worker, 'backpropagation chain rule')).find((h) => h.content.includes('/concept.html?id='))!.content;
    const concept = browser.context.waitForEvent('page');
    await enter(worker, conceptUrl);
    const conceptPage = await concept;
    await conceptPage.waitForURL(conceptUrl);
    await expect.poll(() => conceptPage.locator('.sl-concept-title').textContent(), { timeout: 10_000 }).toBeTruthy();

    // An address the extension did not suggest is only a query: it never opens as such.
    const before = browser.context.pages().length;
    await enter(worker, 'https://evil.example/phish');
    await page.waitForTimeout(500);
    expect(browser.context.pages().map((p) => p.url())).not.toContain('https://evil.example/phish');
    expect(browser.context.pages().length).toBeLessThanOrEqual(before + 1);
  });

  it('control: without the extension there is no worker to answer the keyword and no popup', async () => {
    const plain = await launchChromium({ withExtension: false });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      expect(plain.context.serviceWorkers()).toEqual([]);
      const page = await plain.context.newPage();
      const loaded = await page.goto(`chrome-extension://${browser.extensionId}/popup.html`).then(
        () => page.getByTestId('popup-footer').count(),
        () => 0,
      );
      expect(loaded).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
