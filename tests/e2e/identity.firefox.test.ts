// One paper, one note, in Firefox ESR through the built extension: a note typed on the arXiv page
// of a paper outside the corpus shows on its OpenReview forum (title + first author, no arXiv id
// there) and the other way round for a second paper; both survive a browser restart and a pack
// import and removal. A corpus paper's note typed on its forum is the note of its arXiv abs and
// HTML pages and of the popup. Built fixtures (tests/fixtures/pages/PROVENANCE.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox, shadowTextFirefox, uploadFirefox, type FirefoxSession } from './support/firefox';
import { inShadowFirefox, notesFrameFirefox, NOTES_TEXTAREA } from './support/notes-frame';
import { makePack } from '../fixtures/packs/make-packs';

const FIXTURES = {
  'arxiv.org/abs/2006.11239': 'pages/identity-arxiv-abs-2021-2006.11239.html',
  'openreview.net/forum?id=FixtureHo2020': 'pages/identity-openreview-forum-ddpm.html',
  'arxiv.org/abs/2011.13456v2': 'pages/identity-arxiv-abs-current-2011.13456.html',
  'openreview.net/forum?id=FixtureSong2021': 'pages/identity-openreview-forum-sde.html',
  'openreview.net/forum?id=SylKikSYDH': 'pages/openreview-forum-SylKikSYDH.html',
  'arxiv.org/abs/1911.05507': 'pages/identity-arxiv-abs-2021-1911.05507.html',
  'arxiv.org/html/1911.05507v1': 'pages/panel-arxiv-html-1911.05507v1.html',
};
const DDPM_ABS = 'https://arxiv.org/abs/2006.11239';
const DDPM_FORUM = 'https://openreview.net/forum?id=FixtureHo2020';
const SDE_ABS = 'https://arxiv.org/abs/2011.13456v2';
const SDE_FORUM = 'https://openreview.net/forum?id=FixtureSong2021';
const DDPM_NOTE = 'Firefox, typed on arXiv: the noise schedule is the trick.';
const SDE_NOTE = 'Firefox, typed on OpenReview: the reverse SDE needs the score.';
const CT_NOTE = 'Firefox, typed on the forum of a corpus paper.';

