// Personal notes end to end in Chromium, through the built extension: write in the arXiv panel
// (its notes editor is an extension-origin frame inside the closed shadow root, driven as a frame
// of the page with real clicks and key events), close mid-typing, reopen; the options
// dashboard; live update across tabs; export JSON -> wipe -> import gives the notes back exactly;
// a corrupt import is refused with a clear error and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, screenshot, serveFixtures, type ExtensionBrowser } from './support/chromium';
import { notesFrame, NOTES_TEXTAREA as TEXTAREA } from './support/notes-frame';
import { waitForShadow } from './support/shadow-dom';

const ABS = 'https://arxiv.org/abs/2106.09608';
const SAVE_STATE = '[data-testid="notes-save-state"]';

/**
 * Opens the paper, opens the notes on its no-summary bar (in the closed shadow root, over CDP)
 * and returns the notes frame once its editor is ready.
 */
async function openPanelNotes(page: Page): Promise<Frame> {
  await page.goto(ABS);
  await waitForShadow(page, `function () {
    if (this.querySelector('iframe.sl-notes-frame')) return true;
    const open = [...this.querySelectorAll('button[aria-expanded="false"]')].find((b) => /notes/i.test(b.textContent));
    open?.click();
    return false;
  }`);
  return notesFrame(page);
}

/** Types at the end of the note like a user: a real click into the frame's text box, then keys. */
async function typeInPanel(page: Page, notes: Frame, text: string, delay = 0): Promise<void> {
  await notes.locator(TEXTAREA).click();
  // The frame handles the click in its own process: wait for its focus before typing.
  await expect.poll(() => notes.evaluate((s) => document.activeElement === document.querySelector(s), TEXTAREA), { interval: 20 }).toBe(true);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay });
}

const panelSaveState = (notes: Frame) => notes.locator(SAVE_STATE).getAttribute('data-state');
const panelValue = (notes: Frame) => notes.locator(TEXTAREA).inputValue();

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
    const notes = await openPanelNotes(page);
    expect(await panelValue(notes)).toBe('');
    await typeInPanel(page, notes, first);
    // Close at once: the 400 ms autosave has not fired; pagehide must save (or leave a draft).
    await page.close({ runBeforeUnload: true });

    const again = await browser.context.newPage();
    const notes2 = await openPanelNotes(again);
    await expect.poll(() => panelValue(notes2)).toBe(first);
    // The page itself cannot read the note: it lives in an extension-origin frame and extension storage.
    expect(await again.evaluate((t) => document.documentElement.outerHTML.includes(t) || document.body.innerText.includes(t), first)).toBe(false);

    // Preview: rendered and sanitized in the frame, math included.
    await notes2.locator('.sl-notes-preview-toggle').click();
    const rendered = notes2.locator('.sl-notes-rendered');
    await expect.poll(() => rendered.locator('strong').textContent({ timeout: 5000 })).toBe('world models');
    expect(await rendered.locator('.katex').count()).toBeGreaterThan(0);
    await again.locator('summary-lens-panel').scrollIntoViewIfNeeded();
    await screenshot(again, 'chromium-notes-preview');
    await notes2.locator('.sl-notes-preview-toggle').click();

    // Tags and reading status, saved at once.
    await notes2.locator('.sl-notes-tag-input').click();
    await again.keyboard.type('World Models, rl');
    await again.keyboard.press('Enter');
    await notes2.locator('.sl-notes-status button:first-child').click(); // To read
    await expect.poll(() => notes2.locator('.sl-notes-chip span').allTextContents()).toEqual(['world models', 'rl']);
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
    await options.getByLabel('Search', { exact: true }).fill('knowledge graph ammanabrolu');
    await expect.poll(() => options.getByTestId('notes-count').textContent()).toBe('1 note');
    await options.getByLabel('Search', { exact: true }).fill('');
    await screenshot(options, 'chromium-notes-dashboard');
  });

  it('lists the paper under "Papers with your notes" in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.sl-section-title').allTextContents(), { timeout: 10_000 }).toContain('Papers with your notes');
    await expect.poll(() => popup.getByTestId('result').allTextContents()).toContainEqual(expect.stringContaining('Learning Knowledge Graph-based World Models'));
    await popup.close();
  });

  it('updates an open tab live when the note is edited in a second tab', async () => {
    const tab1 = await browser.context.newPage();
    const notes1 = await openPanelNotes(tab1);
    const tab2 = await browser.context.newPage();
    const notes2 = await openPanelNotes(tab2);
    await typeInPanel(tab2, notes2, ' Edited in tab two.');
    await expect.poll(() => panelSaveState(notes2), { interval: 20 }).toBe('saved');
    const savedAt = Date.now();
    await expect.poll(() => panelValue(notes1), { timeout: 3000, interval: 20 }).toBe(`${first} Edited in tab two.`);
    expect(Date.now() - savedAt).toBeLessThan(1000);
    // The dashboard follows too, without a reload.
    await expect.poll(() => options.locator('[data-testid="note-row"]').first().textContent(), { timeout: 2000 }).toContain('Edited in tab two.');
    expect(await panelSaveState(notes1)).not.toBe('error');
    await tab1.locator('summary-lens-panel').scrollIntoViewIfNeeded();
    await screenshot(tab1, 'chromium-notes-panel');
    await tab2.close();
    await tab1.close();
  });

  it('two tabs typing at once: the newest edit wins, both users are told, the other text is kept', async () => {
    const [tab1, tab2] = [await browser.context.newPage(), await browser.context.newPage()];
    const notes1 = await openPanelNotes(tab1);
    const notes2 = await openPanelNotes(tab2);
    const base = `${first} Edited in tab two.`;
    // tab2 types slowly (its autosave keeps waiting, so it has unsaved text throughout) while tab1
    // edits and autosaves; tab2 then saves from a base older than tab1's save. Only one tab can
    // hold the keyboard focus, so tab1's edit goes in as text input (what a paste does), not keys.
    await typeInPanel(tab2, notes2, '', 0);
    await Promise.all([
      tab2.keyboard.type(' From tab two.', { delay: 150 }),
      (async () => {
        await tab1.waitForTimeout(150);
        await notes1.locator(TEXTAREA).fill(`${base} From tab one.`);
        await expect.poll(() => panelSaveState(notes1), { interval: 20 }).toBe('saved');
      })(),
    ]);
    const conflict = (notes: Frame) => notes.getByTestId('notes-conflict');
    await conflict(notes2).waitFor({ timeout: 5000 });
    expect(await conflict(notes2).textContent()).toContain('Your newer text is kept here');
    expect(await conflict(notes2).textContent()).toContain(`${base} From tab one.`);
    // tab1 shows the winner and says where its own text went.
    await expect.poll(() => panelValue(notes1), { timeout: 3000 }).toBe(`${base} From tab two.`);
    await conflict(notes1).waitFor({ timeout: 3000 });
    expect(await conflict(notes1).textContent()).toContain('its newer edit is shown');

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
