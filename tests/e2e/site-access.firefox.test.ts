// Firefox (Manifest V3) lets the user take the extension's access to the paper sites away (and
// releases before 127 did not grant it at install). Then no panel appears, and the popup and the
// options page say why and offer a button that asks for it again. Control: with access, no notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, shadowTextFirefox, waitForShadowTextFirefox, type FirefoxSession } from './support/firefox';
import { PANEL_FIXTURES } from './support/panel';

declare const browser: typeof import('wxt/browser').browser;

const NOTICE = '[data-testid="site-access-notice"]';
const TITLE = 'Variational Dropout Sparsifies Deep Neural Networks';

describe('paper-site access (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let options: Page;
  beforeAll(async () => {
    // The permission prompt answered "Allow" (what the user's click on it does).
    firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    options = await firefox.openExtensionPage('options.html');
  });
  afterAll(() => firefox?.close());

  const granted = () => options.evaluate(() => browser.permissions.contains({ origins: browser.runtime.getManifest().host_permissions! }));
  const hasNotice = (page: Page) => page.evaluate((s) => document.querySelector(s) !== null, NOTICE);
  const openPaper = async () => {
    const page = await firefox.newPage(PANEL_FIXTURES);
    await page.goto('https://arxiv.org/abs/1701.05369');
    return page;
  };

  it('is granted at install: the panel shows and no page shows the notice (control)', async () => {
    expect(await granted()).toBe(true);
    const page = await openPaper();
    await waitForShadowTextFirefox(firefox.browser, page, (t) => t.includes(TITLE) && !t.includes('Looking up'), 20_000);
    await page.close();
    expect(await hasNotice(options)).toBe(false);
  });

  it('withdrawn: no panel; the options page (live) and the popup say so; "Allow" asks again and the panel is back', async () => {
    await options.evaluate(() => browser.permissions.remove({ origins: browser.runtime.getManifest().host_permissions! }));
    expect(await granted()).toBe(false);
    await expect.poll(() => hasNotice(options)).toBe(true);
    expect(await options.$eval(NOTICE, (e) => e.textContent)).toContain('may not read arXiv and OpenReview pages');

    const page = await openPaper();
    await new Promise((r) => setTimeout(r, 1000)); // nothing to wait for: no content script runs
    expect(await shadowTextFirefox(firefox.browser, page)).toBeNull();
    await page.close();

    const popup = await firefox.openExtensionPage('popup.html');
    await expect.poll(() => hasNotice(popup)).toBe(true);
    await popup.click('[data-testid="site-access-allow"]');
    await expect.poll(granted).toBe(true);
    await expect.poll(() => hasNotice(popup)).toBe(false);
    await expect.poll(() => hasNotice(options)).toBe(false);
    await popup.close();

    const again = await openPaper();
    await waitForShadowTextFirefox(firefox.browser, again, (t) => t.includes(TITLE) && !t.includes('Looking up'), 20_000);
    await again.close();
  });
});
