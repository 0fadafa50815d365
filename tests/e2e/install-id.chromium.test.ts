// No page can learn an address that identifies the extension (`chrome-extension://<id>`): a script
// on an arXiv page whose summary has math, with the notes frame open and focused, searches
// everything it can read. The control plants the id in each channel and the same search must find it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, serveFixtures, waitForShadowText, type ExtensionBrowser } from './support/chromium';
import { notesFrame, NOTES_TEXTAREA } from './support/notes-frame';
import { findNeedles, installNeedles, PAGE_PROBE, PLANT_LEAKS, RECORD_MESSAGES } from './support/page-probe';
import { inShadow, PANEL_FIXTURES, SHOW_FULL_SUMMARY } from './support/panel';

const TITLE = 'Variational Dropout Sparsifies Deep Neural Networks';

describe('extension address hidden from pages (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    serveFixtures(PANEL_FIXTURES);
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  const openPaper = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.addInitScript(RECORD_MESSAGES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    await waitForShadowText(page, (t) => t.includes(TITLE) && !t.includes('Looking up'), 15_000);
    await inShadow(page, SHOW_FULL_SUMMARY); // the math is in the full summary
    return page;
  };

  it('a page script finds no chrome-extension address or id anywhere it can read, with math typeset and the notes focused', async () => {
    const page = await openPaper();
    // The math really is in KaTeX's fonts (loaded), so the fonts' delivery is part of what is searched.
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('SL-KaTeX') && f.status === 'loaded').length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const notes = await notesFrame(page);
    await notes.locator(NOTES_TEXTAREA).pressSequentially('probe');
    const result = await page.evaluate(PAGE_PROBE);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['dom', 'stylesheets', 'fonts', 'performance', 'frames', 'focus', 'messages']));
    expect(findNeedles(result, installNeedles(browser.extensionId))).toEqual({});
    await page.close();
  });

  it('control: the same search finds the id planted in the DOM, a style sheet, a font, resource timing and a message', async () => {
    const page = await openPaper();
    await page.evaluate(PLANT_LEAKS, browser.extensionId);
    const hits = findNeedles(await page.evaluate(PAGE_PROBE), installNeedles(browser.extensionId));
    expect(Object.keys(hits)).toEqual(expect.arrayContaining(['dom', 'stylesheets', 'fonts', 'performance', 'messages']));
    await page.close();
  });
});
