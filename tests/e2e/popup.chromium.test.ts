// The popup's search, through the built extension in Chromium: popup.html opened as a tab of the
// installed extension (the toolbar popup is the same page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, type ExtensionBrowser } from './support/chromium';
import { makePack } from '../fixtures/packs/make-packs';

// Runs inside the extension page (page.evaluate), where `chrome` exists.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const LOTTERY_BERT = 'The Lottery Ticket Hypothesis for Pre-trained BERT Networks';

describe('popup search (Chromium)', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 460, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });
  afterAll(() => browser?.close());

  const input = () => page.getByTestId('search-input');
  const results = () => page.getByTestId('result');
  const firstTitle = () => results().first().locator('.sl-result-title').textContent();

  it('opens with the search box focused', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
  });

  it('shows ranked results as you type, matched words highlighted', async () => {
    await page.keyboard.type('lottery ticket bert');
    await expect.poll(firstTitle).toBe(LOTTERY_BERT);
    const marks = await results().first().locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['lottery', 'ticket', 'bert']));
    expect(await results().count()).toBeGreaterThan(1);
    await screenshot(page, 'chromium-popup-results');
  });

  it('moves with the arrow keys and opens the active result with Enter', async () => {
    const selected = () => page.locator('[role=option][aria-selected=true] .sl-result-title').textContent();
    expect(await selected()).toBe(LOTTERY_BERT);
    await page.keyboard.press('ArrowDown');
    expect(await selected()).not.toBe(LOTTERY_BERT);
    await page.keyboard.press('ArrowUp');
    expect(await selected()).toBe(LOTTERY_BERT);
    await page.keyboard.press('Enter');
    const opened = page.getByTestId('opened-summary');
    await expect.poll(() => opened.locator('.sl-summary-title').textContent(), { timeout: 15_000 }).toBe(LOTTERY_BERT);
    // The summary's own text, rendered (sanitized) from the pack.
    expect(await opened.locator('.sl-summary-body').textContent()).toMatch(/lottery ticket/i);
    expect(await opened.getByRole('button', { name: 'Open on arXiv' }).count()).toBe(1);
    await screenshot(page, 'chromium-popup-summary');
  });

  it('opens the paper on arXiv in a new tab', async () => {
    const [tab, request] = await Promise.all([
      browser.context.waitForEvent('page'),
      browser.context.waitForEvent('request', (r) => r.url().startsWith('https://arxiv.org/')),
      page.getByRole('button', { name: 'Open on arXiv' }).click(),
    ]);
    expect(request.url()).toBe('https://arxiv.org/abs/2007.12223');
    await tab.close();
  });

  it('Escape goes back to the results, then clears the box; the empty state lists the paper just viewed', async () => {
    await page.getByTestId('back').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => input().inputValue()).toBe('lottery ticket bert');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.press('Escape');
    expect(await input().inputValue()).toBe('');
    // Reopening the popup reads the recent list again from the background.
    await page.reload();
    await expect.poll(() => page.locator('.sl-section-title').first().textContent()).toBe('Recently viewed');
    expect(await firstTitle()).toBe(LOTTERY_BERT);
  });

  it('a note written in the opened summary puts the paper under "Papers with your notes" and the "With notes" filter', async () => {
    await input().fill('lottery ticket bert');
    await expect.poll(firstTitle).toBe(LOTTERY_BERT);
    await page.keyboard.press('Enter');
    const notes = page.getByTestId('opened-summary').locator('textarea');
    await notes.waitFor({ timeout: 15_000 });
    await notes.fill('Rewinding to early training matters for BERT tickets.');
    // Autosave reaches the background (the popup's own message channel, as the editor uses it).
    await expect
      .poll(() => page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'listNotes', data: {} })) as { data?: { total: number } }).data?.total ?? 0), { timeout: 10_000 })
      .toBe(1);
    await page.getByTestId('back').click();
    await input().fill('');
    await page.reload();
    const sections = () => page.locator('.sl-section-title').allTextContents();
    await expect.poll(sections).toEqual(['Recently viewed', 'Papers with your notes']);
    await input().fill('lottery');
    await expect.poll(() => results().count()).toBeGreaterThan(1);
    await page.getByText('With notes', { exact: true }).click();
    await expect.poll(() => results().locator('.sl-result-title').allTextContents()).toEqual([LOTTERY_BERT]);
    await page.getByText('With notes', { exact: true }).click();
  });

  it('tolerates typos and finds pasted arXiv URLs and ids', async () => {
    for (const [query, title] of [
      ['reformr efficient', 'Reformer: The Efficient Transformer'],
      ['https://arxiv.org/abs/1810.04805v2', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
      ['https://openreview.net/forum?id=rkgNKkHtvB', 'Reformer: The Efficient Transformer'],
      ['mobilnet inverted residuals', 'MobileNetV2: Inverted Residuals and Linear Bottlenecks'],
    ]) {
      await input().fill(query);
      await expect.poll(firstTitle, { message: query }).toBe(title);
    }
  });

  it('searches background concepts and opens one', async () => {
    await input().fill('grad-cam');
    await expect.poll(() => results().first().getAttribute('data-kind')).toBe('concept');
    expect(await firstTitle()).toMatch(/Grad-CAM/);
    await results().first().click();
    const concept = page.getByTestId('opened-concept');
    await expect.poll(() => concept.locator('.sl-summary-title').textContent(), { timeout: 15_000 }).toMatch(/Grad-CAM/);
    expect(await concept.textContent()).toMatch(/saliency|heat ?map/i);
    await screenshot(page, 'chromium-popup-concept');
    await page.getByTestId('back').click();
  });

  it('filters: concepts only, summaries only, year range', async () => {
    await input().fill('attention');
    await page.getByText('Concepts', { exact: true }).click();
    await expect.poll(async () => new Set(await results().evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(new Set(['concept']));
    await page.getByText('Summaries', { exact: true }).click();
    await expect.poll(async () => new Set(await results().evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(new Set(['summary']));
    await page.getByLabel('From year').fill('2020');
    await page.getByLabel('To year').fill('2020');
    await expect.poll(async () => (await results().locator('.sl-result-meta').allTextContents()).every((m) => / 2020( |$)/.test(` ${m} `.replace(/·/g, ' ')))).toBe(true);
    expect(await results().count()).toBeGreaterThan(0);
  });

  it('searches an imported pack too (imported through the options page)', async () => {
    const pack = makePack({ id: 'popup-e2e-pack', summaries: 30, concepts: 2, name: 'Popup e2e pack' });
    pack.summaries[4].paper.title = 'Quasiperiodic Zebrafish Attention for Lattice Retrieval';
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('pack-file').setInputFiles({ name: 'popup-e2e.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    await expect.poll(() => options.getByTestId('packs-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await options.close();

    await page.reload();
    await input().fill('zebrafish lattice');
    await expect.poll(firstTitle, { timeout: 20_000 }).toBe('Quasiperiodic Zebrafish Attention for Lattice Retrieval');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('opened-summary').locator('.sl-summary-title').textContent(), { timeout: 15_000 }).toBe('Quasiperiodic Zebrafish Attention for Lattice Retrieval');
    await page.getByTestId('back').click();
    // The shipped corpus still answers beside it.
    await input().fill('lottery ticket bert');
    await expect.poll(firstTitle).toBe(LOTTERY_BERT);
  });
});
