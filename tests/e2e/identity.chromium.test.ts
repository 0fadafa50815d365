// One paper, one note, in Chromium through the built extension: a note typed on the arXiv page
// of a paper outside the corpus shows on its OpenReview forum (same title and first author, no
// arXiv id there), and the other way round for a second paper; both survive a browser restart,
// importing a pack that holds one of the papers and removing it again. A note typed on a corpus
// paper's OpenReview forum is the same note on its arXiv abs and HTML pages, in the popup and on
// the dashboard. Pages: built fixtures (tests/fixtures/pages/PROVENANCE.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, screenshot, serveFixtures, shadowText, type ExtensionBrowser } from './support/chromium';
import { notesFrame, NOTES_TEXTAREA } from './support/notes-frame';
import { waitForShadow } from './support/shadow-dom';
import { openExtensionPage, send, waitForReady } from './support/extension-db';
import { makePack } from '../fixtures/packs/make-packs';

const DDPM_ABS = 'https://arxiv.org/abs/2006.11239';
const DDPM_FORUM = 'https://openreview.net/forum?id=FixtureHo2020';
const SDE_ABS = 'https://arxiv.org/abs/2011.13456v2';
const SDE_FORUM = 'https://openreview.net/forum?id=FixtureSong2021';
const CT_FORUM = 'https://openreview.net/forum?id=SylKikSYDH';
const CT_ABS = 'https://arxiv.org/abs/1911.05507';
const CT_HTML = 'https://arxiv.org/html/1911.05507v1';

serveFixtures({
  'arxiv.org/abs/2006.11239': 'pages/identity-arxiv-abs-2021-2006.11239.html',
  'openreview.net/forum?id=FixtureHo2020': 'pages/identity-openreview-forum-ddpm.html',
  'arxiv.org/abs/2011.13456v2': 'pages/identity-arxiv-abs-current-2011.13456.html',
  'openreview.net/forum?id=FixtureSong2021': 'pages/identity-openreview-forum-sde.html',
  'openreview.net/forum?id=SylKikSYDH': 'pages/openreview-forum-SylKikSYDH.html',
  'arxiv.org/abs/1911.05507': 'pages/identity-arxiv-abs-2021-1911.05507.html',
  'arxiv.org/html/1911.05507v1': 'pages/panel-arxiv-html-1911.05507v1.html',
});

/** Opens a paper page and its panel's notes (opening them if the bar has them folded); the ready notes frame. */
async function panelNotes(browser: ExtensionBrowser, url: string): Promise<{ page: Page; notes: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForShadow(page, `function () {
    if (this.querySelector('iframe.sl-notes-frame')) return true;
    [...this.querySelectorAll('button[aria-expanded="false"]')].find((b) => /note/i.test(b.textContent))?.click();
    return false;
  }`);
  return { page, notes: await notesFrame(page) };
}

