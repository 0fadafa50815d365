// The in-page panel, end to end in Chromium with the built extension, on fixture pages of every
// page type it handles. Each test checks the summary's title and takes a screenshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, serveFixtures, shadowText, waitForShadowText, type ExtensionBrowser } from './support/chromium';
import { join } from 'node:path';
import { ARTIFACTS } from './support/chromium';
import { attrInPanel, clickInPanel, FIRST_SCREEN, FIRST_SCREEN_PAGES, focusInPanel, inShadow, longestSummary, measureFirstScreen, PANEL_FIXTURES, SHOWN_SUMMARY_TEXT, textOfSummaryHtml } from './support/panel';
import { notesFrame, NOTES_TEXTAREA } from './support/notes-frame';

// Inside service-worker callbacks, which run in the browser, the extension sees `chrome`.
declare const chrome: typeof import('wxt/browser').browser;

const TITLES = {
  variationalDropout: 'Variational Dropout Sparsifies Deep Neural Networks',
  reformer: 'Reformer: The Efficient Transformer',
  compressive: 'Compressive Transformers for Long-Range Sequence Modelling',
  grounding: 'Learning to Ground Multi-Agent Communication with Autoencoders',
};

/** The panel's text once it has its final state (not the one-line "Looking up…"). */
const ready = (page: Page, includes: string) => waitForShadowText(page, (t) => t.includes(includes) && !t.includes('Looking up'), 15_000);

/** Lets a content script that would show something have every chance to (there is no event for "nothing"). */
async function settle(page: Page) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(800);
}

async function hostBox(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('summary-lens-panel');
    if (!host) return null;
    const r = host.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width };
  });
}

const DEFAULT_SETTINGS = { showNoSummary: true, autoLoadImages: false, panelCollapsed: false, theme: 'auto' };

/** Writes settings straight into the extension's storage (what the background does for the options page). */
async function setStorage(browser: ExtensionBrowser, values: Record<string, unknown>) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set(v), values);
  await page.close();
}

/** Waits for the panel's notes frame to load and take its content's height (reported by the frame). */
async function notesFrameFitted(page: Page): Promise<void> {
  const notes = await notesFrame(page);
  const fitted = async () =>
    (await inShadow<number>(page, 'function () { return this.querySelector("iframe.sl-notes-frame").getBoundingClientRect().height; }')) ===
    (await notes.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)));
  await expect.poll(fitted).toBe(true);
}

const hostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('summary-lens-panel').length);

