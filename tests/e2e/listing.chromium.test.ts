// arXiv listing pages (month list, search results, author page; fixtures built from arXiv's own
// templates): a badge on exactly the corpus papers, in closed shadow roots, and a click or the
// keyboard unfolds that paper's summary under its entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES, launchChromium, screenshot, serveFixtures, shadowText, type ExtensionBrowser } from './support/chromium';
import { inShadowAt as inShadow } from './support/shadow-dom';

const MONTH = 'https://arxiv.org/list/cs.LG/2006';
const SEARCH = 'https://arxiv.org/search/?query=contrastive+learning&searchtype=all&source=header';
const AUTHOR = 'https://arxiv.org/a/finn_c_1';
// The corpus papers each fixture lists (tests/fixtures/pages/PROVENANCE.md); the others are not in the corpus.
const MONTH_CORPUS = ['2006.06936', '2006.07589', '2006.07710', '2006.10455', '2006.15134'];
const SEARCH_CORPUS = ['2105.05837', '2010.12050', '2007.00224', '2006.07589', '2004.11362'];
const AUTHOR_CORPUS = ['2004.02860', '1810.02334'];

/** The arXiv ids of the entries that got a badge, in page order (the badge directly follows the abs link). */
const badgedIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('summary-lens-badge')].map((host) => {
      const link = host.previousSibling;
      return link instanceof HTMLAnchorElement && link.href.includes('/abs/') ? link.textContent!.trim().replace(/^arXiv:/, '') : `misplaced after ${JSON.stringify(link?.textContent)}`;
    }),
  );