describe('paper identity (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(() => firefox?.close());

  /** Opens a paper page and its panel's notes (unfolding them on a no-summary bar); the ready frame. */
  async function panelNotes(url: string): Promise<{ page: Page; notes: Frame }> {
    const page = await firefox.newPage(FIXTURES);
    await page.goto(url);
    await expect
      .poll(
        () =>
          inShadowFirefox<boolean>(firefox.browser, page, `(root) => {
            if (root.querySelector('iframe.sl-notes-frame')) return true;
            [...root.querySelectorAll('button[aria-expanded="false"]')].find((b) => /note/i.test(b.textContent))?.click();
            return false;
          }`),
        { timeout: 20_000, interval: 200 },
      )
      .toBe(true);
    return { page, notes: await notesFrameFirefox(page) };
  }
  const valueOf = (notes: Frame) => notes.evaluate((s) => document.querySelector<HTMLTextAreaElement>(s)!.value, NOTES_TEXTAREA);
  async function typeNote(url: string, text: string): Promise<void> {
    const { page, notes } = await panelNotes(url);
    await (await notes.$(NOTES_TEXTAREA))!.type(text);
    await expect.poll(() => notes.evaluate(() => document.querySelector('[data-testid="notes-save-state"]')?.getAttribute('data-state')), { timeout: 10_000 }).toBe('saved');
    await page.close();
  }
  async function noteOn(url: string): Promise<string> {
    const { page, notes } = await panelNotes(url);
    const value = await valueOf(notes);
    await page.close();
    return value;
  }
  /** Sends a message from an extension page (the options page), as the dashboard does. */
  async function fromOptions(type: string, data: unknown): Promise<any> {
    const page = await firefox.openExtensionPage('options.html');
    try {
      return await page.evaluate((m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m), { type, data });
    } finally {
      await page.close();
    }
  }

  it('control: without the extension the forum shows no panel', async () => {
    const bare = await launchFirefox({ withExtension: false });
    try {
      const page = await bare.newPage(FIXTURES);
      await page.goto(DDPM_FORUM);
      expect(await page.title()).toContain('Denoising Diffusion Probabilistic Models'); // the fixture was served
      expect(await page.evaluate(() => document.querySelectorAll('summary-lens-panel').length)).toBe(0);
    } finally {
      await bare.close();
    }
  });

  it('a note typed on the arXiv page of a paper outside the corpus shows on its OpenReview forum, and the other way round', async () => {
    await typeNote(DDPM_ABS, DDPM_NOTE);
    const { page, notes } = await panelNotes(DDPM_FORUM);
    expect(await valueOf(notes)).toBe(DDPM_NOTE);
    expect(await shadowTextFirefox(firefox.browser, page)).toContain('Your note');
    expect(await page.evaluate((t) => document.documentElement.outerHTML.includes(t), DDPM_NOTE)).toBe(false);
    await page.close();

    await typeNote(SDE_FORUM, SDE_NOTE);
    expect(await noteOn(SDE_ABS)).toBe(SDE_NOTE);
  });

  it('both notes are still on both pages after a browser restart', async () => {
    const profileDir = firefox.profileDir;
    await firefox.close();
    firefox = await launchFirefox({ profileDir });
    expect(await noteOn(DDPM_FORUM)).toBe(DDPM_NOTE);
    expect(await noteOn(DDPM_ABS)).toBe(DDPM_NOTE);
    expect(await noteOn(SDE_ABS)).toBe(SDE_NOTE);
    expect(await noteOn(SDE_FORUM)).toBe(SDE_NOTE);
  });

  it('importing a pack that holds one of the papers, then removing it, keeps its note on both pages', async () => {
    const pack = makePack({ id: 'identity-pack', summaries: 1, concepts: 0, corpusVersion: 'identity-1' });
    pack.summaries[0].paper = { ...pack.summaries[0].paper, arxivId: '2006.11239', openreviewId: 'FixtureHo2020', title: 'Denoising Diffusion Probabilistic Models', authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'] };
    // Imported as a user does it: the file chosen on the options page.
    const path = join(firefox.profileDir, 'identity-pack.json');
    writeFileSync(path, JSON.stringify(pack));
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="packs-table"]');
    await uploadFirefox(options, '[data-testid="pack-file"]', path);
    await expect.poll(() => options.evaluate(() => document.querySelector('[data-testid=pack-import-status],[data-testid=pack-import-error]')?.textContent ?? ''), { timeout: 30_000 }).toMatch(/^Imported “/);
    await options.close();
    for (const url of [DDPM_ABS, DDPM_FORUM]) {
      const { page, notes } = await panelNotes(url);
      expect(await shadowTextFirefox(firefox.browser, page)).toContain('Read full summary'); // the pack's summary is shown
      expect(await valueOf(notes)).toBe(DDPM_NOTE);
      await page.close();
    }
    expect(await fromOptions('removePack', { id: 'identity-pack' })).toMatchObject({ ok: true, data: { removed: true } });
    expect(await noteOn(DDPM_ABS)).toBe(DDPM_NOTE);
    expect(await noteOn(DDPM_FORUM)).toBe(DDPM_NOTE);
  });

  it('a note typed on a corpus paper’s OpenReview forum is one note on its arXiv abs and HTML pages and in the popup', async () => {
    await typeNote('https://openreview.net/forum?id=SylKikSYDH', CT_NOTE);
    expect(await noteOn('https://arxiv.org/abs/1911.05507')).toBe(CT_NOTE);
    expect(await noteOn('https://arxiv.org/html/1911.05507v1')).toBe(CT_NOTE);
    const popup = await firefox.openExtensionPage('popup.html');
    await popup.type('[data-testid="search-input"]', 'compressive transformers');
    await popup.waitForSelector('[data-testid="result"]', { timeout: 15_000 });
    await popup.click('[data-testid="result"]');
    await expect
      .poll(() => popup.evaluate((s) => document.querySelector<HTMLTextAreaElement>(`[data-testid="opened-summary"] ${s}`)?.value ?? null, NOTES_TEXTAREA), { timeout: 15_000 })
      .toBe(CT_NOTE);
    await popup.close();
    const list = await fromOptions('listNotes', {});
    expect(list.data.notes.filter((n: { excerpt: string }) => n.excerpt === CT_NOTE)).toHaveLength(1);
    expect(list.data.total).toBe(3);
  });
});
