// Drives Debian's Firefox ESR with the built extension through puppeteer-core (WebDriver BiDi).
//
// The extension is installed the way a user's stays installed: its build folder is linked from
// the profile's `extensions/` folder (a proxy file; unsigned add-ons load in ESR with
// `xpinstall.signatures.required` off), so it survives a browser restart with its data.
// `extensions.webextensions.uuids` fixes the per-install `moz-extension://<uuid>` host to a random
// UUID chosen here, so tests can address extension pages. WebDriver BiDi refuses to navigate to
// extension pages unless Firefox runs with `--remote-allow-system-access`, which also lets tests
// run script in the browser window itself (to open the real sidebar and read it).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, contentTypeOf, FIXTURES, ROOT, type FixtureMap } from './chromium';

export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv3');
export const GECKO_ID = 'summary-lens@summarylens.dev';
/** Firefox's widget id for the extension's sidebar: the add-on id with non-alphanumerics as `_`. */
const SIDEBAR_ID = `${GECKO_ID.replace(/[^a-z0-9_-]/gi, '_')}-sidebar-action`;

type BidiConnection = { send(method: string, params: object): Promise<{ result: any }> };
const bidi = (browser: Browser) => (browser as unknown as { connection: BidiConnection }).connection;

export interface FirefoxSession {
  browser: Browser;
  /** The install's UUID, the host of its `moz-extension://` pages ('' without the extension). */
  uuid: string;
  /** `moz-extension://<uuid>` */
  origin: string;
  profileDir: string;
  /** Where downloads land, without a dialog. */
  downloadsDir: string;
  /** A new tab whose requests to the paper sites are answered from `fixtures` (every other request is refused). */
  newPage(fixtures?: FixtureMap): Promise<Page>;
  /** A new tab on one of the extension's pages (e.g. 'popup.html'), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Evaluates `expression` in the browser window (system access), awaiting a promise. */
  inBrowserWindow<T>(expression: string): Promise<T>;
  /** Opens the extension's sidebar in the browser window (as its toolbar/menu entry does). */
  openSidebar(): Promise<void>;
  /** Runs `fn` (a function's source, called with the sidebar's `document`) in the sidebar page; its result, structured-cloned. */
  inSidebar<T>(fn: string): Promise<T>;
  /** Screenshot of the open sidebar's page into tests/artifacts. */
  screenshotSidebar(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  withExtension?: boolean;
  /** Reuse a profile (a restart): the extension and its data are still there. */
  profileDir?: string;
  colorScheme?: 'light' | 'dark';
  /** More Firefox preferences for this launch. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  const withExtension = opts.withExtension ?? true;
  if (withExtension && !existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('No Firefox build: run npm run build first.');
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'sl-firefox-'));
  const uuidFile = join(profileDir, 'summary-lens-test-uuid');
  const uuid = withExtension ? (existsSync(uuidFile) ? readFileSync(uuidFile, 'utf8') : randomUUID()) : '';
  if (withExtension) {
    writeFileSync(uuidFile, uuid);
    mkdirSync(join(profileDir, 'extensions'), { recursive: true });
    writeFileSync(join(profileDir, 'extensions', GECKO_ID), FIREFOX_EXTENSION_DIR);
  }
  const downloadsDir = join(profileDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The unsigned build, linked from the profile, enabled without a prompt.
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      ...(withExtension ? { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) } : {}),
      // Light unless asked (0 = dark, 1 = light), for pages and extension pages alike.
      'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
      // Downloads (exports) go straight to downloadsDir.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // Nothing reaches the network: requests not answered from fixtures go to a closed port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...opts.prefs,
    },
  });
  const origin = `moz-extension://${uuid}`;

  const chromeContext = async () => {
    const { result } = await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    return result.contexts[0].context as string;
  };
  const inBrowserWindow = async <T,>(expression: string): Promise<T> => {
    const { result } = await bidi(browser).send('script.evaluate', { expression, target: { context: await chromeContext() }, awaitPromise: true, resultOwnership: 'none' });
    if (result.type === 'exception') throw new Error(`in the browser window: ${result.exceptionDetails?.text}`);
    return deserialize(result.result) as T;
  };

  const session: FirefoxSession = {
    browser,
    uuid,
    origin,
    profileDir,
    downloadsDir,
    async newPage(fixtures = {}) {
      const page = await browser.newPage();
      await routeFixturesFirefox(page, fixtures);
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await gotoExtensionPage(page, `${origin}/${path}`);
      return page;
    },
    inBrowserWindow,
    async openSidebar() {
      await inBrowserWindow(`SidebarController.show(${JSON.stringify(SIDEBAR_ID)}).then(() => true)`);
    },
    async inSidebar<T>(fn: string) {
      // The sidebar's page runs in the extension's content process; a frame script loaded into
      // its <browser> runs `fn` there and posts the result back to the window.
      return inBrowserWindow<T>(`(async () => {
        const panel = document.getElementById('sidebar').contentDocument?.getElementById('webext-panels-browser');
        if (!panel || !panel.currentURI.spec.startsWith(${JSON.stringify(`${origin}/sidepanel.html`)})) throw new Error('The extension sidebar is not open: ' + panel?.currentURI.spec);
        const id = 'sl-' + Math.random().toString(36).slice(2);
        return await new Promise((resolve, reject) => {
          const mm = panel.messageManager;
          const listener = (m) => { mm.removeMessageListener(id, listener); m.data.error ? reject(new Error(m.data.error)) : resolve(m.data.value); };
          mm.addMessageListener(id, listener);
          const script = 'Promise.resolve().then(() => (' + ${JSON.stringify(fn)} + ')(content.document)).then((value) => sendAsyncMessage(' + JSON.stringify(id) + ', { value }), (e) => sendAsyncMessage(' + JSON.stringify(id) + ', { error: String(e) }))';
          mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
        });
      })()`);
    },
    async screenshotSidebar(name) {
      const dataUrl = await inBrowserWindow<string>(`(async () => {
        const panel = document.getElementById('sidebar').contentDocument.getElementById('webext-panels-browser');
        const bitmap = await panel.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d').drawImage(bitmap, 0, 0);
        return canvas.toDataURL('image/png');
      })()`);
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      writeFileSync(path, Buffer.from(dataUrl.split(',')[1], 'base64'));
      return path;
    },
    close: () => browser.close(),
  };
  return session;
}

/**
 * Navigates a tab to an extension page and waits until it has loaded. (puppeteer's own goto does
 * not see the load: the tab switches to the extension's process and its first frame detaches.)
 */
export async function gotoExtensionPage(page: Page, url: string, timeout = 15_000): Promise<void> {
  void page.goto(url).catch(() => undefined);
  await waitForLocation(page, url, timeout);
}

/** Clicks `selector` in `page` and returns the text of the file it downloads into `session.downloadsDir`. */
export async function downloadFirefox(session: FirefoxSession, page: Page, selector: string, timeout = 10_000): Promise<{ name: string; text: string }> {
  const before = new Set(readdirSync(session.downloadsDir));
  await page.click(selector);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const name = readdirSync(session.downloadsDir).find((f) => !before.has(f) && !f.endsWith('.part'));
    if (name) {
      const text = readFileSync(join(session.downloadsDir, name), 'utf8');
      // Written in one go for these small files, but wait for a complete one.
      if (text.length > 0) return { name, text };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No download from ${selector} within ${timeout} ms`);
}

/** Reloads an extension page and waits for the new document to be loaded. */
export async function reloadExtensionPage(page: Page, timeout = 15_000): Promise<void> {
  const marker = `sl-${Date.now()}`;
  await page.evaluate((m) => ((window as unknown as Record<string, boolean>)[m] = true), marker);
  await page.evaluate(() => location.reload());
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const fresh = await page.evaluate((m) => document.readyState === 'complete' && !(window as unknown as Record<string, boolean>)[m], marker).catch(() => false);
    if (fresh) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The extension page did not reload.');
}

async function waitForLocation(page: Page, url: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '');
    if (last === `complete ${url}`) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not load within ${timeout} ms (last: ${last})`);
}

/** Serves the paper sites from fixtures for one page; every other http(s) request is refused. */
export async function routeFixturesFirefox(page: Page, map: FixtureMap): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    if (!/^https?:$/.test(url.protocol)) return void request.continue();
    const file = map[url.host + url.pathname + url.search] ?? map[url.host + url.pathname];
    if (file) return void request.respond({ status: 200, contentType: contentTypeOf(file), body: readFileSync(join(FIXTURES, file)) });
    return void request.respond({ status: 404, contentType: 'text/plain', body: 'not in fixtures' });
  });
}

