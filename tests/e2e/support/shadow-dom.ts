// Reaching into the panel's CLOSED shadow root from a test, through the DevTools protocol (page
// scripts cannot): run a function with the shadow root as `this`, focus or click an element in
// it. Typing then goes through page.keyboard, i.e. real key events into the focused element.
import type { Page } from 'playwright-core';

interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function find(node: CdpNode, tag: string): CdpNode | undefined {
  if (node.localName === tag) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = find(child, tag);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Calls `fn` (source of `function (...args) {...}`) with `this` = the host's shadow root and
 * returns its JSON result; undefined when there is no such host/shadow root yet.
 */
export async function shadowCall<T>(page: Page, fn: string, args: unknown[] = [], hostTag = 'summary-lens-panel'): Promise<T | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadow = find(root as CdpNode, hostTag)?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`In the shadow root: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** Polls `fn` in the shadow root until it returns a truthy value. */
export async function waitForShadow<T>(page: Page, fn: string, args: unknown[] = [], timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await shadowCall<T>(page, fn, args).catch(() => undefined);
    if (last) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`Shadow root condition not met within ${timeout} ms (${fn.slice(0, 120)}); last: ${JSON.stringify(last)}`);
}

/** Focuses the element matching `selector` inside the shadow root (true when found). */
export const shadowFocus = (page: Page, selector: string) =>
  shadowCall<boolean>(page, 'function (s) { const el = this.querySelector(s); if (!el) return false; el.focus(); return this.activeElement === el; }', [selector]);

/** Clicks the element matching `selector` inside the shadow root (true when found). */
export const shadowClick = (page: Page, selector: string) =>
  shadowCall<boolean>(page, 'function (s) { const el = this.querySelector(s); if (!el) return false; el.click(); return true; }', [selector]);

/** The `value` of a form field in the shadow root (null when absent). */
export const shadowValue = (page: Page, selector: string) =>
  shadowCall<string | null>(page, 'function (s) { const el = this.querySelector(s); return el ? el.value : null; }', [selector]);

/** Runs `fn` (source of `function () {…}`) with `this` = the closed shadow root of the index-th host. */
export async function inShadowAt<T>(page: Page, hostTag: string, index: number, fn: string, args: unknown[] = []): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type Node = { localName?: string; backendNodeId: number; children?: Node[]; shadowRoots?: Node[] };
    const hosts: Node[] = [];
    const walk = (n: Node) => {
      if (n.localName === hostTag) hosts.push(n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root as Node);
    const shadow = hosts[index]?.shadowRoots?.[0];
    if (!shadow) throw new Error(`no shadow root for ${hostTag}[${index}] (${hosts.length} hosts)`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: fn, arguments: args.map((value) => ({ value })), returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}
