// PDF tabs through the REAL Chromium side panel (chrome.sidePanel.open on a user click, in the same
// window as the paper tabs), and the toolbar badge, read back from the service worker.
// Headless Chromium downloads PDF responses instead of showing them, so the PDF URLs are answered
// with a small HTML stand-in: what the side panel and the badge read is the tab's URL.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { ARTIFACTS, launchChromium, serveFixtures, type ExtensionBrowser } from './support/chromium';
import { notesFrame, NOTES_TEXTAREA } from './support/notes-frame';
import { waitForShadow } from './support/shadow-dom';

// Inside the worker/page callbacks below, which run in the browser, the extension sees `chrome`.
declare const chrome: typeof import('wxt/browser').browser;

const PDF_STAND_IN = (name: string) => `<!doctype html><title>${name}</title><body style="margin:0;background:#525659"><embed type="application/pdf" width="100%" height="100%"></body>`;

/** A page inside the side panel, driven over CDP (Playwright does not list side-panel targets). */
interface SidePanelTarget {
  evaluate<T>(expression: string): Promise<T>;
  screenshot(name: string): Promise<string>;
}

async function attachSidePanel(page: Page, extensionId: string): Promise<SidePanelTarget> {
  const browserSession: CDPSession = await page.context().browser()!.newBrowserCDPSession();
  let targetId: string | undefined;
  for (let i = 0; i < 100 && !targetId; i++) {
    const { targetInfos } = await browserSession.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.url === `chrome-extension://${extensionId}/sidepanel.html` && t.type === 'page')?.targetId;
    if (!targetId) await page.waitForTimeout(100);
  }
  if (!targetId) throw new Error('The side panel did not open.');
  // A non-flattened session: messages to the side panel travel inside Target.sendMessageToTarget.
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, (reply: { result?: any; error?: { message: string } }) => void>();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message);
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  const call = (method: string, params: object) =>
    new Promise<any>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result)));
      void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return {
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    },
    async screenshot(name: string) {
      const { data } = await call('Page.captureScreenshot', { format: 'png' });
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      writeFileSync(path, Buffer.from(data, 'base64'));
      return path;
    },
  };
}

/** What the side panel shows: its state and the summary title, if any. */
const PANEL_STATE = `(() => ({
  state: document.querySelector('main')?.dataset.state ?? null,
  title: document.querySelector('.sl-summary-title')?.textContent ?? null,
  paper: document.querySelector('[data-testid="sidepanel-paper"]')?.textContent ?? null,
  text: document.body.innerText,
}))()`;
type PanelState = { state: string | null; title: string | null; paper: string | null; text: string };

