// The opt-in sites ("More sites") in Chromium with the built extension: off by default (no
// permission, no content script, nothing shown); switched on from the options page with a real
// click, which asks for exactly that site's hosts; its pages then show the corpus paper's
// summary (panel) or badges (result lists); switched off again, the permission and the content
// script are gone. Also: a note written on arXiv shows there, registrations survive a worker
// and a browser restart, the panel shifts none of the page's own content, and the extension
// sends no request to these sites.
//
// Test hook: Chromium shows its permission prompt as browser UI a test cannot answer, so the
// site's hosts are first allowed the way chrome://extensions does it (developerPrivate
// addHostPermission); the options page's own click then calls permissions.request, which the
// browser answers without a prompt because the hosts are allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { EXTENSION_DIR, inShadow, launchChromium, screenshot, serveFixtures, shadowText, type ExtensionBrowser } from './support/chromium';
import { openExtensionPage, stopServiceWorker } from './support/extension-db';
import { notesFrame, NOTES_TEXTAREA } from './support/notes-frame';
import { PANEL_FIXTURES } from './support/panel';
import { inShadowAt, waitForShadow } from './support/shadow-dom';
import { BADGED_ENTRIES, DEFAULT_ORIGINS, SITE_FIXTURES, SITE_PAGES, type SitePage } from './support/sites';
import { OPTIONAL_ORIGINS, OPTIONAL_SITES, siteById } from '../../utils/optional-sites';

declare const chrome: typeof import('wxt/browser').browser;

const ready = (t: string | null, title: string) => Boolean(t?.includes(title) && !t.includes('Looking up'));

/** The optional sites' host patterns the extension holds now (getAll also lists every default host and content-script pattern). */
async function grantedOptional(options: Page): Promise<string[]> {
  const held = new Set((await options.evaluate(() => chrome.permissions.getAll())).origins);
  for (const origin of DEFAULT_ORIGINS) expect(held, origin).toContain(origin);
  return OPTIONAL_ORIGINS.filter((o) => held.has(o));
}
/** Content scripts registered at runtime. */
const registeredIds = (options: Page) => options.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort());

/** Opens the panel's notes line (once the panel has it) and returns the notes frame when its editor is ready. */
async function openNotes(page: Page) {
  await waitForShadow(page, 'function () { return Boolean(this.querySelector(".sl-notes-toggle")); }');
  return notesFrame(page);
}

/** What a site page shows: the panel's text, or the badged entries. */
async function shown(page: Page, expected: SitePage): Promise<string | string[] | null> {
  if (expected.panel) return shadowText(page);
  const entries = (await page.evaluate(`(${BADGED_ENTRIES})()`)) as string[];
  return entries.length ? entries : null;
}

/** Waits until the page shows what it should for this site. */
async function expectShown(page: Page, expected: SitePage): Promise<void> {
  if (expected.panel) await expect.poll(() => shadowText(page), { timeout: 15_000 }).toSatisfy((t: string | null) => ready(t, expected.panel!));
  else await expect.poll(() => shown(page, expected), { timeout: 15_000 }).toEqual(expected.badges);
}