describe('in-page panel (Chromium)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    serveFixtures(PANEL_FIXTURES);
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('current abs layout: above the abstract, compact; the full summary with math typeset in KaTeX fonts', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1701.05369');
    const text = await ready(page, TITLES.variationalDropout);
    // Compact: the header line names the matched paper; the opening of the summary; notes as one line.
    expect(text).toContain('Read full summary');
    expect(await inShadow<string>(page, 'function () { return this.querySelector(".sl-bar-title").textContent; }')).toBe(TITLES.variationalDropout);
    expect(await inShadow<number>(page, 'function () { return this.querySelector(".sl-bar").getBoundingClientRect().height; }')).toBeLessThan(50);
    expect(await inShadow<string>(page, 'function () { return this.querySelector(".sl-notes-toggle").textContent; }')).toBe('Add a note');
    // Placed in the left column, right above the abstract.
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.nextElementSibling?.matches('blockquote.abstract'))).toBe(true);
    await clickInPanel(page, 'button.sl-read-full');
    await ready(page, 'Dmitry Molchanov, Arsenii Ashukha and Dmitry Vetrov · 2017 · ICML 2017');
    expect(await shadowText(page)).toContain('Summary from ShortScience.org');
    // KaTeX: no @font-face anywhere in the page (it would show the extension's address); the
    // content script adds the fonts the math uses as FontFace objects made from bytes.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('@font-face') || document.querySelector('style[wxt-shadow-root-document-styles]') !== null)).toBe(false);
    const mathFont = await inShadow<string>(page, 'function () { return getComputedStyle(this.querySelector(".katex .mathnormal")).fontFamily; }');
    expect(mathFont).toContain('SL-KaTeX_Math');
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('SL-KaTeX') && f.status === 'loaded').map((f) => f.family)), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['SL-KaTeX_Main', 'SL-KaTeX_Math']));
    // Scroll the page to the summary's first formula for the screenshot.
    await inShadow(page, 'function () { this.querySelector(".katex").scrollIntoView({ block: "center" }); }');
    await screenshot(page, 'panel-abs-current-math');
    await clickInPanel(page, 'button.sl-read-less');
    await ready(page, 'Read full summary');

    // A link that starts a navigation but leaves the page in place (a download) keeps the panel.
    await page.route('https://arxiv.org/src/1701.05369', (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'application/x-eprint-tar', 'content-disposition': 'attachment; filename="1701.05369.tar.gz"' }, body: 'not a real tarball' }),
    );
    const download = page.waitForEvent('download');
    await page.click('a.download-eprint');
    await (await download).cancel();
    await page.waitForTimeout(300);
    expect(page.url()).toBe('https://arxiv.org/abs/1701.05369');
    expect(await shadowText(page)).toContain(TITLES.variationalDropout);
    await page.close();
  });

  it('compact at 1280×800: the abstract starts on the first screen on every abs layout and under the OpenReview title; "Read full summary" shows all of the longest summary', async () => {
    const longest = longestSummary();
    expect(longest.arxivId).toBe('2006.04635'); // the fixture pages below are built for it
    const page = await browser.context.newPage();
    await page.setViewportSize(FIRST_SCREEN);
    for (const target of FIRST_SCREEN_PAGES) {
      await page.goto(target.url);
      await ready(page, 'Read full summary');
      const m = await page.evaluate(measureFirstScreen, target);
      console.log(`[measure] ${target.url}: panel ${m.panelTop?.toFixed(0)}+${m.panelHeight?.toFixed(0)} px, abstract's first line ends at ${m.abstractFirstLineBottom?.toFixed(0)} px of ${m.viewportHeight}`);
      expect(m.scrollY).toBe(0);
      expect(m.abstractFirstLineBottom, target.url).not.toBeNull();
      expect(m.abstractFirstLineBottom!, target.url).toBeLessThanOrEqual(m.viewportHeight);
      if (target.url.includes('openreview')) expect(m.panelTop!, target.url).toBeGreaterThanOrEqual(m.titleBottom!);
    }

    // The longest summary on the current layout: its opening, then all of it in place.
    await page.goto('https://arxiv.org/abs/2006.04635');
    await ready(page, 'Read full summary');
    const full = await page.evaluate(textOfSummaryHtml, longest.html);
    const opening = (await inShadow<string>(page, `function () { const root = this; ${SHOWN_SUMMARY_TEXT} }`))!;
    expect(opening.length).toBeGreaterThan(100);
    expect(opening.length).toBeLessThan(full.length / 5);
    expect(full.startsWith(opening)).toBe(true); // whole sentences from the start, nothing rewritten
    expect(opening).toMatch(/[.!?]$/);
    await screenshot(page, 'panel-compact-longest-preview');
    await clickInPanel(page, 'button.sl-read-full');
    await ready(page, 'Show less');
    expect(await inShadow<string>(page, `function () { const root = this; ${SHOWN_SUMMARY_TEXT} }`)).toBe(full);
    // In place, in the page's flow: nothing to scroll inside the panel.
    expect(await inShadow<boolean>(page, 'function () { const b = this.querySelector(".sl-summary-body"); return b.scrollHeight <= b.clientHeight + 1; }')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'panel-compact-longest-full.png'), fullPage: true });
    // Remembered: the next paper opens in full too, until "Show less".
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, 'Show less');
    await clickInPanel(page, 'button.sl-read-less');
    await ready(page, 'Read full summary');
    await page.reload();
    await ready(page, 'Read full summary');
    await page.close();
  });

  it('2021 abs layout, versioned URL: top of the right column, truncation mark, images held back', async () => {
    const page = await browser.context.newPage();
    const thirdParty: string[] = [];
    page.on('request', (r) => {
      if (!/^https?:\/\/([a-z0-9-]+\.)*(arxiv\.org|openreview\.net)\//.test(r.url()) && !r.url().startsWith('chrome-extension:')) thirdParty.push(r.url());
    });
    await page.goto('https://arxiv.org/abs/2001.04451v2');
    await ready(page, TITLES.reformer);
    await clickInPanel(page, 'button.sl-read-full');
    await ready(page, 'Truncated in source');
    expect(await page.evaluate(() => document.querySelector('.extra-services')?.firstElementChild?.localName)).toBe('summary-lens-panel');
    // Images: a "Load image from <host>" button each; nothing requested until a click.
    const buttons = await inShadow<string[]>(page, 'function () { return [...this.querySelectorAll("button.sl-img-load")].map((b) => b.textContent); }');
    expect(buttons!.length).toBeGreaterThan(0);
    expect(buttons![0]).toMatch(/^Load image from [a-z0-9.-]+$/);
    expect(await inShadow<number>(page, 'function () { return this.querySelectorAll(".sl-summary-body img").length; }')).toBe(0);
    await screenshot(page, 'panel-abs-2021-column');
    const before = thirdParty.length;
    await clickInPanel(page, 'button.sl-img-load');
    const src = await attrInPanel(page, '.sl-summary-body img', 'src');
    expect(src).toMatch(/^https:\/\//);
    await expect.poll(() => thirdParty.length).toBeGreaterThan(before);
    expect(thirdParty.slice(before)).toContain(src);

    // With the autoLoadImages setting on, images come without a click.
    await setStorage(browser, { settings: { ...DEFAULT_SETTINGS, autoLoadImages: true } });
    try {
      await page.reload();
      await ready(page, 'Truncated in source'); // still in full: remembered
      const images = await inShadow<{ buttons: number; srcs: string[] }>(page, 'function () { return { buttons: this.querySelectorAll("button.sl-img-load").length, srcs: [...this.querySelectorAll(".sl-summary-body img")].map((i) => i.getAttribute("src")) }; }');
      expect(images!.buttons).toBe(0);
      expect(images!.srcs.length).toBe(buttons!.length);
      for (const s of images!.srcs) expect(s).toMatch(/^https:\/\//);
    } finally {
      await setStorage(browser, { settings: DEFAULT_SETTINGS, panelExpanded: false });
    }
    await page.close();
  });

  it('arXiv HTML full text: at the top of the article, under title and authors', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/html/1911.05507v1');
    await ready(page, TITLES.compressive);
    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const host = document.querySelector('summary-lens-panel')!;
      return { after: host.previousElementSibling?.className, hostTop: box('summary-lens-panel').top, hostBottom: box('summary-lens-panel').bottom, authorsBottom: box('.ltx_authors').bottom, abstractTop: box('.ltx_abstract').top };
    });
    expect(layout.after).toBe('ltx_authors');
    // In the flow: nothing of the paper under the panel.
    expect(layout.hostTop).toBeGreaterThanOrEqual(layout.authorsBottom - 1);
    expect(layout.abstractTop).toBeGreaterThanOrEqual(layout.hostBottom - 1);
    await screenshot(page, 'panel-html');
    // The ar5iv form of the same page.
    await page.goto('https://ar5iv.labs.arxiv.org/html/1911.05507');
    await ready(page, TITLES.compressive);
    await page.close();
  });

  it('OpenReview forum by load: matched by OpenReview id, under the header', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://openreview.net/forum?id=SylKikSYDH');
    await ready(page, TITLES.compressive);
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.previousElementSibling?.className)).toBe('meta_row');
    await screenshot(page, 'panel-openreview-forum');
    await page.close();
  });

  it('OpenReview forum matched by title and first author only', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://openreview.net/forum?id=FixtureLin2021');
    await ready(page, TITLES.grounding);
    // The header names the matched paper, and says whose it is on hover.
    expect(await attrInPanel(page, '.sl-bar-title', 'title')).toBe(`${TITLES.grounding} — Toru Lin, Minyoung Huh et al.`);
    expect(await page.evaluate(() => document.querySelector('summary-lens-panel')?.previousElementSibling?.className)).toBe('clearfix mb-1');
    // The URL alone names no corpus paper; the panel's match marks the toolbar button all the same.
    const worker = browser.context.serviceWorkers()[0];
    const badge = () =>
      worker.evaluate(async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
      }, 'https://openreview.net/forum?id=FixtureLin2021');
    await expect.poll(badge, { timeout: 5000 }).toBe('✓');
    await screenshot(page, 'panel-openreview-title-match');
    await page.close();
  });

  it('OpenReview forum reached by in-page navigation, and left again', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://openreview.net/group?id=ICLR.cc/2020/Conference');
    await settle(page);
    expect(await shadowText(page)).toBeNull();
    await page.click('a[href="/forum?id=SylKikSYDH"]');
    await ready(page, TITLES.compressive);
    expect(page.url()).toBe('https://openreview.net/forum?id=SylKikSYDH');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // no page load happened
    await screenshot(page, 'panel-openreview-spa');
    // Back to the venue page, in-page: the feature is aborted and its panel removed.
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('summary-lens-panel').length)).toBe(0);
    expect(page.url()).toContain('/group?id=');
    await page.close();
  });

  it('OpenReview bot challenge ("Verifying your browser") shows nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://openreview.net/forum?id=r1xMH1BtvB');
    expect(await page.textContent('h1')).toBe('Verifying your browser');
    await settle(page);
    expect(await page.evaluate(() => document.querySelectorAll('summary-lens-panel').length)).toBe(0);
    await screenshot(page, 'panel-openreview-challenge');
    await page.close();
  });

  it('paper without a summary: one line that still opens the notes; hidden when showNoSummary is off', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2106.09608');
    await ready(page, 'No summary yet');
    expect((await hostBox(page))!.height).toBeLessThan(60);
    expect(await attrInPanel(page, 'button[aria-controls]', 'aria-expanded')).toBe('false');
    await clickInPanel(page, 'button[aria-controls]');
    expect(await attrInPanel(page, 'button[aria-controls]', 'aria-expanded')).toBe('true');
    expect(await inShadow<boolean>(page, 'function () { return !!this.querySelector("section.sl-notes[aria-label=\'Your notes\']"); }')).toBe(true);
    await screenshot(page, 'panel-no-summary');
    await setStorage(browser, { settings: { ...DEFAULT_SETTINGS, showNoSummary: false } });
    try {
      await page.reload();
      await settle(page);
      expect(await hostCount(page)).toBe(0);
      // Papers with a summary still get theirs.
      await page.goto('https://arxiv.org/abs/1701.05369');
      await ready(page, TITLES.variationalDropout);
    } finally {
      await setStorage(browser, { settings: DEFAULT_SETTINGS });
    }
    await page.close();
  });

  it('collapse is remembered across reloads; dismiss hides one paper, with an undo', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, TITLES.variationalDropout);
    const collapse = 'button[aria-controls][aria-expanded]';
    await clickInPanel(page, collapse);
    expect(await attrInPanel(page, collapse, 'aria-expanded')).toBe('false');
    await page.reload();
    const collapsed = await ready(page, TITLES.variationalDropout);
    expect(await attrInPanel(page, collapse, 'aria-expanded')).toBe('false');
    expect(collapsed).not.toContain('Read full summary'); // only the bar with the title
    expect((await hostBox(page))!.height).toBeLessThan(60);
    await screenshot(page, 'panel-collapsed');
    await clickInPanel(page, collapse);
    await page.reload();
    await ready(page, 'Read full summary');
    expect(await attrInPanel(page, collapse, 'aria-expanded')).toBe('true');

    // Dismiss, undo (focus lands on Undo), dismiss again: gone after a reload, for this paper only.
    await clickInPanel(page, 'button[aria-label="Hide for this paper"]');
    await waitForShadowText(page, (t) => t.includes('Hidden for this paper'));
    expect(await inShadow<string>(page, 'function () { return this.activeElement?.textContent ?? null; }')).toBe('Undo');
    await screenshot(page, 'panel-dismissed-undo');
    await page.keyboard.press('Enter');
    await ready(page, 'Read full summary');
    await clickInPanel(page, 'button[aria-label="Hide for this paper"]');
    await waitForShadowText(page, (t) => t.includes('Hidden for this paper'));
    try {
      await page.reload();
      await settle(page);
      expect(await hostCount(page)).toBe(0);
      await page.goto('https://arxiv.org/abs/2001.04451');
      await ready(page, TITLES.reformer);
    } finally {
      // Dismissals live with the paper in the background's database: undo through its message.
      const undo = await browser.context.newPage();
      await undo.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await undo.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'setDismissed', data: { paperKey: 'arxiv:1701.05369', dismissed: false } }));
      await undo.close();
    }
    await page.close();
  });

  it('keyboard: a labelled region, reached with Tab, buttons with aria-expanded, visible focus', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, TITLES.variationalDropout);
    // Accessibility tree (what assistive technology sees): a region named after the panel.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const named = (role: string) => nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value);
    expect(named('region')).toContain('Summary Lens');
    expect(named('button')).toEqual(expect.arrayContaining(['Collapse summary', 'Hide for this paper']));
    // Tab from the last author link walks into the panel, in order.
    await page.focus('#abs .authors a:last-of-type');
    const focused = () => inShadow<string | null>(page, 'function () { const el = this.activeElement; return el ? el.getAttribute("aria-label") ?? el.textContent : null; }');
    await page.keyboard.press('Tab');
    // (arXiv's hidden mobile "View PDF" link is not displayed, so not focusable)
    expect(await focused()).toBe('Collapse summary');
    const outline = await inShadow<string>(page, 'function () { return getComputedStyle(this.activeElement).outlineStyle; }');
    expect(outline).not.toBe('none');
    await screenshot(page, 'panel-keyboard-focus');
    await page.keyboard.press('Enter');
    expect(await attrInPanel(page, 'button[aria-controls]', 'aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await attrInPanel(page, 'button[aria-controls]', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Hide for this paper');
    // On through the opening's own links (if any) to "Read full summary"; Enter expands in place
    // and takes the reader to the full text; the notes line follows.
    for (let i = 0; i < 6 && (await focused()) !== 'Read full summary'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Read full summary');
    expect(await attrInPanel(page, 'button.sl-read-full', 'aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => inShadow<string | null>(page, 'function () { return this.activeElement?.className ?? null; }')).toBe('sl-full-text');
    expect(await shadowText(page)).toContain('Summary from ShortScience.org');
    await clickInPanel(page, 'button.sl-read-less');
    await ready(page, 'Read full summary');
    await page.close();
  });

  it('a page script cannot read the panel (closed shadow root); the test, through CDP, can', async () => {
    const page = await browser.context.newPage();
    // A hostile page: patches attachShadow before anything runs, and records every event path.
    await page.addInitScript(() => {
      const w = window as unknown as { __roots: ShadowRoot[]; __paths: string[] };
      w.__roots = [];
      w.__paths = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, init);
        w.__roots.push(root);
        return root;
      };
      for (const type of ['click', 'focusin', 'keydown', 'keyup', 'input', 'pointerdown']) {
        document.addEventListener(type, (e) => w.__paths.push(`${type}:${e.composedPath().map((n) => (n as Node).nodeName ?? String(n)).join('>')}`), true);
      }
    });
    await page.goto('https://arxiv.org/abs/1701.05369');
    const title = TITLES.variationalDropout;
    await ready(page, 'Read full summary');
    // The user works in the panel while the page watches.
    await focusInPanel(page, 'button[aria-controls]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const probe = await page.evaluate((secrets) => {
      const w = window as unknown as { __roots: ShadowRoot[]; __paths: string[]; find?: (s: string) => boolean };
      const host = document.querySelector('summary-lens-panel') as HTMLElement;
      const leaks: string[] = [];
      const check = (name: string, value: unknown) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
        // Text only the panel shows (the page itself shows the paper's title).
        if (secrets.some((secret) => text.includes(secret))) leaks.push(name);
      };
      check('host.innerText', host.innerText);
      check('host.textContent', host.textContent);
      check('host.innerHTML', host.innerHTML);
      check('host.outerHTML', host.outerHTML);
      check('body.innerText', document.body.innerText);
      check('getHTML(serializableShadowRoots)', (document.body as HTMLElement & { getHTML?: (o: object) => string }).getHTML?.({ serializableShadowRoots: true }) ?? '');
      check('XMLSerializer', new XMLSerializer().serializeToString(document));
      const selection = getSelection()!;
      selection.selectAllChildren(document.body);
      check('selection of the whole body', selection.toString());
      selection.removeAllRanges();
      document.execCommand('selectAll');
      check('execCommand selectAll', getSelection()!.toString());
      getSelection()!.removeAllRanges();
      const box = host.getBoundingClientRect();
      check('elementsFromPoint', document.elementsFromPoint(box.left + box.width / 2, box.top + 60).map((e) => e.localName + e.textContent));
      check('event paths', w.__paths);
      return {
        leaks,
        shadowRoot: host.shadowRoot,
        children: host.childNodes.length,
        rootNodeIsDocument: host.getRootNode() === document,
        capturedRoots: w.__roots.filter((r) => r.host === host).length,
        eventPaths: w.__paths.filter((p) => p.includes('SUMMARY-LENS-PANEL')),
      };
    }, ['Read full summary', 'alternative way to approximate the KL divergence', 'Hidden for this paper', 'Collapse summary']);
    expect(probe.leaks).toEqual([]);
    expect(probe.shadowRoot).toBeNull();
    expect(probe.children).toBe(0);
    expect(probe.rootNodeIsDocument).toBe(true);
    expect(probe.capturedRoots).toBe(0); // the content script's attachShadow is not the page's
    // Events from inside reach the page retargeted to the host: their path starts at the host.
    for (const path of probe.eventPaths) expect(path).toMatch(/^\w+:SUMMARY-LENS-PANEL>/);
    expect(await shadowText(page)).toContain(title);
    await page.close();
  });

  // Chromium's window.find() searches closed shadow roots, text areas included: a page could
  // test guesses against anything private there ("is 'my note: …' on this page?"). So the notes
  // (the panel's private part) live in an extension-origin frame, whose document window.find()
  // does not search and page scripts cannot open. (The summary itself is the public ShortScience
  // text, findable like the page's own.)
  it('a page script cannot test guesses against the notes with window.find(), nor open their frame', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, 'Read full summary');
    const notes = await notesFrame(page);
    const secret = `Reviewer two misread lemma zqxjv ${Date.now()}`;
    await notes.locator(NOTES_TEXTAREA).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(secret);
    await expect.poll(() => notes.getByTestId('notes-save-state').getAttribute('data-state')).toBe('saved');
    // Preview too: the rendered note is text in a document, like the summary.
    await notes.locator('.sl-notes-preview-toggle').click();
    await expect.poll(() => notes.locator('.sl-notes-rendered').textContent()).toContain(secret);

    const probe = await page.evaluate((guesses) => {
      const find = (window as unknown as { find(s: string, caseSensitive?: boolean, backwards?: boolean, wrap?: boolean, wholeWord?: boolean, searchInFrames?: boolean): boolean }).find;
      return {
        found: guesses.flatMap((g) => [find(g), find(g, false, false, true, false, true)]),
        frames: window.length,
        iframes: document.querySelectorAll('iframe').length,
      };
    }, [secret, 'Reviewer two misread', 'zqxjv']);
    expect(probe).toEqual({ found: [false, false, false, false, false, false], frames: 0, iframes: 0 });

    // Even a page script holding the frame element (here handed to the page's own world through
    // CDP) reads nothing: the frame is another origin.
    const cdp = await page.context().newCDPSession(page);
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      type Node = { localName?: string; backendNodeId: number; children?: Node[]; shadowRoots?: Node[]; attributes?: string[] };
      const findFrame = (n: Node): Node | undefined => (n.localName === 'iframe' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(findFrame).find(Boolean));
      const frameNode = findFrame(root as Node)!;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: frameNode.backendNodeId }); // the page's main world
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        returnByValue: true,
        functionDeclaration: `function () {
          const tryRead = (f) => { try { return String(f()); } catch (e) { return e.name; } };
          return { contentDocument: this.contentDocument, document: tryRead(() => this.contentWindow.document.body.innerText), href: tryRead(() => this.contentWindow.location.href), origin: new URL(this.src).protocol };
        }`,
      });
      expect(result.value).toEqual({ contentDocument: null, document: 'SecurityError', href: 'SecurityError', origin: 'chrome-extension:' });

      // Framing the notes page itself gets a page nowhere. Its static address (the extension id
      // is no secret: the KaTeX fonts use it) is refused to pages: Chromium serves it only
      // through a per-session dynamic URL (use_dynamic_url), which the content script got from
      // runtime.getURL and which sits in the closed shadow root. A page that learned even that
      // still lacks a token the panel issued: the frame shows no editor.
      const src = (frameNode.attributes ?? [])[(frameNode.attributes ?? []).indexOf('src') + 1];
      expect(src).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/notes-frame\.html\?paperKey=arxiv%3A1701\.05369&theme=light&token=[\w-]{24}&title=Variational/);
      const forged = (url: string) => url.replace(/token=[^&]+/, 'token=forgedforgedforgedforged');
      const frameIt = (url: string) =>
        page.evaluate((u) => {
          const frame = document.createElement('iframe');
          frame.src = u;
          document.body.prepend(frame);
        }, url);
      await frameIt(forged(src.replace(/^chrome-extension:\/\/[^/]+/, `chrome-extension://${browser.extensionId}`)));
      await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-error://'))).toBe(true);
      await frameIt(forged(src));
      await expect.poll(() => page.frames().filter((f) => f.url().includes('notes-frame.html')).length).toBe(2);
      const intruder = page.frames().find((f) => f.url().includes('token=forged'))!;
      await expect.poll(() => intruder.locator('[role="alert"]').textContent()).toBe('This notes frame was not opened by the Summary Lens panel on this page.');
      expect(await intruder.locator('textarea').count()).toBe(0);
    } finally {
      await cdp.detach();
    }
    // Back on the page, the panel's notes line knows there is a note, and nothing of its text.
    await page.reload();
    const after = await ready(page, 'Open your note');
    expect(after).not.toContain('zqxjv');
    await page.close();
  });

  it('notes: a frame sized to its editor (never to the note text), named, reached with Tab', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2106.09608');
    await ready(page, 'No summary yet');
    await clickInPanel(page, 'button[aria-controls]');
    const notes = await notesFrame(page);
    expect(notes.url()).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/notes-frame\\.html\\?`));
    expect(await attrInPanel(page, 'iframe.sl-notes-frame', 'title')).toBe('Your notes on Learning Knowledge Graph-based World Models of Textual Environments');
    await page.locator('summary-lens-panel').scrollIntoViewIfNeeded();
    const frameHeight = () => inShadow<number>(page, 'function () { return this.querySelector("iframe.sl-notes-frame").getBoundingClientRect().height; }');
    const contentHeight = () => notes.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await notesFrameFitted(page);
    const empty = (await frameHeight())!;
    expect(await notes.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true); // nothing cut off

    // Forty lines of notes: the frame (so the panel, which the page can measure) keeps its size.
    await notes.locator(NOTES_TEXTAREA).click();
    await page.keyboard.type(Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n'));
    await expect.poll(() => notes.getByTestId('notes-save-state').getAttribute('data-state')).toBe('saved');
    await notes.locator('.sl-notes-preview-toggle').click();
    await notes.locator('.sl-notes-rendered').waitFor();
    await page.waitForTimeout(200); // a resize would be reported within a frame or two
    expect(await frameHeight()).toBe(empty);
    await notes.locator('.sl-notes-preview-toggle').click();
    // The user drags the text box taller: the frame grows with it, and shrinks back.
    await notes.evaluate((s) => void (document.querySelector<HTMLTextAreaElement>(s)!.style.height = '320px'), NOTES_TEXTAREA);
    await expect.poll(async () => (await frameHeight())! > empty + 150 && (await frameHeight()) === (await contentHeight())).toBe(true);
    await screenshot(page, 'panel-notes-frame');
    await notes.evaluate((s) => void (document.querySelector<HTMLTextAreaElement>(s)!.style.height = ''), NOTES_TEXTAREA);
    await expect.poll(frameHeight).toBe(empty);

    // Keyboard: Tab walks from the panel's bar into the frame's controls and back out.
    await focusInPanel(page, 'button[aria-label="Hide for this paper"]');
    await page.keyboard.press('Tab');
    await expect.poll(() => notes.evaluate(() => document.activeElement?.textContent)).toBe('To read');
    expect(await notes.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => inShadow<string | null>(page, 'function () { return this.activeElement?.getAttribute("aria-label") ?? null; }')).toBe('Hide for this paper');
    await page.close();
  });

  it("the page's CSS does not reach into the panel; nothing goes out but KaTeX's font faces", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, TITLES.variationalDropout);
    const before = await inShadow<Record<string, string>>(page, STYLE_PROBE);
    await page.addStyleTag({
      content: `* { color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px !important; line-height: 3 !important; }
        summary-lens-panel { display: none !important; }
        h2, h3, p, button, section { font-size: 40px !important; margin: 50px !important; background: yellow !important; }
        :root { --sl-fg: red; --sl-bg: yellow; }`,
    });
    expect(await inShadow<Record<string, string>>(page, STYLE_PROBE)).toEqual(before);
    expect(before!.hostDisplay).toBe('block');
    // Out: no style element in the page; only FontFace objects for our renamed families, the ones the math uses.
    expect(await page.evaluate(() => document.querySelectorAll('style[wxt-shadow-root-document-styles]').length)).toBe(0);
    // (The math is in the full summary: its fonts come with it.)
    await clickInPanel(page, 'button.sl-read-full');
    const families = () => page.evaluate(() => [...document.fonts].map((f) => f.family.replace(/"/g, '')).filter((f) => !f.startsWith('IBM Plex')));
    await expect.poll(async () => (await families()).length).toBeGreaterThan(0);
    expect((await families()).length).toBeLessThan(20);
    for (const family of await families()) expect(family).toMatch(/^SL-KaTeX_\w+$/);
    await clickInPanel(page, 'button.sl-read-less');
    await ready(page, 'Read full summary');
    await page.close();
  });

  it('control: without the extension no panel, and with it the page lays out the same apart from the panel box', async () => {
    const measure = (page: Page) =>
      page.evaluate(() => {
        const pick = (sel: string) => {
          const el = document.querySelector(sel)!;
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          return { top: Math.round(r.top + scrollY), left: Math.round(r.left), width: Math.round(r.width), height: Math.round(r.height), font: cs.font, color: cs.color };
        };
        return { title: pick('#abs h1.title'), authors: pick('#abs .authors'), abstract: pick('blockquote.abstract'), meta: pick('.metatable'), column: pick('.extra-services'), body: pick('body') };
      });
    const plain = await launchChromium({ withExtension: false });
    let without: Awaited<ReturnType<typeof measure>>;
    try {
      const page = await plain.context.newPage();
      await page.goto('https://arxiv.org/abs/1701.05369');
      await settle(page);
      expect(await shadowText(page)).toBeNull();
      without = await measure(page);
    } finally {
      await plain.close();
    }
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, 'Read full summary');
    // Its size is settled (fonts in, no frame to fit) when its height holds from one poll to the next.
    let last = -1;
    await expect.poll(async () => last === (last = (await hostBox(page))!.height)).toBe(true);
    const withPanel = await measure(page);
    const host = (await hostBox(page))!;
    // Above and beside the panel: nothing moved or changed.
    expect(withPanel.title).toEqual(without.title);
    expect(withPanel.authors).toEqual(without.authors);
    expect(withPanel.column).toEqual(without.column);
    // Below it: moved down by the panel's box (its height plus its bottom margin), nothing else.
    const shift = withPanel.abstract.top - without.abstract.top;
    expect(shift).toBeGreaterThanOrEqual(Math.floor(host.height));
    expect(shift).toBeLessThanOrEqual(Math.ceil(host.height) + 16);
    expect({ ...withPanel.abstract, top: 0 }).toEqual({ ...without.abstract, top: 0 });
    expect({ ...withPanel.meta, top: 0 }).toEqual({ ...without.meta, top: 0 });
    // (positions are rounded one by one and the panel's height has a fraction: ±1 px)
    expect(Math.abs(withPanel.meta.top - without.meta.top - shift)).toBeLessThanOrEqual(1);
    expect({ ...withPanel.body, height: 0 }).toEqual({ ...without.body, height: 0 });
    await page.close();
  });

  it('shows up fast: panel in the page within 150 ms of DOMContentLoaded (median of 5 loads)', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('summary-lens-panel')) {
          (window as unknown as { __panelAt: number }).__panelAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto('https://arxiv.org/abs/2001.04451');
      await ready(page, TITLES.reformer);
      times.push(await page.evaluate(() => (window as unknown as { __panelAt: number }).__panelAt - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart));
    }
    times.sort((a, b) => a - b);
    console.log(`panel visible after DOMContentLoaded (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
    expect(times[2]).toBeLessThan(150);
    await page.close();
  });
});

