// Faults in real Chromium: the options page closed in the middle of a pack import (while it
// writes the new generation's rows in chunks, before the switch), the background service worker
// stopped during an import, in the middle of the shipped corpus's seeding and of note saves;
// storage quota exceeded during an import; a
// database written by a newer release. After each: a consistent database, nothing lost, a clear
// message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium, serveFixtures, waitForShadowText, type ExtensionBrowser } from './support/chromium';
import { assertConsistent, extensionStorage, openExtensionPage, send, snapshotDb, stopServiceWorker, waitForReady, writeDb } from './support/extension-db';
import { makePack, syntheticArxivId } from '../fixtures/packs/make-packs';

declare const chrome: typeof import('wxt/browser').browser;

/** The corpus inside the build under test (what the worker seeds). */
const built = JSON.parse(readFileSync(join(EXTENSION_DIR, 'corpus/pack.json'), 'utf8')) as { corpusVersion: string; summaries: Record<string, unknown>[]; concepts: unknown[] };

const importMessage = (page: Page) => page.locator('[data-testid=pack-import-status],[data-testid=pack-import-error]');


describe('faults (Chromium)', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  const tmp = mkdtempSync(join(tmpdir(), 'sl-faults-'));
  // Large enough that writing its rows lasts seconds even on an idle machine: the worker must be
  // stopped while they are written.
  const midPackFile = join(tmp, 'pack-10k-midway.json');
  const bigPackFile = join(tmp, 'pack-10k.json');
  const NOTE_KEY = 'arxiv:1706.03762';

  beforeAll(async () => {
    writeFileSync(midPackFile, JSON.stringify(makePack({ id: 'stopped-midway', name: 'Stopped midway', summaries: 10_000 })));
    writeFileSync(bigPackFile, JSON.stringify(makePack({ id: 'synthetic-10k', name: 'Synthetic 10k', summaries: 10_000 })));
    browser = await launchChromium();
    page = await openExtensionPage(browser);
    await waitForReady(page);
    const saved = await send(page, 'saveNote', { paperKey: NOTE_KEY, text: 'Written before any fault.', title: 'Attention Is All You Need', baseRev: 0 });
    expect(saved.ok).toBe(true);
  });
  afterAll(() => browser?.close());

  it('an options page closed in the middle of an import leaves the old state; the worker stopped during an import does not stop it; leftovers are swept', async () => {
    await page.getByTestId('packs-table').waitFor();
    // The import runs in the page that chose the file: closing that page stops it midway.
    const importer = await openExtensionPage(browser);
    await importer.getByTestId('packs-table').waitFor();
    await importer.getByTestId('pack-file').setInputFiles(midPackFile);
    await importer.getByText(/^Writing summaries: [1-9][0-9,]* \/ 10,000/).waitFor({ timeout: 60_000 });
    // Another tab sees it running (the progress is in extension storage) and may not start a second one.
    await page.getByText(/Importing “Stopped midway”: [0-9,]+ \/ 10,000 summaries/).waitFor({ timeout: 10_000 });
    await page.getByTestId('pack-file').setInputFiles(bigPackFile);
    await expect.poll(() => importMessage(page).innerText(), { timeout: 20_000 }).toMatch(/^Could not import pack-10k\.json: Another import or corpus update is running/);
    await importer.close();

    const db = await snapshotDb(page);
    expect(assertConsistent(db)).toEqual([]);
    expect(db.packs.map((p) => p.id)).toEqual(['builtin']);
    expect(db.rowsPerPack).toEqual({ builtin: 172 });
    expect(db.notes).toEqual([expect.objectContaining({ paperKey: NOTE_KEY, text: 'Written before any fault.' })]);
    expect(db.hiddenRows, 'the closed page left rows of its unfinished generation').toBeGreaterThan(0);
    const staged = (await send(page, 'lookupPaper', { ref: { arxivId: syntheticArxivId(3) } })) as any;
    expect(staged.ok).toBe(true);
    expect(staged.data.summary).toBeNull();
    expect((await send(page, 'listPacks', {})).ok && ((await send(page, 'listPacks', {})) as any).data.packs.map((p: { id: string }) => p.id)).toEqual(['builtin']);

    // A 10,000-summary pack, to the end; the background worker is stopped while it is written,
    // which the page's import does not depend on.
    await page.getByTestId('pack-file').setInputFiles(bigPackFile);
    await page.getByText(/^Writing summaries: [1-9][0-9,]* \/ 10,000/).waitFor({ timeout: 60_000 });
    await expect.poll(async () => Number(await page.getByTestId('pack-import-progress').getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0.1);
    await stopServiceWorker(page);
    await expect.poll(() => importMessage(page).innerText(), { timeout: 90_000 }).toMatch(/^Imported “Synthetic 10k”: 10,000 summaries/);
    const measured = await extensionStorage(page, 'corpusLastInstall');
    console.log(
      `[measure] 10,000-summary pack (${(statSync(bigPackFile).size / 1024 / 1024).toFixed(0)} MB): rows + index + switch ${measured.installMs.toFixed(0)} ms, ` +
        `total ${measured.totalMs.toFixed(0)} ms; options page: ${await importMessage(page).innerText()}`,
    );
    expect(measured).toMatchObject({ packId: 'synthetic-10k', summaries: 10_000 });
    // Its time is a benchmark figure (npm run bench: import time), not a test bound.
    const after = await snapshotDb(page);
    expect(assertConsistent(after)).toEqual([]);
    expect(after.rowsPerPack).toEqual({ builtin: 172, 'synthetic-10k': 10_000 });
    expect(after.hiddenRows, 'the closed page’s rows are swept by the next import').toBe(0);
    expect(((await send(page, 'lookupPaper', { ref: { arxivId: syntheticArxivId(3) } })) as any).data.summary).toMatchObject({ id: 'synthetic-10k-s3' });
  }, 150_000);

  it('a worker stopped while seeding the shipped corpus over an older one: old or new, never a mix', async () => {
    // An older release's corpus, large enough that replacing it takes a while.
    const base = built.summaries[0];
    const restarts: string[] = [];
    for (let attempt = 0; attempt < 3 && !restarts.includes('rolled back'); attempt++) {
      const gen = `builtin@older-${attempt}`;
      const old = Array.from({ length: 4000 }, (_, i) => ({ ...base, html: '<p>old</p>', markdown: 'old', id: `old-${i}`, packId: 'builtin', gen, arxivId: null, openreviewId: null, titleKey: `old ${i}`, authorKey: null }));
      await writeDb(page, [
        { store: 'summaryRows', put: old },
        { store: 'packs', put: [{ id: 'builtin', name: 'old', corpusVersion: `older-${attempt}`, schemaVersion: 1, summaries: old.length, concepts: 0, installedAt: 1, builtin: true, gen }] },
      ]);
      await stopServiceWorker(page); // the next message starts a fresh worker, which re-seeds
      await page.evaluate(() => {
        (window as any).seedingStarted = new Promise<void>((resolve) =>
          chrome.storage.onChanged.addListener((changes) => (changes.corpusProgress?.newValue as { phase?: string } | undefined)?.phase === 'seeding' && resolve()),
        );
      });
      void send(page, 'ping').catch(() => {});
      await page.evaluate(() => (window as any).seedingStarted);
      await stopServiceWorker(page);
      // Read the disk before anything wakes the worker again.
      const db = await snapshotDb(page);
      expect(assertConsistent(db), `attempt ${attempt}`).toEqual([]);
      const builtin = db.packs.find((p) => p.id === 'builtin')!;
      restarts.push(builtin.corpusVersion.startsWith('older-') ? 'rolled back' : 'committed');
      expect(db.notes).toEqual([expect.objectContaining({ paperKey: NOTE_KEY })]);
    }
    console.log(`[measure] seeding interrupted: ${restarts.join(', ')}`);
    expect(restarts).toContain('rolled back');

    await waitForReady(page);
    const healed = await snapshotDb(page);
    expect(healed.packs.find((p) => p.id === 'builtin')).toMatchObject({ corpusVersion: built.corpusVersion, summaries: 172 });
    expect(healed.rowsPerPack.builtin).toBe(172);
    expect(assertConsistent(healed)).toEqual([]);
  }, 90_000);

  it('a worker stopped in the middle of a note save keeps the note and every acknowledged save', async () => {
    // Autosave as the editor does it: one save at a time, each waiting for its answer. The worker
    // is stopped while saves run; a stop that lands between two saves goes unnoticed (the next
    // message starts a new worker), so stop again until one lands under a save in flight.
    await page.evaluate((key) => {
      const w = window as any;
      w.acknowledged = 0;
      w.diedUnder = null;
      w.saving = (async () => {
        let baseRev = (await chrome.runtime.sendMessage({ type: 'getNote', data: { paperKey: key } })).data.note.textRev;
        for (let i = 1; i <= 20_000; i++) {
          const reply = await chrome.runtime.sendMessage({ type: 'saveNote', data: { paperKey: key, text: `Save number ${i}.`, title: null, baseRev } }).catch(() => null);
          if (!reply?.ok) return void (w.diedUnder = i);
          baseRev = reply.data.note.textRev;
          w.acknowledged = i;
        }
      })();
    }, NOTE_KEY);
    const state = () => page.evaluate(() => ({ acknowledged: (window as any).acknowledged as number, diedUnder: (window as any).diedUnder as number | null }));
    let stops = 0;
    for (; stops < 20 && (await state()).diedUnder === null; stops++) {
      const before = (await state()).acknowledged;
      await expect.poll(async () => (await state()).acknowledged, { timeout: 20_000 }).toBeGreaterThan(before + 2);
      await stopServiceWorker(page);
      await page.waitForTimeout(50);
    }
    const { acknowledged, diedUnder } = await state();
    expect(diedUnder, 'a stop landed under a save in flight').toBe(acknowledged + 1);
    await waitForReady(page);

    const note = ((await send(page, 'getNote', { paperKey: NOTE_KEY })) as any).data.note;
    console.log(`[measure] note saves: stopped the worker ${stops}×; it died under save ${diedUnder}; stored "${note.text}"`);
    // Whole, not torn: either the last acknowledged save or the one that was in flight.
    expect([`Save number ${acknowledged}.`, `Save number ${acknowledged + 1}.`]).toContain(note.text);
    const db = await snapshotDb(page);
    expect(db.notes).toHaveLength(1);
    expect(assertConsistent(db)).toEqual([]);
  });

  it('a database written by a newer release gives a clear message in the options page and the panel, and is left as it was', async () => {
    // A future release upgrades the database (new version, a store we do not know).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('summary-lens', 1000);
          req.onupgradeneeded = () => req.result.createObjectStore('from-the-future', { keyPath: 'id' });
          req.onsuccess = () => (req.result.close(), resolve());
          req.onerror = () => reject(req.error);
        }),
    );
    // Like a browser restart on that profile with the older extension.
    await browser.close();
    browser = await launchChromium({ userDataDir: browser.userDataDir });
    page = await openExtensionPage(browser);
    await page.getByText(/written by a newer version of Summary Lens\. Update the extension/).first().waitFor({ timeout: 20_000 });

    serveFixtures({ 'arxiv.org/abs/2106.09608': 'pages/arxiv-abs-2106.09608v2-2021.html' });
    const paper = await browser.context.newPage();
    await paper.goto('https://arxiv.org/abs/2106.09608');
    await waitForShadowText(paper, (t) => /newer version of Summary Lens/.test(t), 20_000);

    const db = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
          const req = indexedDB.open('summary-lens');
          req.onsuccess = () => {
            const out = { version: req.result.version, stores: [...req.result.objectStoreNames] };
            req.result.close();
            resolve(out);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(db.version).toBe(1000);
    expect(db.stores).toContain('from-the-future');
  }, 90_000);
});