describe('side panel and toolbar badge (Chromium)', () => {
  let browser: ExtensionBrowser;
  let worker: Worker;
  let panel: SidePanelTarget;
  let paperTab: Page;
  let opener: Page;

  const panelState = () => panel.evaluate<PanelState>(PANEL_STATE);
  const waitForPanel = (match: (s: PanelState) => boolean) =>
    expect.poll(async () => {
      const s = await panelState();
      return match(s) ? 'ok' : JSON.stringify(s);
    }, { timeout: 10_000, interval: 100 }).toBe('ok');
  /** The tab id the browser gave a page, found from the background by its URL. */
  const tabIdOf = (url: string) => worker.evaluate((u) => chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === u)?.id), url);
  const badgeOf = (tabId: number) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  beforeAll(async () => {
    browser = await launchChromium();
    worker = browser.context.serviceWorkers()[0];
    // Later routes take precedence over the fixture router: PDFs get the HTML stand-in.
    await browser.context.route(/^https:\/\/(arxiv\.org\/pdf\/|openreview\.net\/pdf\?)/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PDF_STAND_IN(new URL(route.request().url()).pathname.split('/').pop()!) }),
    );

    paperTab = browser.context.pages()[0] ?? (await browser.context.newPage());
    await paperTab.goto('https://arxiv.org/pdf/2006.07589v2');

    // The side panel opens only on a user gesture: a real click in an extension page of the same window.
    opener = await browser.context.newPage();
    await opener.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await opener.evaluate(async () => {
      const { id } = await chrome.windows.getCurrent();
      document.documentElement.style.minHeight = '100vh';
      document.addEventListener('click', () => void chrome.sidePanel.open({ windowId: id! }), { once: true });
    });
    await opener.mouse.click(20, 20);
    panel = await attachSidePanel(opener, browser.extensionId);
  });
  afterAll(() => browser?.close());

  it('needs no "tabs" permission (host permissions are enough for the tab URLs it reads)', async () => {
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('webNavigation');
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
    // The popup stays the toolbar's click action; the side panel opens from it (utils/sidepanel.ts).
    expect(manifest.action?.default_popup).toBe('popup.html');
  });

  it('shows an empty state while the active tab is not a paper', async () => {
    await waitForPanel((s) => s.state === 'no-paper');
    expect((await panelState()).text).toContain('No paper in this tab');
  });

  it('shows the summary of the paper in the active PDF tab, following the tab switch', async () => {
    await paperTab.bringToFront();
    await waitForPanel((s) => s.state === 'ready' && s.title !== null);
    const s = await panelState();
    expect(s.title).toBe('Adversarial Self-Supervised Contrastive Learning');
    expect(s.paper).toBe('arXiv:2006.07589');
    await panel.screenshot('chromium-sidepanel-pdf');
  });

  it('follows navigations in that tab: a PDF without summary, an OpenReview PDF, a site we cannot see', async () => {
    await paperTab.goto('https://arxiv.org/pdf/1706.03762v7');
    await waitForPanel((s) => s.state === 'ready' && s.paper === 'arXiv:1706.03762');
    expect((await panelState()).text).toContain('No summary yet');

    await paperTab.goto('https://openreview.net/pdf?id=SylKikSYDH');
    await waitForPanel((s) => s.title === 'Compressive Transformers for Long-Range Sequence Modelling');

    // Any page form of a paper: the HTML full text of the first one, from another arXiv host.
    await paperTab.goto('https://export.arxiv.org/html/2006.07589v1');
    await waitForPanel((s) => s.title === 'Adversarial Self-Supervised Contrastive Learning');

    await paperTab.goto('data:text/html,<title>elsewhere</title>not a paper');
    await waitForPanel((s) => s.state === 'no-paper');
  });

  it('marks the toolbar badge on a corpus paper tab and not on others', async () => {
    await paperTab.goto('https://arxiv.org/pdf/2006.07589v2');
    const other = await browser.context.newPage();
    await other.goto('https://arxiv.org/pdf/1706.03762v7');
    const corpusTab = (await tabIdOf('https://arxiv.org/pdf/2006.07589v2'))!;
    const otherTab = (await tabIdOf('https://arxiv.org/pdf/1706.03762v7'))!;
    expect(corpusTab).toBeTypeOf('number');
    await expect.poll(() => badgeOf(corpusTab), { timeout: 10_000 }).toBe('✓');
    expect(await worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), corpusTab)).toContain('Adversarial Self-Supervised Contrastive Learning');
    expect(await badgeOf(otherTab)).toBe('');

    // Leaving the paper clears the mark; an OpenReview PDF of a corpus paper gets it.
    await paperTab.goto('https://arxiv.org/list/cs.LG/2006');
    await expect.poll(() => badgeOf(corpusTab), { timeout: 10_000 }).toBe('');
    await other.goto('https://openreview.net/pdf?id=SylKikSYDH');
    await expect.poll(() => badgeOf(otherTab), { timeout: 10_000 }).toBe('✓');
  });

  it('shows, for the PDF of a paper, the note typed on its OpenReview forum (one note per paper)', async () => {
    serveFixtures({ 'openreview.net/forum?id=SylKikSYDH': 'pages/openreview-forum-SylKikSYDH.html' });
    const forum = await browser.context.newPage();
    await forum.goto('https://openreview.net/forum?id=SylKikSYDH');
    await waitForShadow(forum, `function () {
      if (this.querySelector('iframe.sl-notes-frame')) return true;
      [...this.querySelectorAll('button[aria-expanded="false"]')].find((b) => /note/i.test(b.textContent))?.click();
      return false;
    }`);
    const notes = await notesFrame(forum);
    const text = 'Typed on the forum, read beside the PDF.';
    await notes.locator(NOTES_TEXTAREA).click();
    await expect.poll(() => notes.evaluate((q) => document.activeElement === document.querySelector(q), NOTES_TEXTAREA), { interval: 20 }).toBe(true);
    await forum.keyboard.type(text);
    await expect.poll(() => notes.locator('[data-testid="notes-save-state"]').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await forum.close();

    await paperTab.goto('https://arxiv.org/pdf/1911.05507v1');
    await paperTab.bringToFront();
    await waitForPanel((s) => s.title === 'Compressive Transformers for Long-Range Sequence Modelling');
    const value = () => panel.evaluate<string | null>(`document.querySelector(${JSON.stringify(NOTES_TEXTAREA)})?.value ?? null`);
    await expect.poll(value, { timeout: 10_000 }).toBe(text);
  });
});
