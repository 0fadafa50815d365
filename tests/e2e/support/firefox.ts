// Drives Debian's Firefox ESR with the built extension through puppeteer-core (WebDriver BiDi).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentTypeOf, FIXTURES, ROOT, type FixtureMap } from './chromium';

export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');

export async function launchFirefox(opts: { withExtension?: boolean } = {}): Promise<Browser> {
  if ((opts.withExtension ?? true) && !existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('No Firefox build: run npm run build first.');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      // Keep Firefox quiet on a closed network.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  if (opts.withExtension ?? true) await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return browser;
}

/** Serves the paper sites from fixtures for one page; every other request is refused. */
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

/**
 * Firefox: runs `fn` (a function's source) with the panel's closed shadow root as its argument,
 * through WebDriver BiDi (which can hand out closed shadow roots; a page script cannot).
 */
export async function inShadowFirefox<T>(browser: Browser, page: Page, fn: string, hostTag = 'summary-lens-panel'): Promise<T | null> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await connection.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(hostTag)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  const sharedId = result?.result?.value?.shadowRoot?.sharedId;
  if (!sharedId) return null;
  const out = await connection.send('script.callFunction', {
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
