// Faster ways in, Firefox ESR, with the built extension: the popup shortcut (manifest
// `commands._execute_action`, the binding `commands.getAll()` reports, shown in the popup's
// footer) and the address-bar keyword "sl". The omnibox is driven through Firefox's own
// ExtensionSearchHandler (system access in the browser window): the module the address bar's
// extension provider calls when the user types "sl …" and presses Enter, so the background's real
// listeners answer and open the real tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, screenshotFirefox, type FirefoxSession } from './support/firefox';

const HANDLER = `ChromeUtils.importESModule('resource://gre/modules/ExtensionSearchHandler.sys.mjs').ExtensionSearchHandler`;

/** What the address bar shows under "sl <text>". */
const suggest = (firefox: FirefoxSession, text: string) =>
  firefox.inBrowserWindow<{ content: string; description: string }[]>(`(async () => {
    const handler = ${HANDLER};
    return await new Promise((resolve, reject) => {
      handler.handleSearch({ keyword: 'sl', text: ${JSON.stringify(`sl ${text}`)}, inPrivateWindow: false }, (suggestions) => resolve(suggestions.map(({ content, description }) => ({ content, description }))));
      setTimeout(() => reject(new Error('no suggestions within 10 s')), 10000);
    });
  })()`);

describe('shortcut and address-bar keyword (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(() => firefox?.close());

  it('declares the shortcut and the keyword; the popup footer shows the binding Firefox has', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    const api = await popup.evaluate(async () => {
      const b = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      const m = b.runtime.getManifest() as unknown as Record<string, unknown>;
      return { commands: m.commands, omnibox: m.omnibox, bound: (await b.commands.getAll()).find((c) => c.name === '_execute_action')?.shortcut };
    });
    // (Firefox fills the other platforms' keys with null)
    expect(api.commands).toMatchObject({ _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open Summary Lens search' } });
    expect(api.omnibox).toEqual({ keyword: 'sl' });
    expect(api.bound).toBe('Alt+Shift+S');
    await popup.waitForFunction((s) => document.querySelector('[data-testid="popup-shortcut"]')?.textContent === s, { timeout: 10_000 }, api.bound);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="popup-footer"]')!.textContent)).toContain('type sl and a space in the address bar');
    await screenshotFirefox(popup, 'firefox-popup-footer-shortcut');
    await popup.close();
  });

  it('"sl <query>" suggests from the same search, as plain text; Enter opens the paper page', async () => {
    expect(await firefox.inBrowserWindow(`${HANDLER}.isKeywordRegistered('sl')`)).toBe(true);
    const hits = await suggest(firefox, 'variational dropout sparsifies');
    expect(hits[0]).toEqual({ content: 'https://arxiv.org/abs/1701.05369', description: 'Variational Dropout Sparsifies Deep Neural Networks — Dmitry Molchanov, Arsenii Ashukha et al. · 2017' });
    expect(hits.length).toBeLessThanOrEqual(6);
    expect(new Set(hits.map((h) => h.content)).size).toBe(hits.length);
    const concept = (await suggest(firefox, 'backpropagation chain rule')).find((h) => h.content.includes('/concept.html?id='));
    expect(concept?.content.startsWith(`${firefox.origin}/concept.html?id=cs7643-`)).toBe(true);

    // Enter on typed words: the background opens the best match in a new tab. (That tab is not
    // routed to the fixtures, so it shows Firefox's offline error page: its address is what counts.)
    const tabs = () => firefox.inBrowserWindow<string[]>('gBrowser.tabs.map((t) => t.linkedBrowser.currentURI.spec)');
    expect(await tabs()).not.toContain('https://arxiv.org/abs/2001.04451');
    await firefox.inBrowserWindow(`(async () => {
      const h = ${HANDLER};
      const text = 'sl reformer efficient transformer';
      await new Promise((resolve) => h.handleSearch({ keyword: 'sl', text, inPrivateWindow: false }, resolve));
      h.handleInputEntered('sl', text, 'tab');
      return true;
    })()`);
    await expect.poll(tabs, { timeout: 15_000 }).toContain('https://arxiv.org/abs/2001.04451');
  });

  it('control: without the extension the keyword is not registered', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      expect(await plain.inBrowserWindow(`${HANDLER}.isKeywordRegistered('sl')`)).toBe(false);
    } finally {
      await plain.close();
    }
  });
});