/** Clicks the badge like a user: scrolled into view, at its centre. */
async function clickBadge(page: Page, index: number): Promise<void> {
  const host = page.locator('summary-lens-badge').nth(index);
  await host.scrollIntoViewIfNeeded();
  const box = (await host.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function badgeIndexOf(page: Page, id: string): Promise<number> {
  const ids = await badgedIds(page);
  const index = ids.findIndex((x) => x === id || x.startsWith(`${id}v`));
  if (index < 0) throw new Error(`no badge for ${id}: ${ids.join(', ')}`);
  return index;
}

describe('arXiv listing badges (Chromium)', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    serveFixtures({
      'arxiv.org/list/cs.LG/2006': 'pages/listing-arxiv-list-cs.LG-2006.html',
      'arxiv.org/search/': 'pages/listing-arxiv-search-contrastive-learning.html',
      'arxiv.org/a/finn_c_1': 'pages/listing-arxiv-author-finn_c_1.html',
    });
    browser = await launchChromium();
    // arXiv's real stylesheets (browse, base incl. Bulma, search), so the page's CSS is there to
    // (not) leak into the badges. Later routes take precedence over the fixture router.
    const stylesheets: Record<string, string> = {
      '/static/browse/0.3.4/css/arXiv.css': 'panel-assets/arXiv.css',
      '/static/base/1.0.1/css/arxiv-header-footer.css': 'panel-assets/arxiv-header-footer.css',
      '/static/base/1.0.1/css/arxivstyle.css': 'listing-arxivstyle.css',
      '/static/search/0.5.6/css/search.css': 'listing-search.css',
    };
    await browser.context.route(/^https:\/\/(static\.)?arxiv\.org\/static\/.*\.css/, (route) => {
      const file = stylesheets[new URL(route.request().url()).pathname];
      return file ? route.fulfill({ status: 200, contentType: 'text/css', body: readFileSync(join(FIXTURES, 'pages', file)) }) : route.fallback();
    });
    page = await browser.context.newPage();
  });
  afterAll(() => browser?.close());

  it('badges exactly the corpus papers of a month listing, in closed shadow roots', async () => {
    await page.goto(MONTH);
    await expect.poll(() => page.locator('summary-lens-badge').count(), { timeout: 10_000 }).toBe(MONTH_CORPUS.length);
    await page.waitForTimeout(300); // no late extra badges
    expect(await badgedIds(page)).toEqual(MONTH_CORPUS);
    expect(await page.locator('dl#articles > dt').count()).toBe(10);
    // Page scripts see the host but not inside it.
    expect(await page.evaluate(() => document.querySelector('summary-lens-badge')!.shadowRoot)).toBeNull();
    // arXiv's CSS does not restyle the badge.
    const style = await inShadow<{ bg: string; font: string; label: string | null; expanded: string | null }>(
      page,
      'summary-lens-badge',
      0,
      `function () { const b = this.querySelector('button'); const s = getComputedStyle(b); return { bg: s.backgroundColor, font: s.fontFamily, label: b.getAttribute('aria-label'), expanded: b.getAttribute('aria-expanded') }; }`,
    );
    expect(style.bg).toBe('rgb(26, 127, 55)');
    expect(style.font).toMatch(/system-ui/);
    expect(style.expanded).toBe('false');
    // Small and on the paper's id line, right after the id link.
    const [link, badge] = await Promise.all([page.locator('[id="2006.06936"]').boundingBox(), page.locator('summary-lens-badge').first().boundingBox()]);
    expect(Math.abs(badge!.y + badge!.height / 2 - (link!.y + link!.height / 2))).toBeLessThan(6);
    expect(badge!.x).toBeGreaterThan(link!.x + link!.width - 1);
    expect(badge!.width).toBeLessThan(120);
    expect(style.label).toContain('Does Unsupervised Architecture Representation Learning Help Neural Architecture Search?');
  });

  it('unfolds the summary under the entry on click, and folds it again', async () => {
    const index = await badgeIndexOf(page, '2006.07589');
    await clickBadge(page, index);
    await expect.poll(() => shadowText(page, 'summary-lens-listing-summary'), { timeout: 10_000 }).toContain('Adversarial Self-Supervised Contrastive Learning');
    expect(await inShadow(page, 'summary-lens-badge', index, `function () { return this.querySelector('button').getAttribute('aria-expanded'); }`)).toBe('true');
    // Beneath the right entry: inside its <dd>, whose <dt> links the paper.
    expect(await page.evaluate(() => document.querySelector('summary-lens-listing-summary')!.closest('dd')!.previousElementSibling!.querySelector('a[title="Abstract"]')!.id)).toBe('2006.07589');
    const text = (await shadowText(page, 'summary-lens-listing-summary'))!;
    expect(text).toContain('Minseon Kim');
    expect(text.length).toBeGreaterThan(500); // the summary body, not just a title
    await page.evaluate(() => document.getElementById('2006.06936')!.closest('dt')!.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'chromium-listing-expanded');

    await clickBadge(page, index);
    await expect.poll(() => page.locator('summary-lens-listing-summary').count()).toBe(0);
  });

  it('works from the keyboard: Tab from the paper link reaches the badge, Enter toggles it', async () => {
    await page.focus('[id="2006.10455"]');
    await page.keyboard.press('Tab');
    const index = await badgeIndexOf(page, '2006.10455');
    const focused = () => inShadow<string | null>(page, 'summary-lens-badge', index, `function () { return this.activeElement?.className ?? null; }`);
    expect(await focused()).toBe('sl-listing-badge');
    await page.keyboard.press('Enter');
    await expect.poll(() => shadowText(page, 'summary-lens-listing-summary'), { timeout: 10_000 }).toContain('What Do Neural Networks Learn When Trained With Random Labels?');
    expect(await inShadow(page, 'summary-lens-badge', index, `function () { return this.querySelector('button').getAttribute('aria-expanded'); }`)).toBe('true');
    expect(await focused()).toBe('sl-listing-badge'); // focus stays on the control
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('summary-lens-listing-summary').count()).toBe(0);
  });

  it('badges search results (absolute links, an older version shown as 2004.11362v1)', async () => {
    await page.goto(SEARCH);
    await expect.poll(() => page.locator('summary-lens-badge').count(), { timeout: 10_000 }).toBe(SEARCH_CORPUS.length);
    const ids = await badgedIds(page);
    expect(ids.map((id) => id.replace(/v\d+$/, ''))).toEqual(SEARCH_CORPUS);
    expect(ids).toContain('2004.11362v1');
    expect(await page.locator('li.arxiv-result').count()).toBe(8);
    // Bulma (arxivstyle.css) styles buttons page-wide; not ours.
    expect(await inShadow(page, 'summary-lens-badge', 0, `function () { return getComputedStyle(this.querySelector('button')).backgroundColor; }`)).toBe('rgb(26, 127, 55)');

    const index = await badgeIndexOf(page, '2004.11362');
    await clickBadge(page, index);
    await expect.poll(() => shadowText(page, 'summary-lens-listing-summary'), { timeout: 10_000 }).toContain('Supervised Contrastive Learning');
    expect(await page.evaluate(() => document.querySelector('summary-lens-listing-summary')!.closest('li.arxiv-result')!.querySelector('.list-title a')!.textContent)).toBe('arXiv:2004.11362v1');
    await page.evaluate(() => document.querySelector('summary-lens-listing-summary')!.closest('li')!.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'chromium-listing-search');
  });

  it('badges an author page', async () => {
    await page.goto(AUTHOR);
    await expect.poll(() => page.locator('summary-lens-badge').count(), { timeout: 10_000 }).toBe(AUTHOR_CORPUS.length);
    expect(await badgedIds(page)).toEqual(AUTHOR_CORPUS);
  });
});
