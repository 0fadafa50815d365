// Personal notes end to end in Chromium, through the built extension: write in the arXiv panel
// (closed shadow root, driven over CDP + real key events), close mid-typing, reopen; the options
// dashboard; live update across tabs; export JSON -> wipe -> import gives the notes back exactly;
// a corrupt import is refused with a clear error and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, serveFixtures, type ExtensionBrowser } from './support/chromium';
import { shadowCall, shadowClick, shadowFocus, shadowValue, waitForShadow } from './support/shadow-dom';

const ABS = 'https://arxiv.org/abs/2106.09608';
const TEXTAREA = '[data-testid="notes-editor"] textarea';
const SAVE_STATE = '[data-testid="notes-save-state"]';

/** Opens the paper and waits for its notes editor to be ready (opening the notes on a no-summary bar). */
async function openPanelNotes(page: Page): Promise<void> {
  await page.goto(ABS);
  await waitForShadow(page, `function () {
    if (this.querySelector('[data-testid="notes-editor"]')) return true;
    const open = [...this.querySelectorAll('button[aria-expanded="false"]')].find((b) => /notes/i.test(b.textContent));
    open?.click();
    return false;
  }`);
  await waitForShadow(page, `function (s) { const t = this.querySelector(s); return t && !t.disabled; }`, [TEXTAREA]);
}

async function typeInPanel(page: Page, text: string): Promise<void> {
  expect(await shadowFocus(page, TEXTAREA)).toBe(true);
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const panelSaveState = (page: Page) => shadowCall<string>(page, 'function (s) { return this.querySelector(s)?.dataset.state ?? null; }', [SAVE_STATE]);

async function exportJson(options: Page): Promise<{ text: string; doc: { notes: unknown[]; revisions: unknown[]; exportedAt: string } }> {
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-json').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  return { text, doc: JSON.parse(text) };
}

describe('notes (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  const first = 'Knowledge graphs as **world models**: $x^2$ helps.';

  beforeAll(async () => {
    serveFixtures({ 'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html' });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('keeps a note typed in the panel when the tab closes mid-typing', async () => {
    const page = await browser.context.newPage();
    await openPanelNotes(page);
    expect(await shadowValue(page, TEXTAREA)).toBe('');
    await typeInPanel(page, first);
    // Close at once: the 400 ms autosave has not fired; pagehide must save (or leave a draft).
    await page.close({ runBeforeUnload: true });

    const again = await browser.context.newPage();
    await openPanelNotes(again);
    await waitForShadow(again, 'function (s, v) { return this.querySelector(s)?.value === v; }', [TEXTAREA, first]);
    await again.close();
  });

  it('shows the note on the options dashboard with its paper and link', async () => {
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator('[data-testid="note-row"][data-paper-key="arxiv:2106.09608"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => row.textContent()).toContain('world models');
    expect(await row.locator('h3 a').getAttribute('href')).toBe('https://arxiv.org/abs/2106.09608');
    expect(await options.getByTestId('notes-count').textContent()).toBe('1 note');
    await screenshot(options, 'chromium-notes-dashboard');
  });

  it('updates an open tab live when the note is edited in a second tab', async () => {
    const tab1 = await browser.context.newPage();
    await openPanelNotes(tab1);
    const tab2 = await browser.context.newPage();
    await openPanelNotes(tab2);
    await typeInPanel(tab2, ' Edited in tab two.');
    await waitForShadow(tab2, 'function (s) { return this.querySelector(s)?.dataset.state === "saved"; }', [SAVE_STATE]);
    const savedAt = Date.now();
    await waitForShadow(tab1, 'function (s, v) { return this.querySelector(s)?.value === v; }', [TEXTAREA, `${first} Edited in tab two.`], 3000);
    expect(Date.now() - savedAt).toBeLessThan(1000);
    // The dashboard follows too, without a reload.
    await expect.poll(() => options.locator('[data-testid="note-row"]').first().textContent(), { timeout: 2000 }).toContain('Edited in tab two.');
    expect(await panelSaveState(tab1)).not.toBe('error');
    await tab1.locator('summary-lens-panel').scrollIntoViewIfNeeded();
    await screenshot(tab1, 'chromium-notes-panel');
    await tab2.close();
    await tab1.close();
  });

  it('export JSON -> delete all -> import gives every note back exactly', async () => {
    const before = await exportJson(options);
    expect(before.doc.notes).toHaveLength(1);
    expect(before.doc.notes[0]).toMatchObject({ paperKey: 'arxiv:2106.09608', text: `${first} Edited in tab two.` });

    await options.getByTestId('wipe-start').click();
    await options.getByTestId('wipe-confirm').click();
    await expect.poll(() => options.getByTestId('notes-count').textContent()).toBe('0 notes');

    await options.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from(before.text) });
    await expect.poll(() => options.getByTestId('import-counts').textContent()).toMatch(/^1 new, 0 replaced/);
    await options.getByTestId('import-apply').click();
    await expect.poll(() => options.getByTestId('import-message').textContent()).toMatch(/1 added/);
    await expect.poll(() => options.getByTestId('notes-count').textContent()).toBe('1 note');

    const after = await exportJson(options);
    expect({ ...after.doc, exportedAt: null }).toEqual({ ...before.doc, exportedAt: null });
  });

  it('refuses a corrupt import with a clear error and changes nothing', async () => {
    const before = await exportJson(options);
    const corrupt = JSON.stringify({ format: 'summary-lens-notes', version: 1, exportedAt: 'x', notes: [{ paperKey: 'arxiv:2106.09608', text: 42 }], revisions: [] });
    for (const [buffer, message] of [
      [corrupt, /notes\[0\]\.text/],
      ['{"format": "summary-lens-notes", "notes": [', /not valid JSON/],
    ] as const) {
      await options.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(buffer) });
      await expect.poll(() => options.getByTestId('import-error').textContent()).toMatch(message);
      expect(await options.getByTestId('import-preview').count()).toBe(0);
    }
    await screenshot(options, 'chromium-notes-import-error');
    const after = await exportJson(options);
    expect({ ...after.doc, exportedAt: null }).toEqual({ ...before.doc, exportedAt: null });
  });
});
