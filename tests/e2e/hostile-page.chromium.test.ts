// A hostile page (Chromium): the real arXiv capture of a paper with a summary, with a script
// (tests/fixtures/pages/hostile-page.js) that runs before the content script and tries to grab
// the closed shadow root, read the panel and the user's note, poison globals, spoof messages,
// restyle the panel and remove it. The extension leaks nothing, ignores the spoofs, keeps its
// look and keeps working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, inShadow, launchChromium, shadowText, waitForShadowText, type ExtensionBrowser } from './support/chromium';
import { openExtensionPage, send, snapshotDb, waitForReady } from './support/extension-db';
import { OPEN_NOTES_LINE } from './support/notes-frame';

declare global {
  interface Window {
    hostile: {
      report: { capturedRoots: number; fakeApiCalls: unknown[]; read: Record<string, unknown>; keys: string[]; inputs: (string | null)[] };
      probes?: string[];
      readAll(): Record<string, unknown>;
      spoof(paperKey: string): void;
      restyle(): void;
      removeHost(): boolean;
    };
  }
}

const PAPER = '1701.05369';
const TITLE = 'Variational Dropout Sparsifies Deep Neural Networks';
const SECRET = 'My private note: reviewer 2 is wrong, ask Dmitry (k7Q2x9)';
const page0 = readFileSync(join(FIXTURES, 'pages/panel-arxiv-abs-current-1701.05369.html'), 'utf8');
const HOSTILE_PAGE = page0.replace('<head>', '<head><script src="/hostile/hostile-page.js"></script>');
const HOSTILE_SCRIPT = readFileSync(join(FIXTURES, 'pages/hostile-page.js'), 'utf8');

/** Calls `fn` on the first element matching `selector` in the panel's closed shadow root (null when absent). */
function inPanelElement<T>(page: Page, selector: string, fn: string): Promise<T | null> {
  return inShadow<T>(page, `function () { const el = this.querySelector(${JSON.stringify(selector)}); return el ? (${fn})(el) : null; }`);
}

/** The in-page notes editor: in the extension-origin notes frame. */
function notesFrame(page: Page) {
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/notes-frame\.html/.test(f.url())) ?? null;
}
async function noteValue(page: Page): Promise<string | null> {
  const frame = notesFrame(page);
  return frame ? frame.locator('textarea').inputValue({ timeout: 5000 }).catch(() => null) : null;
}
async function focusNoteEnd(page: Page): Promise<void> {
  const frame = notesFrame(page);
  if (!frame) throw new Error('No notes frame in the panel.');
  await frame.locator('textarea').focus();
  await page.keyboard.press('Control+End');
}

const styleOf = (page: Page, selector: string) =>
  inPanelElement<Record<string, string>>(page, selector, `(el) => { const s = getComputedStyle(el); return { color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, display: s.display, letterSpacing: s.letterSpacing, lineHeight: s.lineHeight }; }`);

