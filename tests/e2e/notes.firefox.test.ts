// Personal notes end to end in Firefox ESR, through the built extension: typed with real key
// events in the arXiv panel's notes frame, kept when the tab closes mid-typing, there again after
// a browser restart, on the options dashboard, live in a second tab; export JSON -> wipe -> import
// gives them back exactly, a corrupt file is refused and changes nothing. Control: no panel
// without the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { downloadFirefox, inShadowFirefox, launchFirefox, screenshotFirefox, shadowTextFirefox, textOf, uploadFirefox, type FirefoxSession } from './support/firefox';
import { notesFrameFirefox, NOTES_TEXTAREA as TEXTAREA } from './support/notes-frame';

const ABS = 'https://arxiv.org/abs/2106.09608';
const FIXTURES = { 'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html' };
const ROW = '[data-testid="note-row"][data-paper-key="arxiv:2106.09608"]';

describe('notes (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let options: Page;
  const first = 'Knowledge graphs as **world models**: $x^2$ helps.';

  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(() => firefox?.close());

  /** Opens the paper and the notes on its no-summary bar; the notes frame once its editor is ready. */
  async function openPanelNotes(page: Page): Promise<Frame> {
    await page.goto(ABS);
    await expect
      .poll(() =>
        inShadowFirefox<boolean>(firefox.browser, page, `(root) => {
          if (root.querySelector('iframe.sl-notes-frame')) return true;
          [...root.querySelectorAll('button[aria-expanded="false"]')].find((b) => /notes/i.test(b.textContent))?.click();
          return false;
        }`),
      { timeout: 15_000 })
      .toBe(true);
    return notesFrameFirefox(page);
  }

  /** Types at the end of the note like a user: focus the frame's text box, then real key events. */
  async function typeInPanel(notes: Frame, text: string, delay = 0): Promise<void> {
    const box = (await notes.$(TEXTAREA))!;
    await box.focus();
    await notes.evaluate((s) => {
      const t = document.querySelector<HTMLTextAreaElement>(s)!;
      t.setSelectionRange(t.value.length, t.value.length);
    }, TEXTAREA);
    await box.type(text, { delay });
  }
  const value = (notes: Frame) => notes.evaluate((s) => document.querySelector<HTMLTextAreaElement>(s)!.value, TEXTAREA);
  const saveState = (notes: Frame) => notes.evaluate(() => document.querySelector('[data-testid="notes-save-state"]')?.getAttribute('data-state'));

  it('keeps a note typed in the panel when the tab closes mid-typing; the page reads none of it', async () => {
    const page = await firefox.newPage(FIXTURES);
    const notes = await openPanelNotes(page);
    expect(await value(notes)).toBe('');
    await typeInPanel(notes, first);
    // Close at once: the 400 ms autosave has not fired; pagehide must save (or leave a draft).
    await page.close({ runBeforeUnload: true });

    const again = await firefox.newPage(FIXTURES);
    const notes2 = await openPanelNotes(again);
    await expect.poll(() => value(notes2)).toBe(first);
    expect(await again.evaluate((t) => document.documentElement.outerHTML.includes(t) || document.body.innerText.includes(t), first)).toBe(false);
    // Preview: rendered and sanitized in the frame, math included.
    await notes2.click('.sl-notes-preview-toggle');
    await expect.poll(() => notes2.evaluate(() => document.querySelector('.sl-notes-rendered strong')?.textContent)).toBe('world models');
    expect(await notes2.evaluate(() => document.querySelectorAll('.sl-notes-rendered .katex').length)).toBeGreaterThan(0);
    await notes2.click('.sl-notes-preview-toggle');
    // Tags and reading status, saved at once.
    await (await notes2.$('.sl-notes-tag-input'))!.type('World Models, rl\n');
    await notes2.click('.sl-notes-status button:first-child'); // To read
    await expect.poll(() => notes2.evaluate(() => [...document.querySelectorAll('.sl-notes-chip span')].map((s) => s.textContent))).toEqual(['world models', 'rl']);
    await again.close();
  });

  it('shows the note on the options dashboard with its paper, tags and status', async () => {
    options = await firefox.openExtensionPage('options.html');
    await expect.poll(() => textOf(options, `${ROW}`), { timeout: 10_000 }).toContain('world models');
    expect(await options.$eval(`${ROW} h3 a`, (a) => a.getAttribute('href'))).toBe(ABS);
    expect(await textOf(options, '[data-testid="notes-count"]')).toBe('1 note');
    await expect.poll(() => textOf(options, `${ROW} .sl-badge`)).toBe('To read');
    expect(await options.$$eval(`${ROW} .sl-tag`, (els) => els.map((e) => e.textContent))).toEqual(['world models', 'rl']);
    const status = await options.evaluate(() => [...document.querySelectorAll('label')].find((l) => l.textContent === 'Status')!.htmlFor);
    await options.select(`[id="${status}"]`, 'read');
    await expect.poll(() => textOf(options, '[data-testid="notes-count"]')).toBe('0 of 1 notes');
    await options.select(`[id="${status}"]`, '');
    await expect.poll(() => textOf(options, '[data-testid="notes-count"]')).toBe('1 note');
    await screenshotFirefox(options, 'firefox-notes-dashboard');
  });

  it('updates an open tab and the dashboard live when the note is edited in a second tab', async () => {
    const tab1 = await firefox.newPage(FIXTURES);
    const notes1 = await openPanelNotes(tab1);
    const tab2 = await firefox.newPage(FIXTURES);
    const notes2 = await openPanelNotes(tab2);
    await typeInPanel(notes2, ' Edited in tab two.');
    await expect.poll(() => saveState(notes2), { interval: 20 }).toBe('saved');
    const savedAt = Date.now();
    await expect.poll(() => value(notes1), { timeout: 3000, interval: 20 }).toBe(`${first} Edited in tab two.`);
    expect(Date.now() - savedAt).toBeLessThan(1000);
    await expect.poll(() => textOf(options, ROW), { timeout: 2000 }).toContain('Edited in tab two.');
    expect(await saveState(notes1)).not.toBe('error');
    await tab2.close();
    await tab1.close();
  });

  it('export JSON -> delete all -> import gives every note back exactly; a corrupt file changes nothing', async () => {
    const before = await downloadFirefox(firefox, options, '[data-testid="export-json"]');
    const doc = JSON.parse(before.text);
    expect(doc.notes).toHaveLength(1);
    expect(doc.notes[0]).toMatchObject({ paperKey: 'arxiv:2106.09608', text: `${first} Edited in tab two.` });

    await options.click('[data-testid="wipe-start"]');
    await options.click('[data-testid="wipe-confirm"]');
    await expect.poll(() => textOf(options, '[data-testid="notes-count"]')).toBe('0 notes');

    await uploadFirefox(options, '[data-testid="import-file"]', `${firefox.downloadsDir}/${before.name}`);
    await expect.poll(() => textOf(options, '[data-testid="import-counts"]')).toMatch(/^1 new, 0 replaced, 0 kept as they are, 0 identical/);
    await options.click('[data-testid="import-apply"]');
    await expect.poll(() => textOf(options, '[data-testid="import-message"]')).toMatch(/1 added/);
    await expect.poll(() => textOf(options, '[data-testid="notes-count"]')).toMatch(/^1 note/);
    const after = await downloadFirefox(firefox, options, '[data-testid="export-json"]');
    expect({ ...JSON.parse(after.text), exportedAt: null }).toEqual({ ...doc, exportedAt: null });

    // A corrupt file: a clear error, no preview, nothing changed.
    const broken = `${firefox.profileDir}/broken.json`;
    writeFileSync(broken, JSON.stringify({ format: 'summary-lens-notes', version: 1, exportedAt: 'x', notes: [{ paperKey: 'arxiv:2106.09608', text: 42 }], revisions: [] }));
    await uploadFirefox(options, '[data-testid="import-file"]', broken);
    await expect.poll(() => textOf(options, '[data-testid="import-error"]')).toMatch(/notes\[0\]\.text/);
    expect(await options.$('[data-testid="import-preview"]')).toBeNull();
    await screenshotFirefox(options, 'firefox-notes-import-error');
    const unchanged = await downloadFirefox(firefox, options, '[data-testid="export-json"]');
    expect({ ...JSON.parse(unchanged.text), exportedAt: null }).toEqual({ ...doc, exportedAt: null });
  });

  it('keeps the note across a browser restart (same profile, extension still installed)', async () => {
    const profileDir = firefox.profileDir;
    await firefox.close();
    firefox = await launchFirefox({ profileDir });
    const page = await firefox.newPage(FIXTURES);
    const notes = await openPanelNotes(page);
    await expect.poll(() => value(notes)).toBe(`${first} Edited in tab two.`);
    await page.close();
  });

  it('control: no panel and no notes without the extension', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const page = await plain.newPage(FIXTURES);
      await page.goto(ABS);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await shadowTextFirefox(plain.browser, page)).toBeNull();
      expect(page.frames()).toHaveLength(1);
    } finally {
      await plain.close();
    }
  });
});
