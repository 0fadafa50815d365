// Launches Debian's Chromium with the built extension and serves arXiv/OpenReview from fixtures.
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { mkdtempSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const EXTENSION_DIR = join(ROOT, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchChromium(
  opts: {
    withExtension?: boolean;
    userDataDir?: string;
    colorScheme?: 'light' | 'dark';
    headless?: boolean;
    /** Another unpacked extension instead of ours (the benchmark's peers). */
    extensionDir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const withExtension = opts.withExtension ?? true;
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run npm run build first.`);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'sl-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--disable-sync',
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  await routeFixtures(context);
  let extensionId = '';
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, userDataDir, close: () => context.close() };
}

/** Content type of a fixture file: browsers refuse stylesheets served as text/html. */
export function contentTypeOf(file: string): string {
  const types: Record<string, string> = { pdf: 'application/pdf', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2' };
  return types[file.split('.').pop() ?? ''] ?? 'text/html; charset=utf-8';
}

/** Fixture routes: URL (host + path + query) -> file under tests/fixtures. Filled by each test. */
export type FixtureMap = Record<string, string>;

const fixtureRoutes: FixtureMap = {};
export function serveFixtures(map: FixtureMap): void {
  Object.assign(fixtureRoutes, map);
}

// The paper sites, the opt-in ones included (utils/optional-sites.ts): answered from fixtures.
const SITES = String.raw`arxiv\.org|openreview\.net|ar5iv\.org|huggingface\.co|alphaxiv\.org|semanticscholar\.org|scholar\.google\.com|neurips\.cc|nips\.cc|mlr\.press|thecvf\.com|aclanthology\.org`;
const SITE_URL = new RegExp(String.raw`^https?:\/\/([a-z0-9-]+\.)*(${SITES})\/`);
const OTHER_URL = new RegExp(String.raw`^https?:\/\/(?!([a-z0-9-]+\.)*(${SITES})\/)`);

async function routeFixtures(context: BrowserContext): Promise<void> {
  // Every request to the paper sites is answered from fixtures; nothing reaches the network.
  await context.route(SITE_URL, (route: Route) => {
    const url = new URL(route.request().url());
    const key = url.host + url.pathname + url.search;
    const file = fixtureRoutes[key] ?? fixtureRoutes[url.host + url.pathname];
    if (file) {
      return route.fulfill({ status: 200, contentType: contentTypeOf(file), body: readFileSync(join(FIXTURES, file)) });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in fixtures' });
  });
  // Anything else on the internet is refused (fonts, analytics, images) so tests stay offline.
  await context.route(OTHER_URL, (route) => route.abort());
}

/**
 * Runs `fn` (a function declaration's source) with `this` = the closed shadow root of the first
 * `hostTag` element, through the DevTools protocol (a page script cannot reach it), and returns
 * its JSON-serializable result; null when there is no such root.
 */
export async function inShadow<T>(page: Page, fn: string, hostTag = 'summary-lens-panel'): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, (n) => n.localName === hostTag);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in shadow root: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** Text of a closed shadow root (null when there is none). */
export function shadowText(page: Page, hostTag = 'summary-lens-panel'): Promise<string | null> {
  return inShadow<string>(page, 'function () { return this.textContent; }', hostTag);
}

export interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}
export function findNode(node: CdpNode, match: (n: CdpNode) => boolean): CdpNode | undefined {
  if (match(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const hit = findNode(child, match);
    if (hit) return hit;
  }
  return undefined;
}

/** Waits until the panel's shadow text satisfies a predicate. */
export async function waitForShadowText(page: Page, predicate: (text: string) => boolean, timeout = 10_000, hostTag?: string): Promise<string> {
  const deadline = Date.now() + timeout;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await shadowText(page, hostTag);
    if (last !== null && predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`Panel text did not match within ${timeout} ms; last: ${JSON.stringify(last)}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * The extension's content-script world on a page (found through CDP: Playwright evaluates in
 * the page's own world only). `evaluate` runs an expression there, awaiting its promise.
 */
export async function contentScriptWorld(page: Page): Promise<{ evaluate(expression: string): Promise<unknown>; detach(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Summary Lens');
  if (!world) {
    await cdp.detach();
    throw new Error(`No content-script world; contexts: ${contexts.map((c) => `${c.name}/${c.auxData?.type}`).join(', ')}`);
  }
  return {
    async evaluate(expression) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    detach: () => cdp.detach(),
  };
}
