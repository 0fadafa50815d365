// The real popup after a 10,000-summary pack was imported from the options page (Chromium): it
// still finds a paper of that pack and a paper of the shipped corpus. Correctness only: how fast
// is `npm run bench`'s business. Control: before the import the pack's paper is not found.
// The Firefox twin: popup-large-pack.firefox.test.ts (the checks: support/large-pack.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ExtensionBrowser } from './support/chromium';
import { openExtensionPage, waitForReady } from './support/extension-db';
import { expectImported, expectNotYetImported, LARGE_IMPORT_TIMEOUT, writeLargePack, type PopupRows } from './support/large-pack';

describe('popup with a 10,000-summary pack imported (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  const popupRows: PopupRows = async (query, expectText) => {
    const page = await openExtensionPage(browser, 'popup.html');
    try {
      await page.getByTestId('search-input').fill(query);
      const timeout = 150_000;
      if (expectText) await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="result"]')].some((r) => r.textContent?.includes(t)), expectText, { timeout });
      else await page.locator('[data-testid="result"],[data-testid="no-results"]').first().waitFor({ timeout });
      return await page.getByTestId('result').allInnerTexts();
    } finally {
      await page.close();
    }
  };

  it('control: before the import, the pack’s paper is not found; the shipped corpus is', async () => {
    const page = await openExtensionPage(browser);
    await waitForReady(page);
    await page.close();
    await expectNotYetImported(popupRows);
  });

  it('finds a paper of the imported pack, by id and by title words, and still the shipped corpus’s papers', async () => {
    const page = await openExtensionPage(browser);
    await waitForReady(page);
    // ~100 MB: handed to the file input from disk (Playwright carries buffers up to 50 MB only).
    await page.getByTestId('pack-file').setInputFiles(writeLargePack());
    await expect.poll(() => page.locator('[data-testid=pack-import-status],[data-testid=pack-import-error]').innerText(), { timeout: LARGE_IMPORT_TIMEOUT, interval: 250 }).toMatch(/^(Imported|Could not)/);
    expect(await page.getByTestId('pack-import-status').innerText()).toMatch(/^Imported/);
    await page.close();
    await expectImported(popupRows);
  }, 400_000);
});
