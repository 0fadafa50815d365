// Related papers and background concepts, end to end in Chromium with the built extension: on a
// corpus paper's abs page the panel lists them; a real click on a related paper opens a new tab
// on that paper's page (served from a fixture) whose panel shows that paper's summary; a click
// on a concept opens the extension's concept page with the course-notes section, math typeset.
// The side panel shows a concept inline. Expected titles come from the shipped pack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launchChromium, screenshot, serveFixtures, waitForShadowText, type ExtensionBrowser } from './support/chromium';
import { inShadow, PANEL_FIXTURES, setPanelExpanded } from './support/panel';
import { RELATED_PAGES, relatedPageFile } from '../fixtures/build-related-pages';
import type { Pack } from '../../utils/corpus/pack';

const pack = JSON.parse(readFileSync(join(ROOT, 'public/corpus/pack.json'), 'utf8')) as Pack;
const summaryOf = (arxivId: string) => pack.summaries.find((s) => s.paper.arxivId === arxivId)!;
const from = summaryOf(RELATED_PAGES.from);
const to = summaryOf(RELATED_PAGES.to);
// The concept to open: the first background section of the start paper that has formulas.
const concept = from.concepts.map((c) => pack.concepts.find((k) => k.id === c.conceptId)!).find((k) => k.html.includes('class="katex'))!;

/** The panel's text once it has its final state (not the one-line "Looking up…"). */
const ready = (page: Page, includes: string) => waitForShadowText(page, (t) => t.includes(includes) && !t.includes('Looking up'), 15_000);

/**
 * A real mouse click (a user gesture, as a person's) on an element of the panel's closed shadow
 * root: scrolled into view, then clicked at its centre in page coordinates.
 */
async function realClickInPanel(page: Page, selector: string): Promise<void> {
  const box = await inShadow<{ x: number; y: number } | null>(
    page,
    `function () { const el = this.querySelector(${JSON.stringify(selector)}); if (!el) return null; el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`,
  );
  if (!box) throw new Error(`no ${selector} in the panel`);
  await page.mouse.click(box.x, box.y);
}

