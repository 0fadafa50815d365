// The background's message gate in real Chromium: web pages cannot reach it, a real content
// script cannot use the extension-page-only messages, and thousands of malformed messages leave
// the worker alive, answering correctly, with the data unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { contentScriptWorld, EXTENSION_DIR, launchChromium, serveFixtures, waitForShadowText, type ExtensionBrowser } from './support/chromium';
import { openExtensionPage, send, snapshotDb, waitForReady } from './support/extension-db';
import { OPTIONAL_ORIGINS } from '../../utils/optional-sites';

declare const chrome: typeof import('wxt/browser').browser;

/** Runs code inside the extension's content-script world on a page. */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const world = await contentScriptWorld(page);
  try {
    return await world.evaluate(expression);
  } finally {
    await world.detach();
  }
}

describe('messages (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let worker: Worker;
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  beforeAll(async () => {
    serveFixtures({ 'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html' });
    browser = await launchChromium();
    worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))!;
    options = await openExtensionPage(browser);
    await waitForReady(options);
    expect((await send(options, 'saveNote', { paperKey: 'arxiv:2106.09608', text: 'Must survive the fuzzing.', title: null, baseRev: 0 })).ok).toBe(true);
  });
  afterAll(() => browser?.close());

  it('asks for no more than it needs, and its pages run only its own code and connect nowhere', async () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'sidePanel']);
    expect(manifest.host_permissions).toEqual(['*://arxiv.org/*', '*://www.arxiv.org/*', '*://export.arxiv.org/*', '*://browse.arxiv.org/*', '*://ar5iv.labs.arxiv.org/*', '*://ar5iv.org/*', '*://openreview.net/*']);
    // The opt-in sites ("More sites"): optional hosts only.
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual([...OPTIONAL_ORIGINS]);
    expect(manifest.content_security_policy).toEqual({ extension_pages: "script-src 'self'; object-src 'none'; connect-src 'self'; base-uri 'none'" });
    // Web-accessible: KaTeX fonts and the panel's notes frame, to the paper
    // hosts (and the opt-in ones) only; the notes frame only through Chromium's per-session dynamic URL.
    const allowed = ['katex-fonts/*.woff2', 'notes-frame.html'];
    for (const r of manifest.web_accessible_resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]) {
      for (const resource of r.resources) expect(allowed).toContain(resource);
      for (const m of r.matches) expect([...manifest.host_permissions, ...OPTIONAL_ORIGINS]).toContain(m);
      if (r.resources.some((x) => x.endsWith('.html'))) expect(r.use_dynamic_url).toBe(true);
    }
    const page = await openExtensionPage(browser);
    const blocked = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const fetched = await fetch('https://example.com/beacon').then(() => 'fetched', (e: Error) => e.name);
      // From a timer task, not from the DevTools evaluation itself (which CSP exempts).
      const evaluated = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            (0, eval)('1 + 1');
            resolve('evaluated');
          } catch (e) {
            resolve((e as Error).name);
          }
        }),
      );
      await new Promise((r) => setTimeout(r, 100));
      return { fetched, evaluated, violations };
    });
    console.log(`[measure] CSP on extension pages: ${JSON.stringify(blocked)}`);
    expect(blocked.fetched).toBe('TypeError');
    expect(blocked.evaluated).toBe('EvalError');
    expect(blocked.violations).toEqual(expect.arrayContaining(['connect-src https://example.com/beacon', 'script-src eval']));
    await page.close();
  });

  it('cannot be reached from web pages: no externally_connectable, no onMessageExternal listener', async () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(await worker.evaluate(() => chrome.runtime.onMessageExternal.hasListeners())).toBe(false);
    expect(await worker.evaluate(() => chrome.runtime.onConnectExternal.hasListeners())).toBe(false);
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2106.09608');
    // A page script sees no extension messaging API at all.
    expect(await page.evaluate(() => typeof (globalThis as any).chrome?.runtime?.sendMessage)).toBe('undefined');
    await page.close();
  });

  it('answers a real content script’s reading messages but refuses it the extension-page-only ones, note text included', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2106.09608');
    await waitForShadowText(page, (t) => t.length > 0);
    const ask = (type: string, data: unknown) => inContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify({ type, data })})`) as Promise<any>;
    expect(await ask('ping', {})).toMatchObject({ ok: true, data: { db: { ready: true } } });
    // What the panel needs: the summary and a has-note flag, never the note's text.
    const lookup = await ask('lookupPaper', { ref: { arxivId: '2106.09608v2' } });
    expect(lookup).toMatchObject({ ok: true, data: { paperKey: 'arxiv:2106.09608', hasNote: true, dismissed: false } });
    expect(JSON.stringify(lookup)).not.toContain('Must survive the fuzzing');
    for (const [type, data] of [
      ['getNote', { paperKey: 'arxiv:2106.09608' }],
      ['saveNote', { paperKey: 'arxiv:2106.09608', text: 'overwritten by a page', title: null, baseRev: 1 }],
      ['setNoteMeta', { paperKey: 'arxiv:2106.09608', title: null, status: 'read' }],
      ['listRevisions', { paperKey: 'arxiv:2106.09608' }],
      ['listRecent', {}],
      ['updateSettings', { patch: { autoLoadImages: true } }],
      ['listPacks', {}],
      ['removePack', { id: 'builtin' }],
      ['packInstalled', { packId: 'builtin' }],
      ['exportNotes', { format: 'json' }],
      ['listNotes', {}],
      ['wipeNotes', { confirm: true }],
    ] as const) {
      expect(await ask(type, data), type).toEqual({ ok: false, error: { code: 'forbidden', message: `"${type}" is accepted only from the extension's own pages.` } });
    }
    expect((await snapshotDb(options)).notes).toEqual([expect.objectContaining({ text: 'Must survive the fuzzing.' })]);
    await page.close();
  });

  it('injects the panel bundle only for a paper page: an extension page asking is refused', async () => {
    const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'loadContentUi', data: {} }));
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only a paper page can load the panel.' } });
  });

  it('survives thousands of malformed messages: alive, correct, data unchanged', async () => {
    const before = await snapshotDb(options);
    const pingBefore = (await send(options, 'ping')) as any;
    // A marker in the worker's global scope: gone if the worker crashed and restarted.
    await worker.evaluate(() => ((globalThis as any).fuzzMarker = 'still the same worker'));

    const report = await options.evaluate(async () => {
      // Deterministic PRNG (mulberry32) so a failure can be replayed.
      let seed = 20261123;
      const rand = () => {
        seed = (seed + 0x6d2b79f5) >>> 0;
        let t = seed;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
      const types = ['ping', 'wake', 'lookupPaper', 'lookupMany', 'getSummary', 'getConcept', 'listPacks', 'packInstalled', 'removePack', 'getNote', 'saveNote', 'setNoteMeta', 'listNotes', 'restoreRevision', 'deleteNote', 'wipeNotes', 'exportNotes', 'applyImport'];
      const evilKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
      const strings = ['', ' ', 'builtin', '../../etc/passwd', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '\u0000', '\ud800', 'arxiv:', 'title:', '%00', '{"__proto__":{"polluted":1}}', 'x'.repeat(70)];
      const value = (depth: number): unknown => {
        const r = rand();
        if (depth > 3 || r < 0.3) return pick<unknown>([null, true, false, 0, -1, 1e308, -0, 2 ** 53, NaN, pick(strings), rand().toString(36)]);
        if (r < 0.55) return Array.from({ length: Math.floor(rand() * 5) }, () => value(depth + 1));
        const obj: Record<string, unknown> = {};
        for (let i = Math.floor(rand() * 5); i > 0; i--) obj[rand() < 0.4 ? pick(evilKeys) : pick(['ref', 'id', 'data', 'type', 'arxivIds', 'paperKey', 'text', 'confirm', rand().toString(36)])] = value(depth + 1);
        // JSON.parse makes __proto__ an own key, as it arrives over the wire.
        if (rand() >= 0.2) return obj;
        const json = JSON.stringify(obj);
        return JSON.parse(json === '{}' ? '{"__proto__":{"polluted":"yes"}}' : json.replace('{', '{"__proto__":{"polluted":"yes"},'));
      };
      const message = (): unknown => {
        const r = rand();
        if (r < 0.1) return value(0);
        if (r < 0.15) return { type: pick(evilKeys), data: value(1) };
        if (r < 0.2) return { type: pick(types), data: value(1), extra: value(1) };
        if (r < 0.25) return { type: rand().toString(36).repeat(Math.ceil(rand() * 10)), data: {} };
        return { type: pick(types), data: value(1) };
      };
      const huge = 'A'.repeat(20 * 1024 * 1024);
      const specials: unknown[] = [
        { type: 'lookupPaper', data: { ref: { title: huge } } },
        { type: 'packInstalled', data: { packId: huge } },
        { type: 'saveNote', data: { paperKey: 'arxiv:2106.09608', text: huge, title: null, baseRev: 0 } },
        { type: huge.slice(0, 100_000), data: {} },
        { type: 'lookupMany', data: { arxivIds: Array.from({ length: 100_000 }, (_, i) => String(i)) } },
      ];
      const kinds: Record<string, number> = {};
      let answered = 0;
      let notEnvelope = 0;
      let ok = 0;
      const sendOne = async (m: unknown) => {
        try {
          const reply = await chrome.runtime.sendMessage(m);
          answered++;
          if (!reply || typeof reply.ok !== 'boolean') notEnvelope++;
          else if (reply.ok) ok++;
          else kinds[reply.error.code] = (kinds[reply.error.code] ?? 0) + 1;
        } catch (e) {
          kinds[`sender error: ${String((e as Error).message).slice(0, 60)}`] = (kinds[`sender error: ${String((e as Error).message).slice(0, 60)}`] ?? 0) + 1;
        }
      };
      const started = performance.now();
      for (const m of specials) await sendOne(m);
      const total = 4000;
      for (let i = 0; i < total; i += 25) await Promise.all(Array.from({ length: 25 }, () => sendOne(message())));
      return { sent: total + specials.length, answered, notEnvelope, ok, kinds, ms: Math.round(performance.now() - started) };
    });
    console.log(`[measure] fuzz: ${JSON.stringify(report)}`);
    expect(report.answered).toBe(report.sent);
    expect(report.notEnvelope).toBe(0);
    // Refusals only: shape/type/payload errors (a handler's own "not found" would be internal).
    expect(Object.keys(report.kinds).filter((k) => !['bad-request', 'unknown-type', 'forbidden', 'internal'].includes(k))).toEqual([]);

    // Alive (the same worker, not a restarted one), unpolluted, and still correct.
    expect(await worker.evaluate(() => (globalThis as any).fuzzMarker)).toBe('still the same worker');
    expect(await worker.evaluate(() => [({} as any).polluted, Object.getOwnPropertyNames(Object.prototype).includes('polluted')])).toEqual([undefined, false]);
    expect(await send(options, 'ping')).toEqual(pingBefore);
    expect(((await send(options, 'lookupPaper', { ref: { arxivId: '2106.09608v2' } })) as any).ok).toBe(true);
    expect(await snapshotDb(options)).toEqual(before);
  }, 120_000);
});