/** Computed styles inside the panel that page CSS would change if it leaked in. */
const STYLE_PROBE = `function () {
  const pick = (sel) => { const cs = getComputedStyle(this.querySelector(sel)); return [cs.color, cs.backgroundColor, cs.fontFamily, cs.fontSize, cs.letterSpacing, cs.lineHeight, cs.margin].join(' | '); };
  return { title: pick('.sl-bar-title'), body: pick('.sl-summary-body p'), brand: pick('.sl-brand'), button: pick('.sl-icon-button'), panel: pick('.sl-panel'), hostDisplay: getComputedStyle(this.host).display };
}`;

describe('in-page panel, dark system theme (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    serveFixtures(PANEL_FIXTURES);
    browser = await launchChromium({ colorScheme: 'dark' });
  });
  afterAll(() => browser?.close());

  const panelTheme = (page: Page) => inShadow<{ theme: string; background: string }>(page, 'function () { const p = this.querySelector(".sl-panel"); return { theme: p.dataset.theme, background: getComputedStyle(p).backgroundColor }; }');

  it('follows the system, the page (arXiv HTML has its own toggle), and the theme setting above both', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, TITLES.variationalDropout);
    expect(await panelTheme(page)).toEqual({ theme: 'dark', background: 'rgb(22, 27, 34)' });
    await screenshot(page, 'panel-dark-abs');

    // The HTML paper page is dark too (its own script follows the system); its toggle switches both.
    await page.goto('https://arxiv.org/html/1911.05507v1');
    await ready(page, TITLES.compressive);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect((await panelTheme(page))!.theme).toBe('dark');
    // The notes frame (another document) wears the panel's theme, and follows it.
    const notes = await notesFrame(page);
    const frameTheme = () => notes.evaluate(() => ({ theme: document.documentElement.dataset.theme, background: getComputedStyle(document.documentElement).backgroundColor }));
    expect(await frameTheme()).toEqual({ theme: 'dark', background: 'rgb(22, 27, 34)' });
    await screenshot(page, 'panel-dark-html');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await expect.poll(async () => (await panelTheme(page))!.theme).toBe('light');
    await expect.poll(frameTheme).toEqual({ theme: 'light', background: 'rgb(255, 255, 255)' });

    // The setting wins over system and page.
    await setStorage(browser, { settings: { ...DEFAULT_SETTINGS, theme: 'light' } });
    await page.goto('https://arxiv.org/abs/1701.05369');
    await ready(page, TITLES.variationalDropout);
    expect(await panelTheme(page)).toEqual({ theme: 'light', background: 'rgb(255, 255, 255)' });
    await page.close();
  });
});
