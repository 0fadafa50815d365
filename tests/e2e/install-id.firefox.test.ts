// No page can learn an address that identifies this install (Firefox's `moz-extension://<uuid>` is
// per install): a script on an arXiv page whose summary has math, with the notes frame open and
// focused, searches everything it can read. The control plants the UUID in each channel and the
// same search must find it there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, waitForShadowTextFirefox, type FirefoxSession } from './support/firefox';
import { inShadowFirefox, notesFrameFirefox, NOTES_TEXTAREA, OPEN_NOTES_LINE } from './support/notes-frame';
import { findNeedles, installNeedles, PAGE_PROBE, PLANT_LEAKS, RECORD_MESSAGES } from './support/page-probe';
import { PANEL_FIXTURES, SHOW_FULL_SUMMARY } from './support/panel';

const TITLE = 'Variational Dropout Sparsifies Deep Neural Networks';

describe('install address hidden from pages (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(() => firefox?.close());

  const openPaper = async () => {
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.evaluateOnNewDocument(RECORD_MESSAGES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    await waitForShadowTextFirefox(firefox.browser, page, (t) => t.includes(TITLE) && !t.includes('Looking up'), 20_000);
    // The math is in the full summary; the notes open from one line.
    await inShadowFirefox(firefox.browser, page, `(root) => { (${SHOW_FULL_SUMMARY}).call(root); return (${OPEN_NOTES_LINE}).call(root); }`);
    return page;
  };

  it('a page script finds no moz-extension address or UUID anywhere it can read, with math typeset and the notes focused', async () => {
    const page = await openPaper();
    // The math really is in KaTeX's fonts (loaded), so the fonts' delivery is part of what is searched.
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('SL-KaTeX') && f.status === 'loaded').length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const notes = await notesFrameFirefox(page);
    await (await notes.$(NOTES_TEXTAREA))!.type('probe');
    const result = await page.evaluate(PAGE_PROBE);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['dom', 'stylesheets', 'fonts', 'performance', 'frames', 'focus', 'messages']));
    expect(findNeedles(result, installNeedles(firefox.uuid))).toEqual({});
    await page.close();
  });

  it('control: the same search finds the UUID planted in the DOM, a style sheet, a font, resource timing and a message', async () => {
    const page = await openPaper();
    await page.evaluate(PLANT_LEAKS, firefox.uuid);
    const hits = findNeedles(await page.evaluate(PAGE_PROBE), installNeedles(firefox.uuid));
    expect(Object.keys(hits)).toEqual(expect.arrayContaining(['dom', 'stylesheets', 'fonts', 'performance', 'messages']));
    await page.close();
  });
});