// A real full disk: Chromium computes an origin's quota from the free space of the profile's
// disk, so a profile on a 40 MB tmpfs makes IndexedDB fail with QuotaExceededError. (CDP's
// Storage.overrideQuotaForOrigin reports an override here but IndexedDB does not enforce it.)
// Mounting needs root, as in the CI container; elsewhere the unit test covers the mapping.
const tinyDisk = mkdtempSync(join(tmpdir(), 'sl-tiny-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', tinyDisk], { stdio: 'ignore' });
  mounted = true;
} catch {
  console.warn('[faults] cannot mount a tmpfs (not root): skipping the real quota test');
}

describe.skipIf(!mounted)('storage quota (Chromium on a 40 MB disk)', () => {
  afterAll(() => {
    if (mounted) execFileSync('umount', [tinyDisk]);
  });

  it('quota exceeded during an import: a clear message, nothing lost', async () => {
    const browser = await launchChromium({ userDataDir: join(tinyDisk, 'profile') });
    try {
      const page = await openExtensionPage(browser);
      await waitForReady(page);
      expect((await send(page, 'saveNote', { paperKey: 'arxiv:1706.03762', text: 'Kept on a full disk.', title: null, baseRev: 0 })).ok).toBe(true);
      const before = await snapshotDb(page);
      const pack = makePack({ id: 'too-big-for-disk', name: 'Too big for the disk', summaries: 3000 });
      await page.getByTestId('pack-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
      await expect
        .poll(() => importMessage(page).innerText(), { timeout: 60_000 })
        .toMatch(/^Could not import big\.json: The browser has no storage space left for Summary Lens\. Free some disk space; nothing was lost\./);
      // What readers see is unchanged. Rows written before the disk filled are removed when the
      // disk allows it, else they stay hidden until the next import or worker start sweeps them.
      const after = await snapshotDb(page);
      console.log(`[measure] full disk: ${after.hiddenRows} hidden rows left after the failed import`);
      expect({ ...after, hiddenRows: before.hiddenRows }).toEqual(before);
      expect(assertConsistent(after)).toEqual([]);
      expect(after.notes).toEqual([expect.objectContaining({ text: 'Kept on a full disk.' })]);
      // The extension keeps working: the shipped corpus still answers.
      const arxivId = built.summaries.map((x) => (x.paper as { arxivId: string | null }).arxivId).find(Boolean)!;
      const reply = (await send(page, 'lookupPaper', { ref: { arxivId } })) as any;
      expect(reply.error).toBeUndefined();
      expect(reply.data.summary).toMatchObject({ paper: { arxivId } });
    } finally {
      await browser.close();
    }
  }, 90_000);
});
