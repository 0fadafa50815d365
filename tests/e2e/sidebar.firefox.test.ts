// PDF tabs in Firefox ESR: papers open in Firefox's own PDF viewer (PDF.js), where no content
// script runs. The extension's REAL sidebar (sidebar_action, opened in the browser window) shows
// the active tab's paper and follows navigations; the toolbar badge marks PDF tabs of corpus
// papers. Control: without the extension there is no sidebar to open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, routeFixturesFirefox, type FirefoxSession } from './support/firefox';

declare const browser: typeof import('wxt/browser').browser;

const PDF = 'pdf/stand-in.pdf';
const FIXTURES = {
  'arxiv.org/pdf/2006.07589v2': PDF,
  'arxiv.org/pdf/1706.03762v7': PDF,
  'openreview.net/pdf?id=SylKikSYDH': PDF,
};

/** What the sidebar shows: its state, the summary title and paper line, its text. Runs in the sidebar. */
const SIDEBAR_STATE = `(doc) => ({
  state: doc.querySelector('main')?.dataset.state ?? null,
  title: doc.querySelector('.sl-summary-title')?.textContent ?? null,
  paper: doc.querySelector('[data-testid="sidepanel-paper"]')?.textContent ?? null,
  text: doc.body.innerText,
})`;
type SidebarState = { state: string | null; title: string | null; paper: string | null; text: string };

describe('sidebar and toolbar badge on PDF tabs (Firefox ESR)', () => {
  let firefox: FirefoxSession;
  let tab: Page;
  beforeAll(async () => {
    firefox = await launchFirefox();
    tab = (await firefox.browser.pages())[0];
    await firefox.openSidebar();
  });
  afterAll(() => firefox?.close());

  const sidebar = () => firefox.inSidebar<SidebarState>(SIDEBAR_STATE);
  const waitForSidebar = (match: (s: SidebarState) => boolean) =>
    expect.poll(async () => {
      const s = await sidebar().catch((e: Error) => ({ state: e.message }) as SidebarState);
      return match(s) ? 'ok' : JSON.stringify(s);
    }, { timeout: 15_000, interval: 100 }).toBe('ok');
  /** Opens a PDF in the tab and waits for Firefox's PDF viewer to show it. */
  const openPdf = async (url: string) => {
    await tab.goto(url);
    await tab.waitForFunction(() => document.querySelector('#viewer .page') !== null, { timeout: 15_000 });
  };

  it('shows an empty state while the active tab is not a paper', async () => {
    await waitForSidebar((s) => s.state === 'no-paper');
    expect((await sidebar()).text).toContain('No paper in this tab');
  });

  it('shows the summary of the paper in the active PDF tab (Firefox PDF viewer, no content script)', async () => {
    await routeFixturesFirefox(tab, FIXTURES);
    await openPdf('https://arxiv.org/pdf/2006.07589v2');
    expect(await tab.evaluate(() => document.querySelector('summary-lens-panel'))).toBeNull();
    await waitForSidebar((s) => s.state === 'ready' && s.title === 'Adversarial Self-Supervised Contrastive Learning');
    expect((await sidebar()).paper).toBe('arXiv:2006.07589');
    await firefox.screenshotSidebar('firefox-sidebar-pdf');
  });

  it('follows navigations in that tab: a PDF without summary, an OpenReview PDF, a site it cannot see', async () => {
    await openPdf('https://arxiv.org/pdf/1706.03762v7');
    await waitForSidebar((s) => s.state === 'ready' && s.paper === 'arXiv:1706.03762');
    expect((await sidebar()).text).toContain('No summary yet');
    await openPdf('https://openreview.net/pdf?id=SylKikSYDH');
    await waitForSidebar((s) => s.title === 'Compressive Transformers for Long-Range Sequence Modelling');
    await tab.goto('data:text/html,<title>elsewhere</title>not a paper');
    await waitForSidebar((s) => s.state === 'no-paper');
  });

  it('marks the toolbar badge on a corpus paper PDF tab and not on others', async () => {
    await openPdf('https://arxiv.org/pdf/2006.07589v2');
    const other = await firefox.newPage(FIXTURES);
    await other.goto('https://arxiv.org/pdf/1706.03762v7');
    await other.waitForFunction(() => document.querySelector('#viewer .page') !== null, { timeout: 15_000 });
    const ext = await firefox.openExtensionPage('options.html');
    const badges = () =>
      ext.evaluate(async () => {
        const tabs = await browser.tabs.query({});
        const out: Record<string, string> = {};
        for (const t of tabs) if (t.url?.includes('/pdf')) out[t.url] = await browser.action.getBadgeText({ tabId: t.id! });
        return out;
      });
    await expect.poll(badges, { timeout: 10_000 }).toEqual({ 'https://arxiv.org/pdf/2006.07589v2': '✓', 'https://arxiv.org/pdf/1706.03762v7': '' });
    // Leaving the paper clears the mark; an OpenReview PDF of a corpus paper gets it.
    await openPdf('https://openreview.net/pdf?id=SylKikSYDH');
    await other.goto('data:text/html,elsewhere');
    await expect.poll(badges, { timeout: 10_000 }).toEqual({ 'https://openreview.net/pdf?id=SylKikSYDH': '✓' });
    await ext.close();
    await other.close();
  });

  it('control: without the extension there is no sidebar to open', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      await plain.openSidebar().catch(() => undefined);
      const shown = await plain.inBrowserWindow<string | null>(`document.getElementById('sidebar')?.contentDocument?.getElementById('webext-panels-browser')?.currentURI.spec ?? null`);
      expect(shown ?? '').not.toMatch(/^moz-extension:/);
      await expect(plain.inSidebar(SIDEBAR_STATE)).rejects.toThrow(/not open/);
    } finally {
      await plain.close();
    }
  });
});