describe('a hostile page (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let page: Page;
  let paperKey: string;
  const contentScriptErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route(`https://arxiv.org/abs/${PAPER}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HOSTILE_PAGE }));
    await browser.context.route('https://arxiv.org/hostile/hostile-page.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: HOSTILE_SCRIPT }));
    options = await openExtensionPage(browser);
    await waitForReady(options);
    paperKey = ((await send(options, 'lookupPaper', { ref: { arxivId: PAPER } })) as any).data.paperKey;
    expect((await send(options, 'saveNote', { paperKey, text: SECRET, title: TITLE, baseRev: 0 })).ok).toBe(true);
    page = await browser.context.newPage();
    page.on('console', (m) => m.type() === 'error' && /summary|lens|extension/i.test(m.text()) && contentScriptErrors.push(m.text()));
    page.on('pageerror', (e) => /summary-lens|chrome-extension/i.test(String(e.stack)) && contentScriptErrors.push(String(e)));
    await page.goto(`https://arxiv.org/abs/${PAPER}`);
    await waitForShadowText(page, (t) => t.includes(TITLE));
    await inShadow(page, OPEN_NOTES_LINE); // the compact panel's notes open from one line
  });
  afterAll(() => browser?.close());

  it('shows the summary and the note despite poisoned globals', async () => {
    expect(await page.evaluate(() => typeof window.hostile.readAll)).toBe('function');
    await expect.poll(() => noteValue(page), { timeout: 10_000 }).toBe(SECRET);
    console.log(`[measure] hostile page: the in-page notes editor is ${notesFrame(page) ? 'in an extension-origin frame' : 'in the shadow root'}`);
    // The content script never used the page's fake chrome/browser objects.
    expect(await page.evaluate(() => window.hostile.report.fakeApiCalls)).toEqual([]);
  });

  it('cannot reach the closed shadow root or read the panel’s DOM', async () => {
    const read = await page.evaluate(() => window.hostile.readAll());
    const report = await page.evaluate(() => window.hostile.report);
    expect(report.capturedRoots).toBe(0); // the content script's attachShadow is not the page's
    expect(read.hostFound).toBe(true);
    expect(read.shadowRootProperty).toBe('null');
    expect(read.capturedRootText).toBeNull();
    expect(read.hostTextContent).toBe('');
    expect(read.hostInnerHTML).toBe('');
    expect(read.getInnerHTML).toBe('');
    const everything = JSON.stringify(read);
    expect(everything).not.toContain('k7Q2x9');
    expect(everything).not.toContain('reviewer 2');
    // For the record: the public summary text is visible to select-all (rendered text).
    console.log(`[measure] hostile page: select-all sees the panel's summary text: ${String(read.selection).includes(TITLE)}; the note: ${String(read.selection).includes('k7Q2x9')}`);
  });

  // Chromium's window.find() searches text inside closed shadow roots, text areas included: with
  // the notes editor in the shadow root a page could test guesses about a note and grow them into
  // its text. In an extension-origin frame it cannot.
  it('find-in-page cannot probe the note’s text', async () => {
    const read = await page.evaluate((secret) => {
      window.hostile.probes = [secret, 'k7Q2x9'];
      return window.hostile.readAll();
    }, SECRET);
    expect(notesFrame(page), 'the note must live in the extension-origin frame').toBeTruthy();
    expect(read.findProbes).toEqual([
      [SECRET, false],
      ['k7Q2x9', false],
    ]);
  });

  it('ignores spoofed messages and synthetic events', async () => {
    const before = await snapshotDb(options);
    await page.evaluate((key) => window.hostile.spoof(key), paperKey);
    await page.waitForTimeout(500);
    expect(await snapshotDb(options)).toEqual(before);
    const note = ((await send(options, 'getNote', { paperKey })) as any).data.note;
    expect(note.text).toBe(SECRET);
    expect(await shadowText(page)).toContain(TITLE);
    expect(await noteValue(page)).toBe(SECRET);
  });

  it('keeps its look under the page’s hostile CSS', async () => {
    const selectors = ['.sl-bar-title', '.sl-summary-body', '.sl-notes'];
    const before = await Promise.all(selectors.map((s) => styleOf(page, s)));
    expect(before.every(Boolean)).toBe(true);
    await page.evaluate(() => window.hostile.restyle());
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('40px'); // the page's own CSS did apply
    const after = await Promise.all(selectors.map((s) => styleOf(page, s)));
    expect(after).toEqual(before);
    // Even "display: none !important" on the host loses to the panel's own :host reset.
    const host = await page.evaluate(() => {
      const h = document.querySelector('summary-lens-panel')!;
      return { display: getComputedStyle(h).display, opacity: getComputedStyle(h).opacity, height: h.getBoundingClientRect().height };
    });
    console.log(`[measure] hostile page: host under "display:none !important": ${JSON.stringify(host)}`);
    expect(host.display).not.toBe('none');
    expect(host.height).toBeGreaterThan(50);
  });

  // Keyboard and input events are composed: typed into a text area in the shadow root, they reach
  // a capture-phase listener on the page's window (isolateEvents only stops them on the way back
  // up). Typed into the extension-origin notes frame, they never enter the page's document.
  it('the page does not see what is typed into the note', async () => {
    await focusNoteEnd(page);
    const keysBefore = await page.evaluate(() => window.hostile.report.keys.length);
    const inputsBefore = await page.evaluate(() => window.hostile.report.inputs.length);
    await page.keyboard.type(' Zq9');
    await expect.poll(() => noteValue(page)).toBe(`${SECRET} Zq9`);
    const report = await page.evaluate(() => window.hostile.report);
    const seen = { keys: report.keys.slice(keysBefore), inputs: report.inputs.slice(inputsBefore) };
    expect(notesFrame(page), 'the note must live in the extension-origin frame').toBeTruthy();
    expect(seen).toEqual({ keys: [], inputs: [] });
    // The typed text is saved (autosave), not lost.
    await expect.poll(async () => ((await send(options, 'getNote', { paperKey })) as any).data.note.text, { timeout: 10_000 }).toBe(`${SECRET} Zq9`);
  });

  it('keeps working after the page removes the panel', async () => {
    expect(await page.evaluate(() => window.hostile.removeHost())).toBe(true);
    expect(await shadowText(page)).toBeNull();
    await page.waitForTimeout(300);
    expect(contentScriptErrors).toEqual([]);
    expect(((await send(options, 'ping')) as any).data.db.ready).toBe(true);
    await page.reload();
    await waitForShadowText(page, (t) => t.includes(TITLE));
    await inShadow(page, OPEN_NOTES_LINE);
    await expect.poll(async () => (await noteValue(page))?.startsWith(SECRET), { timeout: 10_000 }).toBe(true);
    expect(contentScriptErrors).toEqual([]);
  });
});