describe('related papers and background concepts (Chromium)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    serveFixtures({
      // arXiv's own stylesheets (the panel tests' byte copies), so the pages look as they do live.
      ...Object.fromEntries(Object.entries(PANEL_FIXTURES).filter(([url]) => url.endsWith('.css'))),
      [`arxiv.org/abs/${RELATED_PAGES.from}`]: `pages/${relatedPageFile(RELATED_PAGES.from)}`,
      [`arxiv.org/abs/${RELATED_PAGES.to}`]: `pages/${relatedPageFile(RELATED_PAGES.to)}`,
    });
    browser = await launchChromium();
    // Related papers are part of the panel's full view ("Read full summary"), remembered once chosen.
    await setPanelExpanded(browser, true);
  });
  afterAll(() => browser?.close());

  it('the pack links the start paper to the target paper and to a section with math', () => {
    expect(from.related.find((r) => r.kind === 'mentioned' && r.arxivId === RELATED_PAGES.to)?.summaryId).toBe(to.id);
    expect(concept).toBeDefined();
  });

  it('lists mentioned, similar and background entries in the panel, in accessible lists', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://arxiv.org/abs/${RELATED_PAGES.from}`);
    const text = await ready(page, from.paper.title!);
    for (const heading of ['Mentioned', 'Similar', 'Background concepts']) expect(text).toContain(heading);
    for (const r of from.related) expect(text).toContain(r.title!);
    for (const c of from.concepts) expect(text).toContain(pack.concepts.find((k) => k.id === c.conceptId)!.title);
    const structure = await inShadow<{ groups: string[]; items: number[]; links: { href: string; target: string; rel: string }[] }>(
      page,
      `function () {
        const groups = [...this.querySelectorAll('.sl-related ul')].map((ul) => this.getElementById(ul.getAttribute('aria-labelledby')).textContent);
        const items = [...this.querySelectorAll('.sl-related ul')].map((ul) => ul.querySelectorAll(':scope > li').length);
        const links = [...this.querySelectorAll('.sl-related a')].map((a) => ({ href: a.href, target: a.target, rel: a.rel }));
        return { groups, items, links };
      }`,
    );
    expect(structure!.groups).toEqual(['Mentioned', 'Similar', 'Background concepts']);
    expect(structure!.items).toEqual([from.related.filter((r) => r.kind === 'mentioned').length, 5, from.concepts.length]);
    for (const link of structure!.links) {
      expect(link.href).toMatch(/^https:\/\/arxiv\.org\/abs\/[\w./-]+$/);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    // related.css reached the closed shadow root: the lists lose their bullets, links take the accent colour.
    const styled = await inShadow<{ listStyle: string; color: string }>(
      page,
      'function () { const ul = this.querySelector(".sl-related-list"); const a = this.querySelector(".sl-related-link"); return { listStyle: getComputedStyle(ul).listStyleType, color: getComputedStyle(a).color }; }',
    );
    expect(styled).toEqual({ listStyle: 'none', color: 'rgb(11, 92, 173)' });
    await inShadow(page, 'function () { this.querySelector(".sl-related").scrollIntoView({ block: "start" }); }');
    await screenshot(page, 'related-panel');
    await page.close();
  });

  it('opens a related paper in a new tab, whose panel shows that paper’s summary', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://arxiv.org/abs/${RELATED_PAGES.from}`);
    await ready(page, 'Background concepts');
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 10_000 }),
      realClickInPanel(page, `.sl-related-item[data-kind="mentioned"][data-arxiv-id="${RELATED_PAGES.to}"] a`),
    ]);
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url()).toBe(`https://arxiv.org/abs/${RELATED_PAGES.to}`);
    const text = await ready(tab, to.paper.title!);
    expect(text).toContain(to.paper.authors[0]);
    // Its own related list, not the first paper's.
    expect(text).toContain('Background concepts');
    await screenshot(tab, 'related-opened-paper');
    await tab.close();
    await page.close();
  });

  it('opens a background concept from the panel on the extension’s concept page, math typeset', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://arxiv.org/abs/${RELATED_PAGES.from}`);
    await ready(page, concept.title);
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 10_000 }),
      realClickInPanel(page, `.sl-related-item[data-concept-id="${concept.id}"] button`),
    ]);
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url()).toBe(`chrome-extension://${browser.extensionId}/concept.html?id=${concept.id}`);
    await tab.waitForSelector('.sl-concept .katex', { timeout: 10_000 });
    expect(await tab.locator('h1.sl-concept-title').textContent()).toBe(concept.title);
    expect(await tab.locator('.sl-concept-module').textContent()).toBe(concept.module);
    expect(await tab.title()).toBe(`${concept.title} · Summary Lens`);
    // KaTeX's stylesheet is in the page: formulas use its fonts, and the MathML copy is hidden.
    expect(await tab.locator('.sl-concept .katex .katex-mathml').first().evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    await expect
      .poll(() => tab.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('SL-KaTeX') && f.status === 'loaded').length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await tab.locator('.sl-concept .katex').first().scrollIntoViewIfNeeded();
    await screenshot(tab, 'related-concept-page');
    await tab.close();
    await page.close();
  });

  it('shows a concept inline in the side panel page, and refuses to open an unknown section', async () => {
    const paper = await browser.context.newPage();
    await paper.goto(`https://arxiv.org/abs/${RELATED_PAGES.from}`);
    await ready(paper, from.paper.title!);
    // Opened as a tab, the side panel page describes the tab used just before it: the paper.
    const side = await browser.context.newPage();
    await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await side.waitForSelector('[data-testid="related"]', { timeout: 15_000 });
    expect(await side.locator('.sl-summary-title').textContent()).toBe(from.paper.title);
    const item = side.locator(`.sl-related-item[data-concept-id="${concept.id}"]`);
    const button = item.locator('button');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await item.locator('.sl-concept .katex').first().waitFor({ timeout: 10_000 });
    expect(await item.locator('.sl-concept-title').textContent()).toBe(concept.title);
    // No new tab: the section is shown in place.
    expect(browser.context.pages().filter((p) => p.url().includes('concept.html'))).toHaveLength(0);
    await item.scrollIntoViewIfNeeded();
    await screenshot(side, 'related-sidepanel-concept');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await item.locator('.sl-related-concept-view').isHidden()).toBe(true);

    // The background checks the id: a page cannot make the extension open tabs for any string.
    const reply = await side.evaluate(
      (id) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'openConcept', data: { id } }),
      'cs7643-no-such-section',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await side.close();
    await paper.close();
  });
});
