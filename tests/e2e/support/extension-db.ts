// Helpers for tests that look inside the extension: send protocol messages from an extension
// page, read/write the extension's IndexedDB directly (raw IndexedDB, no Dexie: what is really
// on disk), and stop/restart the Chromium service worker through the DevTools protocol.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

declare const chrome: typeof import('wxt/browser').browser;

export async function openExtensionPage(browser: ExtensionBrowser, path = 'options.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** chrome.runtime.sendMessage from an extension page: the raw envelope the background answers. */
export function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

export type Envelope = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };
export function send(page: Page, type: string, data: unknown = {}): Promise<Envelope> {
  return sendRaw(page, { type, data }) as Promise<Envelope>;
}

export interface DbSnapshot {
  version: number;
  summaries: number;
  concepts: number;
  packs: { id: string; corpusVersion: string; summaries: number; concepts: number }[];
  /** Rows of each pack's live generation actually present in the summaries store (what readers see). */
  rowsPerPack: Record<string, number>;
  conceptRowsPerPack: Record<string, number>;
  /** Summary and concept rows of no live generation: staged by an unfinished import, or not swept yet. */
  hiddenRows: number;
  notes: unknown[];
  revisions: number;
}

/** An extension page of either driver (Playwright for Chromium, puppeteer for Firefox). */
interface EvaluatesInPage {
  evaluate<R>(fn: () => Promise<R>): Promise<R>;
}

/**
 * Reads the extension's database straight from IndexedDB in an extension page (Chromium or
 * Firefox). Read-only; Chromium may abort a read while its store recovers from a full disk, so an
 * aborted read is tried again (a few times, then the error stands).
 */
export async function snapshotDb(page: EvaluatesInPage): Promise<DbSnapshot> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readSnapshot(page);
    } catch (error) {
      if (attempt >= 4 || !/AbortError/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

function readSnapshot(page: EvaluatesInPage): Promise<DbSnapshot> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('summary-lens');
      // Not created yet: never create an empty database the extension would then have to upgrade.
      r.onupgradeneeded = () => r.transaction?.abort();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      const req = <T,>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const tx = db.transaction(['summaryRows', 'conceptRows', 'packs', 'notes', 'revisions'], 'readonly');
      const packs = (await req(tx.objectStore('packs').getAll())) as (DbSnapshot['packs'][number] & { gen: string })[];
      const packOfGen = new Map(packs.map((p) => [p.gen, p.id]));
      let hiddenRows = 0;
      const perPack = async (store: string) => {
        const out: Record<string, number> = {};
        await new Promise<void>((resolve, reject) => {
          const cursor = tx.objectStore(store).index('gen').openKeyCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return resolve();
            const packId = packOfGen.get(String(c.key));
            if (packId === undefined) hiddenRows++;
            else out[packId] = (out[packId] ?? 0) + 1;
            c.continue();
          };
          cursor.onerror = () => reject(cursor.error);
        });
        return out;
      };
      const rowsPerPack = await perPack('summaryRows');
      const conceptRowsPerPack = await perPack('conceptRows');
      const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        version: db.version,
        summaries: sum(rowsPerPack),
        concepts: sum(conceptRowsPerPack),
        packs: packs.map(({ id, corpusVersion, summaries, concepts }) => ({ id, corpusVersion, summaries, concepts })),
        rowsPerPack,
        conceptRowsPerPack,
        hiddenRows,
        notes: await req(tx.objectStore('notes').getAll()),
        revisions: await req(tx.objectStore('revisions').count()),
      };
    } finally {
      db.close();
    }
  });
}

/** Puts/deletes rows straight into the extension's IndexedDB (as a stale or older release left them). */
type DbOp = { store: string; put?: unknown[]; delete?: (string | number)[] };
export function writeDb(page: Page, ops: DbOp[]): Promise<void> {
  // Rows travel as JSON (plain data); typing them loosely keeps Playwright's argument types shallow.
  return page.evaluate(async (ops: DbOp[]) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('summary-lens');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      const tx = db.transaction(
        ops.map((o) => o.store),
        'readwrite',
      );
      for (const op of ops) {
        for (const row of op.put ?? []) tx.objectStore(op.store).put(row);
        for (const key of op.delete ?? []) tx.objectStore(op.store).delete(key);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, ops as never);
}

/** Every pack row has exactly its rows in its live generation (rows of other generations are hidden from readers). */
export function assertConsistent(s: DbSnapshot): string[] {
  const problems: string[] = [];
  for (const p of s.packs) {
    if ((s.rowsPerPack[p.id] ?? 0) !== p.summaries) problems.push(`pack ${p.id} says ${p.summaries} summaries, store has ${s.rowsPerPack[p.id] ?? 0}`);
    if ((s.conceptRowsPerPack[p.id] ?? 0) !== p.concepts) problems.push(`pack ${p.id} says ${p.concepts} concepts, store has ${s.conceptRowsPerPack[p.id] ?? 0}`);
  }
  return problems;
}

/** Stops the extension's service worker like Chromium does when it idles out or crashes. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

/** Values the background keeps in extension storage (progress, last install timings). */
export function extensionStorage(page: Page, key: string): Promise<any> {
  return page.evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key);
}

/** Polls until the background answers ping with a ready database (usable in hooks, unlike expect.poll). */
export async function waitForReady(page: Page, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown = null;
  while (Date.now() < deadline) {
    last = await send(page, 'ping').catch((e: Error) => e.message);
    if ((last as any)?.data?.db?.ready) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`The background was not ready within ${timeout} ms; last answer: ${JSON.stringify(last).slice(0, 300)}`);
}