/** Loads the page and checks it stays bare: the page's own load finished and a second passed with no panel or badge. */
async function expectNothing(page: Page, expected: SitePage): Promise<void> {
  await page.goto(expected.url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  expect(await shown(page, expected), expected.url).toBeNull();
  expect(await page.evaluate(() => document.querySelectorAll('summary-lens-panel, summary-lens-badge').length)).toBe(0);
}

describe('More sites (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let page: Page;
  const siteRequests: Request[] = [];
  const navigated = new Set<string>();

  async function launch(userDataDir?: string) {
    browser = await launchChromium({ userDataDir });
    browser.context.on('request', (r) => {
      if (/^https?:\/\/(?!(?:[a-z0-9-]+\.)*(?:arxiv\.org|openreview\.net)\/)/.test(r.url())) siteRequests.push(r);
    });
    options = await openExtensionPage(browser, 'options.html');
    page = await browser.context.newPage();
    const goto = page.goto.bind(page);
    page.goto = (url, opts) => (navigated.add(url), goto(url, opts));
  }

  /** Allows the site's hosts like chrome://extensions does (the test hook), without granting them yet. */
  async function allowInBrowser(origins: readonly string[]) {
    const ext = await browser.context.newPage();
    await ext.goto('chrome://extensions');
    for (const origin of origins)
      await ext.evaluate(([id, o]) => (chrome as any).developerPrivate.addHostPermission(id, o), [browser.extensionId, origin] as const);
    await ext.close();
  }

  /** The user's click on the site's switch in "More sites"; returns what permissions.request was called with. */
  async function clickSwitch(id: string): Promise<unknown[]> {
    await options.bringToFront();
    await options.evaluate(() => {
      const calls: unknown[] = [];
      (window as any).__requests = calls;
      const original = chrome.permissions.request.bind(chrome.permissions);
      chrome.permissions.request = (p: any) => (calls.push(JSON.parse(JSON.stringify(p))), original(p));
    });
    await options.getByTestId(`site-${id}`).click();
    return options.evaluate(() => (window as any).__requests);
  }

  async function switchOn(id: string) {
    const site = siteById(id)!;
    await allowInBrowser(site.origins);
    expect(await grantedOptional(options), 'allowing is not granting').toEqual([]);
    const calls = await clickSwitch(id);
    expect(calls).toEqual([{ origins: [...site.origins] }]);
    await expect.poll(() => grantedOptional(options)).toEqual([...site.origins]);
    await expect.poll(() => registeredIds(options)).toEqual([`summary-lens-site-${id}`]);
    await expect.poll(() => options.getByTestId(`site-${id}`).isChecked()).toBe(true);
  }

  /** Unticks the site's switch: its hosts are given back, its content script unregistered. */
  async function switchOff(id: string) {
    const site = siteById(id)!;
    await options.bringToFront();
    await options.getByTestId(`site-${id}`).click();
    await expect.poll(async () => (await grantedOptional(options)).filter((o) => site.origins.includes(o))).toEqual([]);
    await expect.poll(async () => (await registeredIds(options)).includes(`summary-lens-site-${id}`)).toBe(false);
    await expect.poll(() => options.getByTestId(`site-${id}`).isChecked()).toBe(false);
  }

  beforeAll(async () => {
    serveFixtures({ ...SITE_FIXTURES, ...PANEL_FIXTURES });
    await launch();
  });
  afterAll(() => browser?.close());

  it('the built manifest asks for no new required permission; every site is optional', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'sidePanel']);
    expect([...manifest.host_permissions].sort()).toEqual([...DEFAULT_ORIGINS].sort());
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual([...OPTIONAL_ORIGINS]);
    // No content script is declared for an optional host (Chromium would grant its hosts at install).
    const declared = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).join(' ');
    for (const origin of OPTIONAL_ORIGINS) expect(declared).not.toContain(new URL(origin.replace('*://', 'https://')).host);
  });

  it('default install: no permission for any of the sites, no content script there, and their pages show nothing', async () => {
    expect(await grantedOptional(options)).toEqual([]);
    expect((await options.evaluate(() => chrome.permissions.getAll())).permissions!.sort()).toEqual(['scripting', 'sidePanel', 'storage']);
    expect(await registeredIds(options)).toEqual([]);
    for (const site of OPTIONAL_SITES) await expect.poll(() => options.getByTestId(`site-${site.id}`).isChecked()).toBe(false);
    for (const expected of SITE_PAGES) await expectNothing(page, expected);
  });

  for (const site of OPTIONAL_SITES) {
    it(`${site.label}: on asks for exactly its hosts and its pages show the summary; off again holds nothing`, async () => {
      await switchOn(site.id);
      for (const expected of SITE_PAGES.filter((p) => p.site === site.id)) {
        await page.goto(expected.url);
        await expectShown(page, expected);
        expect(await page.evaluate(() => (document.querySelector('summary-lens-panel, summary-lens-badge') as HTMLElement | null)?.shadowRoot ?? 'closed')).toBe('closed');
        await screenshot(page, `sites-chromium-${site.id}${expected.badges ? '-list' : ''}`);
      }
      // Another site stays off while this one is on.
      const other = SITE_PAGES.find((p) => p.site !== site.id && p.site !== 'openreview-venues')!;
      await expectNothing(page, other);
      await switchOff(site.id);
      expect(await registeredIds(options)).toEqual([]);
      for (const expected of SITE_PAGES.filter((p) => p.site === site.id)) await expectNothing(page, expected);
    });
  }

  it('OpenReview venue pages: badges only once switched on (no new permission), a click unfolds the summary', async () => {
    const venue = SITE_PAGES.find((p) => p.site === 'openreview-venues')!;
    await expectNothing(page, venue);
    await options.bringToFront();
    await options.getByTestId('site-openreview-venues').click();
    await expect.poll(() => options.getByTestId('site-openreview-venues').isChecked()).toBe(true);
    expect(await grantedOptional(options)).toEqual([]);
    await page.bringToFront();
    await page.goto(venue.url);
    await expectShown(page, venue);
    const host = page.locator('summary-lens-badge').first();
    const box = (await host.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => shadowText(page, 'summary-lens-listing-summary'), { timeout: 10_000 })
      .toSatisfy((t: string | null) => Boolean(t?.includes('Compressive Transformers for Long-Range Sequence Modelling')));
    await options.getByTestId('site-openreview-venues').click();
    await expectNothing(page, venue);
  });

  it('a note written on arXiv shows in the panel on PMLR and as a mark beside that paper on Google Scholar', async () => {
    const note = `Sparse VD note ${Date.now()}`;
    await page.goto('https://arxiv.org/abs/1701.05369');
    const arxivNotes = await openNotes(page);
    await arxivNotes.locator(NOTES_TEXTAREA).fill(note);
    await expect.poll(() => arxivNotes.locator('[data-testid="notes-save-state"]').getAttribute('data-state'), { timeout: 5000 }).toBe('saved');

    for (const id of ['pmlr', 'google-scholar']) {
      await allowInBrowser(siteById(id)!.origins);
      await clickSwitch(id);
    }
    await expect.poll(() => registeredIds(options)).toEqual(['summary-lens-site-google-scholar', 'summary-lens-site-pmlr']);

    await page.bringToFront();
    await page.goto(SITE_PAGES.find((p) => p.site === 'pmlr')!.url);
    const pmlrNotes = await openNotes(page);
    await expect.poll(() => pmlrNotes.locator(NOTES_TEXTAREA).inputValue()).toBe(note);

    const scholar = SITE_PAGES.find((p) => p.site === 'google-scholar')!;
    await page.goto(scholar.url);
    await expectShown(page, scholar);
    // Only the Variational Dropout badge (index 1) has the note mark; the page reads no note text.
    const marks = await Promise.all([0, 1, 2].map((i) => inShadowAt(page, 'summary-lens-badge', i, 'function (s) { return Boolean(this.querySelector(s)); }', ['[data-testid="listing-note-mark"]'])));
    expect(marks).toEqual([false, true, false]);
    expect(await page.evaluate((t) => document.documentElement.outerHTML.includes(t), note)).toBe(false);
    for (const id of ['pmlr', 'google-scholar']) await switchOff(id);
  });

  it('a switched-on site keeps working after a worker restart and a browser restart', async () => {
    await switchOn('neurips');
    const neurips = SITE_PAGES.find((p) => p.site === 'neurips')!;
    await stopServiceWorker(options);
    await page.goto(neurips.url);
    await expectShown(page, neurips);
    const userDataDir = browser.userDataDir;
    await browser.close();
    await launch(userDataDir);
    serveFixtures({ ...SITE_FIXTURES, ...PANEL_FIXTURES });
    expect(await grantedOptional(options)).toEqual([...siteById('neurips')!.origins]);
    expect(await registeredIds(options)).toEqual(['summary-lens-site-neurips']);
    await page.goto(neurips.url);
    await expectShown(page, neurips);
    await switchOff('neurips');
  });

  it('the panel shifts none of the page’s own content beyond its own height, and alphaXiv (dark) gets the dark theme', async () => {
    const panels = SITE_PAGES.filter((p) => p.panel);
    for (const site of new Set(panels.map((p) => p.site))) {
      await allowInBrowser(siteById(site)!.origins);
      await clickSwitch(site);
    }
    await page.bringToFront();
    for (const expected of panels) {
      await page.goto(expected.url);
      await expectShown(page, expected);
      // Every element of the page keeps its place with the panel taken out, except that those after it move up by its height.
      const shift = await page.evaluate(() => {
        const host = document.querySelector('summary-lens-panel')!;
        const own = [...document.body.querySelectorAll('*')].filter((el) => el !== host && !el.contains(host) && el.getBoundingClientRect().height > 0);
        const top = () => own.map((el) => el.getBoundingClientRect().top + scrollY);
        const withPanel = top();
        const height = host.getBoundingClientRect().height;
        const marker = document.createComment('panel');
        host.replaceWith(marker);
        const without = top();
        marker.replaceWith(host);
        const after = own.map((el) => Boolean(host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
        const moved = (i: number) => Math.round(withPanel[i] - without[i]);
        return {
          height,
          before: own.filter((_, i) => !after[i] && moved(i) !== 0).map((el) => el.tagName),
          // Everything after the panel moves down by one amount, the panel's height plus its margins
          // (or not at all: another column of the page's grid).
          shifts: [...new Set(own.map((_, i) => i).filter((i) => after[i]).map(moved))].filter((d) => d !== 0),
        };
      });
      expect(shift.height, expected.url).toBeGreaterThan(20);
      expect(shift.before, expected.url).toEqual([]);
      expect(shift.shifts.length, `${expected.url}: ${shift.shifts}`).toBeLessThanOrEqual(1);
      if (shift.shifts.length) expect(shift.shifts[0] - shift.height, expected.url).toBeGreaterThanOrEqual(-1);
      if (shift.shifts.length) expect(shift.shifts[0] - shift.height, expected.url).toBeLessThanOrEqual(48);
      const theme = await inShadow<string | null>(page, 'function () { return this.querySelector("[data-theme]")?.getAttribute("data-theme") ?? null; }');
      expect(theme, expected.url).toBe(expected.site === 'alphaxiv' ? 'dark' : 'light');
    }
    for (const site of new Set(panels.map((p) => p.site))) await switchOff(site);
    expect(await grantedOptional(options)).toEqual([]);
  });

  it('the extension sent no request to any of these sites: only the test’s page loads (and those pages’ own images) reached them', () => {
    const origin = (r: Request) => {
      if (r.serviceWorker()) return 'worker';
      try {
        return r.frame().url().startsWith('chrome-extension://') ? 'extension' : 'page';
      } catch {
        return 'worker'; // Playwright: no frame for a service worker's request
      }
    };
    expect(siteRequests.filter((r) => r.resourceType() === 'document').length).toBeGreaterThan(10);
    const fromExtension = siteRequests.filter((r) => origin(r) !== 'page');
    expect(fromExtension.map((r) => `${r.resourceType()} ${r.url()}`)).toEqual([]);
    const unexpected = siteRequests.filter((r) => (r.resourceType() === 'document' ? !navigated.has(r.url()) : r.resourceType() !== 'image'));
    expect(unexpected.map((r) => `${r.resourceType()} ${r.url()}`)).toEqual([]);
  });

  it('control: without the extension a site page shows nothing', async () => {
    const plain = await launchChromium({ withExtension: false });
    try {
      const bare = await plain.context.newPage();
      await bare.goto(SITE_PAGES.find((p) => p.site === 'neurips')!.url);
      await bare.waitForTimeout(1000);
      expect(await shadowText(bare)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
