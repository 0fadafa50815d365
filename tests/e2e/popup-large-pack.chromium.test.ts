// The real popup after a 10,000-summary pack was imported from the options page (Chromium): it
// still finds a paper of that pack and a paper of the shipped corpus. Correctness only: how fast
// is `npm run bench`'s business. Control: before the import the pack's paper is not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ExtensionBrowser } from './support/chromium';
import { openExtensionPage, waitForReady } from './support/extension-db';
import { makePack, syntheticArxivId } from '../fixtures/packs/make-packs';

const PACK_ID = 'e2e-10k';
const SIZE = 10_000;
const PACK_PAPER = `(${PACK_ID} 4321)`; // make-packs titles end with "(<pack id> <index>)"

/** Opens the popup, types `query` and returns the text of its result rows once `expect` shows (or the rows after `settleMs`). */
async function popupRows(browser: ExtensionBrowser, query: string, expectText: string | null, timeout = 150_000): Promise<string[]> {
  const page: Page = await openExtensionPage(browser, 'popup.html');
  try {
    await page.getByTestId('search-input').fill(query);
    if (expectText) await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="result"]')].some((r) => r.textContent?.includes(t)), expectText, { timeout });
    else await page.locator('[data-testid="result"],[data-testid="no-results"]').first().waitFor({ timeout });
    return await page.getByTestId('result').allInnerTexts();
  } finally {
    await page.close();
  }
}

describe('popup with a 10,000-summary pack imported (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('control: before the import, the pack’s paper is not found; the shipped corpus is', async () => {
    const page = await openExtensionPage(browser);
    await waitForReady(page);
    await page.close();
    expect((await popupRows(browser, syntheticArxivId(4321), null)).join('\n')).not.toContain(PACK_PAPER);
    expect((await popupRows(browser, 'lottery ticket', 'Lottery Ticket Hypothesis')).length).toBeGreaterThan(0);
  });

  it('finds a paper of the imported pack, by id and by title words, and still the shipped corpus’s papers', async () => {
    const page = await openExtensionPage(browser);
    await waitForReady(page);
    // ~100 MB: handed to the file input from disk (Playwright carries buffers up to 50 MB only).
    const file = join(mkdtempSync(join(tmpdir(), 'sl-pack-10k-')), 'pack-10k.json');
    writeFileSync(file, JSON.stringify(makePack({ id: PACK_ID, summaries: SIZE })));
    await page.getByTestId('pack-file').setInputFiles(file);
    await expect.poll(() => page.locator('[data-testid=pack-import-status],[data-testid=pack-import-error]').innerText(), { timeout: 120_000, interval: 250 }).toMatch(/^(Imported|Could not)/);
    expect(await page.getByTestId('pack-import-status').innerText()).toMatch(/^Imported/);
    await page.close();

    const byId = await popupRows(browser, syntheticArxivId(4321), PACK_PAPER);
    expect(byId[0]).toContain(PACK_PAPER);
    // Title words plus the pack's own marker: the one paper of the pack with that index.
    const byWords = await popupRows(browser, `${PACK_ID} 4321`, PACK_PAPER);
    expect(byWords.some((r) => r.includes(PACK_PAPER))).toBe(true);
    // The shipped paper itself (the pack repeats its text under other ids, so its words alone
    // would also list the copies): by its arXiv id, and by words among its copies.
    const shipped = await popupRows(browser, '1903.01611', 'Lottery Ticket Hypothesis');
    expect(shipped[0]).toMatch(/^Stabilizing the Lottery Ticket Hypothesis/);
    expect(shipped[0]).not.toContain(`(${PACK_ID}`);
    const byShippedWords = await popupRows(browser, 'stabilizing lottery ticket', 'Lottery Ticket Hypothesis');
    expect(byShippedWords.some((r) => r.startsWith('Stabilizing the Lottery Ticket Hypothesis') && !r.includes(`(${PACK_ID}`))).toBe(true);
  }, 400_000);
});
