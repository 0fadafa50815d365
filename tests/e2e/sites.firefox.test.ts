// The opt-in sites ("More sites") in Firefox ESR with the built extension (MV3): off by default
// (no permission for them, no content script, nothing shown); switched on from the options page
// with a real click, which asks for exactly that site's hosts; its pages then show the corpus
// paper's summary (panel) or badges (result lists); switched off, the permission and the content
// script are gone. A switched-on site survives a browser restart.
//
// Test hook: Firefox's permission prompt is browser UI; `extensions.webextOptionalPermissionPrompts`
// off (set through the browser window's system access) makes permissions.request grant at once,
// still only from a user's click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR, launchFirefox, screenshotFirefox, shadowTextFirefox, type FirefoxSession } from './support/firefox';
import { PANEL_FIXTURES } from './support/panel';
import { BADGED_ENTRIES, DEFAULT_ORIGINS, SITE_FIXTURES, SITE_PAGES, type SitePage } from './support/sites';
import { OPTIONAL_ORIGINS, OPTIONAL_SITES, siteById } from '../../utils/optional-sites';

declare const browser: typeof import('wxt/browser').browser;

const FIXTURES = { ...SITE_FIXTURES, ...PANEL_FIXTURES };
const ready = (t: string | null, title: string) => Boolean(t?.includes(title) && !t.includes('Looking up'));

describe('More sites (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let options: Page;
  let page: Page;

  async function start(profileDir?: string) {
    firefox = await launchFirefox({ profileDir });
    await firefox.inBrowserWindow(`Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false), true`);
    options = await firefox.openExtensionPage('options.html');
    page = await firefox.newPage(FIXTURES);
  }

  /** The optional sites' host patterns the extension holds now. */
  async function grantedOptional(): Promise<string[]> {
    const held = new Set((await options.evaluate(() => browser.permissions.getAll())).origins);
    for (const origin of DEFAULT_ORIGINS) expect(held, origin).toContain(origin);
    return OPTIONAL_ORIGINS.filter((o) => held.has(o));
  }
  const registeredIds = () => options.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id).sort());
  const checked = (id: string) => options.$eval(`[data-testid="site-${id}"]`, (el) => (el as HTMLInputElement).checked);

  /** The user's click on the site's switch; what permissions.request was called with. */
  async function clickSwitch(id: string): Promise<unknown[]> {
    await options.bringToFront();
    await options.evaluate(() => {
      const calls: unknown[] = [];
      (window as any).__requests = calls;
      const original = browser.permissions.request.bind(browser.permissions);
      browser.permissions.request = (p: any) => (calls.push(JSON.parse(JSON.stringify(p))), original(p));
    });
    await options.click(`[data-testid="site-${id}"]`);
    return options.evaluate(() => (window as any).__requests);
  }

  async function shown(expected: SitePage): Promise<string | string[] | null> {
    if (expected.panel) return shadowTextFirefox(firefox.browser, page);
    const entries = (await page.evaluate(`(${BADGED_ENTRIES})()`)) as string[];
    return entries.length ? entries : null;
  }
  async function expectShown(expected: SitePage) {
    if (expected.panel) await expect.poll(() => shown(expected), { timeout: 20_000 }).toSatisfy((t) => ready(t as string | null, expected.panel!));
    else await expect.poll(() => shown(expected), { timeout: 20_000 }).toEqual(expected.badges);
  }
  async function expectNothing(expected: SitePage) {
    await page.goto(expected.url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await shown(expected), expected.url).toBeNull();
    expect(await page.evaluate(() => document.querySelectorAll('summary-lens-panel, summary-lens-badge').length)).toBe(0);
  }

  beforeAll(() => start());
  afterAll(() => firefox?.close());

  it('the built manifest asks for no new required permission; every site is optional', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect([...manifest.host_permissions].sort()).toEqual([...DEFAULT_ORIGINS].sort());
    expect(manifest.optional_host_permissions).toEqual([...OPTIONAL_ORIGINS]);
    const declared = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).join(' ');
    for (const origin of OPTIONAL_ORIGINS) expect(declared).not.toContain(new URL(origin.replace('*://', 'https://')).host);
  });

  it('default install: no permission for any of the sites, no content script there, and their pages show nothing', async () => {
    expect(await grantedOptional()).toEqual([]);
    expect(await registeredIds()).toEqual([]);
    for (const expected of SITE_PAGES) await expectNothing(expected);
  });

  for (const site of OPTIONAL_SITES) {
    it(`${site.label}: on asks for exactly its hosts and its pages show the summary; off again holds nothing`, async () => {
      expect(await clickSwitch(site.id)).toEqual([{ origins: [...site.origins] }]);
      await expect.poll(grantedOptional).toEqual([...site.origins]);
      await expect.poll(registeredIds).toEqual([`summary-lens-site-${site.id}`]);
      await expect.poll(() => checked(site.id)).toBe(true);
      await page.bringToFront();
      for (const expected of SITE_PAGES.filter((p) => p.site === site.id)) {
        await page.goto(expected.url);
        await expectShown(expected);
        expect(await page.evaluate(() => (document.querySelector('summary-lens-panel, summary-lens-badge') as HTMLElement).shadowRoot)).toBeNull();
        await screenshotFirefox(page, `sites-firefox-${site.id}${expected.badges ? '-list' : ''}`);
      }
      await options.bringToFront();
      await options.click(`[data-testid="site-${site.id}"]`);
      await expect.poll(grantedOptional).toEqual([]);
      await expect.poll(registeredIds).toEqual([]);
      await expect.poll(() => checked(site.id)).toBe(false);
      await page.bringToFront();
      for (const expected of SITE_PAGES.filter((p) => p.site === site.id)) await expectNothing(expected);
    });
  }

  it('OpenReview venue pages: badges only once switched on, with no new permission', async () => {
    const venue = SITE_PAGES.find((p) => p.site === 'openreview-venues')!;
    await expectNothing(venue);
    await options.bringToFront();
    await options.click('[data-testid="site-openreview-venues"]');
    await expect.poll(() => checked('openreview-venues')).toBe(true);
    expect(await grantedOptional()).toEqual([]);
    await page.bringToFront();
    await page.goto(venue.url);
    await expectShown(venue);
    await options.click('[data-testid="site-openreview-venues"]');
  });

  it('a switched-on site keeps working after a browser restart', async () => {
    await clickSwitch('acl-anthology');
    await expect.poll(registeredIds).toEqual(['summary-lens-site-acl-anthology']);
    const acl = SITE_PAGES.find((p) => p.site === 'acl-anthology')!;
    const profileDir = firefox.profileDir;
    await firefox.close();
    await start(profileDir);
    expect(await grantedOptional()).toEqual([...siteById('acl-anthology')!.origins]);
    await expect.poll(registeredIds).toEqual(['summary-lens-site-acl-anthology']);
    await page.goto(acl.url);
    await expectShown(acl);
  });

  it('control: without the extension a site page shows nothing', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const bare = await plain.newPage(FIXTURES);
      await bare.goto(SITE_PAGES.find((p) => p.site === 'neurips')!.url);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await shadowTextFirefox(plain.browser, bare)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
