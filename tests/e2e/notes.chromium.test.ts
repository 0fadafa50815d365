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

async function typeInPanel(page: Page, text: string, delay = 0): Promise<void> {
  expect(await shadowFocus(page, TEXTAREA)).toBe(true);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay });
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
    // The page itself cannot read the note: it lives in a closed shadow root and extension storage.
    expect(await again.evaluate((t) => document.documentElement.outerHTML.includes(t) || document.body.innerText.includes(t), first)).toBe(false);

    // Preview: rendered by the background, sanitized in the panel, math included.
    await shadowClick(again, '.sl-notes-preview-toggle');
    const rendered = await waitForShadow<{ strong: string; katex: boolean }>(again, `function () {
      const r = this.querySelector('.sl-notes-rendered');
      return r && r.querySelector('strong') ? { strong: r.querySelector('strong').textContent, katex: !!r.querySelector('.katex') } : null;
    }`);
    expect(rendered).toEqual({ strong: 'world models', katex: true });
    await again.locator('summary-lens-panel').scrollIntoViewIfNeeded();
    await screenshot(again, 'chromium-notes-preview');
    await shadowClick(again, '.sl-notes-preview-toggle');

    // Tags and reading status, saved at once.
    expect(await shadowFocus(again, '.sl-notes-tag-input')).toBe(true);
    await again.keyboard.type('World Models, rl');
    await again.keyboard.press('Enter');
    await shadowClick(again, '.sl-notes-status button:first-child'); // To read
    await waitForShadow(again, 'function () { return [...this.querySelectorAll(".sl-notes-chip span")].map((s) => s.textContent).join("|") === "world models|rl"; }');
    await again.close();
  });

  it('shows the note on the options dashboard with its paper and link', async () => {
    options = await browser.context.newPage();
    options.setDefaultTimeout(5000); // a failure reads as a failure, not a 60 s hang
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator('[data-testid="note-row"][data-paper-key="arxiv:2106.09608"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => row.textContent()).toContain('world models');
    expect(await row.locator('h3 a').getAttribute('href')).toBe('https://arxiv.org/abs/2106.09608');
    expect(await options.getByTestId('notes-count').textContent()).toBe('1 note');
    await expect.poll(() => row.locator('.sl-badge').textContent()).toBe('To read');
    expect(await row.locator('.sl-tag').allTextContents()).toEqual(['world models', 'rl']);
    // Filters and search.
    await options.getByLabel('Status').selectOption('read');
    await expect.poll(() => options.getByTestId('notes-count').textContent()).toBe('0 of 1 notes');
    await options.getByLabel('Status').selectOption('');
    await options.getByLabel('Search').fill('knowledge graph ammanabrolu');
    await expect.poll(() => options.getByTestId('notes-count').textContent()).toBe('1 note');
    await options.getByLabel('Search').fill('');
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

  it('two tabs typing at once: the newest edit wins, both users are told, the other text is kept', async () => {
    const [tab1, tab2] = [await browser.context.newPage(), await browser.context.newPage()];
    await openPanelNotes(tab1);
    await openPanelNotes(tab2);
    const base = `${first} Edited in tab two.`;
    // tab2 types slowly (its autosave keeps waiting, so it has unsaved text throughout) while tab1
    // types and saves at once with Ctrl+S; tab2 then saves from a base older than tab1's save.
    await Promise.all([
      typeInPanel(tab2, ' From tab two.', 60),
      (async () => {
        await tab1.waitForTimeout(150);
        await typeInPanel(tab1, ' From tab one.');
        await tab1.keyboard.press('Control+s');
      })(),
    ]);
    const conflictText = (page: Page) => shadowCall<string | null>(page, 'function () { return this.querySelector(\'[data-testid="notes-conflict"]\')?.textContent ?? null; }');
    await waitForShadow(tab2, 'function () { return this.querySelector(\'[data-testid="notes-conflict"]\'); }', [], 5000);
    expect(await conflictText(tab2)).toContain('Your newer text is kept here');
    expect(await conflictText(tab2)).toContain(`${base} From tab one.`);
    // tab1 shows the winner and says where its own text went.
    await waitForShadow(tab1, 'function (s, v) { return this.querySelector(s)?.value === v; }', [TEXTAREA, `${base} From tab two.`], 3000);
    await waitForShadow(tab1, 'function () { return this.querySelector(\'[data-testid="notes-conflict"]\'); }', [], 3000);
    expect(await conflictText(tab1)).toContain('its newer edit is shown');

    // Nothing was dropped: the losing text is in the note's history on the dashboard.
    const row = options.locator('[data-testid="note-row"][data-paper-key="arxiv:2106.09608"]');
    await row.getByRole('button', { name: 'Edit & history' }).click();
    const conflictRevision = row.getByTestId('revision').filter({ hasText: 'Edited in another view at the same time' });
    await expect.poll(() => conflictRevision.count()).toBe(1);
    expect(await conflictRevision.locator('pre').textContent()).toBe(`${base} From tab one.`);
    await tab1.close();
    await tab2.close();
  });

  it('undoes an accidental wipe from the dashboard history', async () => {
    const row = options.locator('[data-testid="note-row"][data-paper-key="arxiv:2106.09608"]');
    const editor = row.getByTestId('notes-editor').locator('textarea');
    const text = await editor.inputValue();
    expect(text).toContain('From tab two.');
    await editor.fill('');
    await expect.poll(() => row.getByTestId('notes-save-state').getAttribute('data-state')).toBe('saved');
    const kept = row.getByTestId('revision').filter({ hasText: 'Earlier version' }).first();
    await expect.poll(() => kept.locator('pre').textContent()).toBe(text);
    await kept.getByRole('button', { name: /Restore/ }).click();
    await expect.poll(() => editor.inputValue()).toBe(text);
    await row.getByRole('button', { name: 'Close' }).click();
  });

  it('export JSON -> delete all -> import gives every note back exactly', async () => {
    const before = await exportJson(options);
    expect(before.doc.notes).toHaveLength(1);
    expect(before.doc.notes[0]).toMatchObject({ paperKey: 'arxiv:2106.09608', text: `${first} Edited in tab two. From tab two.` });
    expect(before.doc.revisions.length).toBeGreaterThanOrEqual(3); // edit, conflict, wipe, restore history

    await options.getByTestId('wipe-start').click();
    await options.getByTestId('wipe-confirm').click();
    await expect.poll(() => options.getByTestId('notes-count').textContent()).toBe('0 notes');

    await options.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from(before.text) });
    await expect.poll(() => options.getByTestId('import-counts').textContent()).toMatch(new RegExp(`^1 new, 0 replaced, 0 kept as they are, 0 identical; ${before.doc.revisions.length} history entries added`));
    await options.getByTestId('import-apply').click();
    await expect.poll(() => options.getByTestId('import-message').textContent()).toMatch(/1 added/);
    await expect.poll(() => options.getByTestId('notes-count').textContent()).toBe('1 note');

    const after = await exportJson(options);
    expect({ ...after.doc, exportedAt: null }).toEqual({ ...before.doc, exportedAt: null });

    // The other two formats download as files with the note inside.
    for (const [format, expected] of [
      ['markdown', /## Learning Knowledge Graph-based World Models of Textual Environments[\s\S]*From tab two\./],
      ['bibtex', /@misc\{[\s\S]*eprint = \{2106\.09608\}[\s\S]*note = \{Knowledge graphs as \*\*world models\*\*: \\\$x\\textasciicircum\{\}2\\\$ helps/],
    ] as const) {
      const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId(`export-${format}`).click()]);
      expect(readFileSync((await download.path())!, 'utf8')).toMatch(expected);
    }
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