async function typeNote(browser: ExtensionBrowser, url: string, text: string): Promise<void> {
  const { page, notes } = await panelNotes(browser, url);
  await notes.locator(NOTES_TEXTAREA).click();
  await expect.poll(() => notes.evaluate((s) => document.activeElement === document.querySelector(s), NOTES_TEXTAREA), { interval: 20 }).toBe(true);
  await page.keyboard.type(text);
  await expect.poll(() => notes.locator('[data-testid="notes-save-state"]').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
  await page.close();
}

async function noteOn(browser: ExtensionBrowser, url: string): Promise<string> {
  const { page, notes } = await panelNotes(browser, url);
  const value = await notes.locator(NOTES_TEXTAREA).inputValue();
  await page.close();
  return value;
}

const DDPM_NOTE = 'Typed on arXiv: the noise schedule is the trick.';
const SDE_NOTE = 'Typed on OpenReview: the reverse SDE needs the score.';
const CT_NOTE = 'Typed on the forum of a corpus paper.';

describe('paper identity (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('control: without the extension the pages show no panel and no notes', async () => {
    const bare = await launchChromium({ withExtension: false });
    try {
      const page = await bare.context.newPage();
      await page.goto(DDPM_FORUM);
      await page.waitForLoadState('load');
      expect(await page.title()).toContain('Denoising Diffusion Probabilistic Models'); // the fixture was served
      expect(await page.locator('summary-lens-panel').count()).toBe(0);
      expect(page.frames().some((f) => f.url().includes('notes-frame'))).toBe(false);
    } finally {
      await bare.close();
    }
  });

  it('a note typed on the arXiv page of a paper outside the corpus shows on its OpenReview forum', async () => {
    await typeNote(browser, DDPM_ABS, DDPM_NOTE);
    const { page, notes } = await panelNotes(browser, DDPM_FORUM);
    expect(await notes.locator(NOTES_TEXTAREA).inputValue()).toBe(DDPM_NOTE);
    // The page itself learns only that there is a note ("Your note"), never its text.
    expect(await shadowText(page)).toContain('Your note');
    expect(await page.evaluate((t) => document.documentElement.outerHTML.includes(t), DDPM_NOTE)).toBe(false);
    await screenshot(page, 'chromium-identity-forum-note');
    await page.close();
  });

  it('and the other way round: typed on the OpenReview forum, shown on the arXiv page', async () => {
    await typeNote(browser, SDE_FORUM, SDE_NOTE);
    expect(await noteOn(browser, SDE_ABS)).toBe(SDE_NOTE);
  });

  it('both notes are still on both pages after a browser restart', async () => {
    const dir = browser.userDataDir;
    await browser.close();
    browser = await launchChromium({ userDataDir: dir });
    expect(await noteOn(browser, DDPM_FORUM)).toBe(DDPM_NOTE);
    expect(await noteOn(browser, DDPM_ABS)).toBe(DDPM_NOTE);
    expect(await noteOn(browser, SDE_ABS)).toBe(SDE_NOTE);
    expect(await noteOn(browser, SDE_FORUM)).toBe(SDE_NOTE);
  });

  it('importing a pack that holds one of the papers, then removing it, never changes the note its pages show', async () => {
    const options = await openExtensionPage(browser);
    await waitForReady(options);
    const pack = makePack({ id: 'identity-pack', summaries: 1, concepts: 0, corpusVersion: 'identity-1' });
    pack.summaries[0].paper = { ...pack.summaries[0].paper, arxivId: '2006.11239', openreviewId: 'FixtureHo2020', title: 'Denoising Diffusion Probabilistic Models', authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'] };
    await options.getByTestId('pack-file').setInputFiles({ name: 'identity-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    await expect.poll(async () => ((await send(options, 'listPacks')) as any).data.packs.some((p: { id: string }) => p.id === 'identity-pack'), { timeout: 30_000 }).toBe(true);

    // Now the paper has a summary on both pages; its note is the same one.
    for (const url of [DDPM_ABS, DDPM_FORUM]) {
      const { page, notes } = await panelNotes(browser, url);
      expect(await shadowText(page)).toContain('Read full summary'); // the pack's summary is shown
      expect(await notes.locator(NOTES_TEXTAREA).inputValue()).toBe(DDPM_NOTE);
      await page.close();
    }
    expect((await send(options, 'removePack', { id: 'identity-pack' })).ok).toBe(true);
    expect(await noteOn(browser, DDPM_ABS)).toBe(DDPM_NOTE);
    expect(await noteOn(browser, DDPM_FORUM)).toBe(DDPM_NOTE);
    expect(await noteOn(browser, SDE_FORUM)).toBe(SDE_NOTE);
    await options.close();
  });

  it('a note typed on a corpus paper’s OpenReview forum is one note on its arXiv abs and HTML pages, in the popup and on the dashboard', async () => {
    await typeNote(browser, CT_FORUM, CT_NOTE);
    expect(await noteOn(browser, CT_ABS)).toBe(CT_NOTE);
    expect(await noteOn(browser, CT_HTML)).toBe(CT_NOTE);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('search-input').fill('compressive transformers');
    await popup.getByTestId('result').first().click();
    const opened = popup.getByTestId('opened-summary');
    await expect.poll(() => opened.locator(NOTES_TEXTAREA).inputValue(), { timeout: 15_000 }).toBe(CT_NOTE);
    await popup.close();

    const options = await openExtensionPage(browser);
    const rows = options.locator('[data-testid="note-row"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3); // DDPM, SDE, Compressive Transformers: one row each
    const ct = rows.filter({ hasText: 'Compressive Transformers' });
    expect(await ct.count()).toBe(1);
    expect(await ct.textContent()).toContain(CT_NOTE);
    await options.close();
  });
});