export async function screenshotFirefox(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Firefox: runs `fn` (a function's source) with the panel's closed shadow root as its argument,
 * through WebDriver BiDi (which can hand out closed shadow roots; a page script cannot).
 * null when there is no such element or it has no shadow root.
 */
export async function inShadowFirefox<T>(browser: Browser, page: Page, fn: string, hostTag = 'summary-lens-panel', index = 0): Promise<T | null> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await bidi(browser).send('script.evaluate', {
    expression: `document.querySelectorAll(${JSON.stringify(hostTag)})[${index}] ?? null`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  const sharedId = result?.result?.value?.shadowRoot?.sharedId;
  if (!sharedId) return null;
  const out = await bidi(browser).send('script.callFunction', {
    functionDeclaration: fn,
    arguments: [{ sharedId }],
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (out.result?.type === 'exception') throw new Error(`in shadow root: ${JSON.stringify(out.result.exceptionDetails?.text ?? out.result)}`);
  return deserialize(out.result?.result) as T;
}

/** WebDriver BiDi remote values -> plain JSON (enough for numbers, strings, booleans, arrays, objects). */
function deserialize(value: any): unknown {
  if (!value) return null;
  switch (value.type) {
    case 'array':
      return (value.value as any[]).map(deserialize);
    case 'object':
      return Object.fromEntries((value.value as [any, any][]).map(([k, v]) => [typeof k === 'string' ? k : deserialize(k), deserialize(v)]));
    case 'null':
    case 'undefined':
      return null;
    default:
      return value.value;
  }
}

/** Text of the panel's closed shadow root (null when there is no panel). */
export function shadowTextFirefox(browser: Browser, page: Page, hostTag = 'summary-lens-panel'): Promise<string | null> {
  // (the first host with that tag)
  return inShadowFirefox<string>(browser, page, '(root) => root.textContent', hostTag);
}

export async function waitForShadowTextFirefox(browser: Browser, page: Page, predicate: (t: string) => boolean, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await shadowTextFirefox(browser, page);
    if (last !== null && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Panel text did not match within ${timeout} ms; last: ${JSON.stringify(last)}`);
}

/**
 * What a page script sees of the panel host: 'closed' (a host whose shadowRoot reads null),
 * 'open', or 'missing' (no host at all, which must never pass for "closed").
 */
export function panelRootAsSeenByPage(page: Page, hostTag = 'summary-lens-panel'): Promise<'closed' | 'open' | 'missing'> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    return host ? (host.shadowRoot === null ? 'closed' : 'open') : 'missing';
  }, hostTag);
}

/** Clicks the label, button or link whose whole text is `text` (a real click on its box). */
export async function clickTextFirefox(page: Page, text: string): Promise<void> {
  const handle = await page.evaluateHandle(
    (t) => [...document.querySelectorAll('label, button, a, [role=option]')].find((el) => el.textContent?.trim() === t) ?? null,
    text,
  );
  const el = handle.asElement() as import('puppeteer-core').ElementHandle<Element> | null;
  if (!el) throw new Error(`Nothing to click with the text ${JSON.stringify(text)}`);
  await el.click();
}

/** Text of the first element matching `selector` (null when none). */
export const textOf = (page: Page | import('puppeteer-core').Frame, selector: string): Promise<string | null> =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

/** Texts of every element matching `selector`. */
export const textsOf = (page: Page | import('puppeteer-core').Frame, selector: string): Promise<string[]> =>
  page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);

/** Picks `path` in the file input matching `selector`, as the user's file dialog would. */
export async function uploadFirefox(page: Page, selector: string, path: string): Promise<void> {
  const input = (await page.$(selector)) as import('puppeteer-core').ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`No file input ${selector}`);
  await input.uploadFile(path);
}
