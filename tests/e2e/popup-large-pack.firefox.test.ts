// The real popup after a 10,000-summary pack was imported from the options page (Firefox ESR):
// it still finds a paper of that pack and a paper of the shipped corpus. Correctness only: how
// fast is `npm run bench`'s business. Controls: before the import the pack's paper is not found;
// without the extension there is no popup. The checks: support/large-pack.ts (shared with Chromium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, textOf, textsOf, uploadFirefox, type FirefoxSession } from './support/firefox';
import { expectImported, expectNotYetImported, LARGE_IMPORT_TIMEOUT, writeLargePack, type PopupRows } from './support/large-pack';

const STATUS = '[data-testid=pack-import-status],[data-testid=pack-import-error]';

describe('popup with a 10,000-summary pack imported (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(() => firefox?.close());

  const popupRows: PopupRows = async (query, expectText) => {
    const page = await firefox.openExtensionPage('popup.html');
    try {
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
      await page.type('[data-testid="search-input"]', query);
      const rows = () => textsOf(page, '[data-testid="result"]');
      if (expectText) await expect.poll(async () => (await rows()).some((r) => r.includes(expectText)), { timeout: 60_000, message: query }).toBe(true);
      else await expect.poll(async () => (await rows()).length > 0 || (await textOf(page, '[data-testid="no-results"]')) !== null, { timeout: 60_000, message: query }).toBe(true);
      // innerText, as the Chromium twin reads: the rows' lines as shown.
      return await page.$$eval('[data-testid="result"]', (els) => els.map((e) => (e as HTMLElement).innerText));
    } finally {
      await page.close();
    }
  };

  it('control: before the import, the pack’s paper is not found; the shipped corpus is', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await expect.poll(() => textOf(options, '[data-testid="db-status"]'), { timeout: 20_000 }).toMatch(/172 summaries/);
    await options.close();
    await expectNotYetImported(popupRows);
  });

  it('finds a paper of the imported pack, by id and by title words, and still the shipped corpus’s papers', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await uploadFirefox(options, '[data-testid="pack-file"]', writeLargePack());
    await expect.poll(async () => (await textOf(options, STATUS)) ?? '', { timeout: LARGE_IMPORT_TIMEOUT, interval: 250 }).toMatch(/^(Imported|Could not)/);
    expect(await textOf(options, STATUS)).toMatch(/^Imported/); // else: the import's own message
    await options.close();
    await expectImported(popupRows);
  }, 400_000);

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
