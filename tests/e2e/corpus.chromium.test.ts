// The corpus in the real extension's IndexedDB (Chromium): seeded on install, re-seeded on an
// upgrade without touching notes, imported and removed from the options page, bad files refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium, type ExtensionBrowser } from './support/chromium';
import { assertConsistent, extensionStorage, openExtensionPage, send, snapshotDb, waitForReady, writeDb } from './support/extension-db';
import { badPackFiles, collidingPack, makePack, syntheticArxivId } from '../fixtures/packs/make-packs';

const shipped = JSON.parse(readFileSync(join(EXTENSION_DIR, 'corpus/pack.json'), 'utf8')) as { corpusVersion: string; summaries: unknown[]; concepts: unknown[] };


const importStatus = (page: Page) => page.locator('[data-testid=pack-import-status],[data-testid=pack-import-error]');

/** Picks a file in the options page's input and waits for this import's own final message. */
async function importFile(page: Page, name: string, text: string) {
  const previous = (await importStatus(page).count()) ? await importStatus(page).innerText() : '';
  await page.getByTestId('pack-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect
    .poll(async () => {
      const now = await importStatus(page).innerText();
      return now !== previous && /^(Imported|Could not|.*already installed)/.test(now);
    }, { timeout: 30_000 })
    .toBe(true);
  return importStatus(page).innerText();
}

describe('corpus in IndexedDB (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('seeds the shipped pack on install: counts from ping and straight from IndexedDB', async () => {
    const page = await openExtensionPage(browser);
    await waitForReady(page);
    const ping = (await send(page, 'ping')) as any;
    expect(ping.data.db).toMatchObject({ ready: true, summaries: 172, concepts: shipped.concepts.length, corpusVersion: shipped.corpusVersion, error: null });

    const db = await snapshotDb(page);
    expect(db).toMatchObject({ summaries: 172, concepts: shipped.concepts.length, notes: [], revisions: 0 });
    expect(db.packs).toEqual([{ id: 'builtin', corpusVersion: shipped.corpusVersion, summaries: 172, concepts: shipped.concepts.length }]);
    expect(assertConsistent(db)).toEqual([]);
    await expect.poll(() => page.getByTestId('db-status').textContent()).toMatch(/172 summaries/);

    const seeded = await extensionStorage(page, 'corpusLastInstall');
    expect(seeded).toMatchObject({ packId: 'builtin', status: 'installed', summaries: 172 });
    console.log(`[measure] first-install seeding of the shipped pack: ${seeded.installMs.toFixed(0)} ms in the transaction, ${seeded.totalMs.toFixed(0)} ms with fetch + parse + validation`);
    expect(seeded.totalMs).toBeLessThan(1000);
    await page.close();
  });

  it('re-seeds a changed corpus version on upgrade and keeps the note written before it', async () => {
    let page = await openExtensionPage(browser);
    const note = { paperKey: 'arxiv:2106.09608', text: 'Written before the upgrade.', tags: ['keep'], status: 'to-read', title: 'A paper', createdAt: 1, updatedAt: 2, rev: 1 };
    const gen = 'builtin@older-release';
    const stale = { ...(shipped.summaries[0] as object), id: 'stale-from-older-release', packId: 'builtin', gen, arxivId: '0704.0001', openreviewId: null, titleKey: 'stale', authorKey: null };
    // What an older release leaves behind: another corpus version and a row the new corpus dropped
    // (the shipped rows already there become rows of no live generation, as after a stopped import).
    await writeDb(page, [
      { store: 'notes', put: [note] },
      { store: 'revisions', put: [{ paperKey: note.paperKey, text: 'an older draft', tags: [], savedAt: 1, reason: 'edit' }] },
      { store: 'packs', put: [{ id: 'builtin', name: 'old', corpusVersion: 'older-release', schemaVersion: 1, summaries: 173, concepts: shipped.concepts.length, installedAt: 1, builtin: true, gen }] },
      { store: 'summaryRows', put: [stale] },
    ]);
    expect(await snapshotDb(page)).toMatchObject({ summaries: 1, hiddenRows: 172 + shipped.concepts.length });

    // Restart the browser on the same profile: the new worker finds another corpus version
    // installed (as after an update) and seeds the shipped one. (chrome.runtime.reload() leaves a
    // command-line-loaded extension disabled in this Chromium, so a restart it is.)
    await browser.close();
    browser = await launchChromium({ userDataDir: browser.userDataDir });
    page = await openExtensionPage(browser);
    await waitForReady(page);

    const db = await snapshotDb(page);
    expect(db.packs).toEqual([{ id: 'builtin', corpusVersion: shipped.corpusVersion, summaries: 172, concepts: shipped.concepts.length }]);
    expect(db.summaries).toBe(172);
    expect(db.hiddenRows, 'the replaced and the leftover rows are deleted').toBe(0);
    expect(assertConsistent(db)).toEqual([]);
    expect(db.notes).toEqual([note]);
    expect(db.revisions).toBe(1);
    expect(((await send(page, 'lookupPaper', { ref: { arxivId: '0704.0001' } })) as any).data.summary).toBeNull();
    await page.close();
  });

  it('imports a pack from the options page, finds its papers, and removes it again', async () => {
    const page = await openExtensionPage(browser);
    await page.getByTestId('packs-table').waitFor();
    const pack = makePack({ id: 'my-lab', name: 'My lab’s summaries', summaries: 60, concepts: 4 });
    expect(await importFile(page, 'my-lab.json', JSON.stringify(pack))).toMatch(/Imported “My lab’s summaries”: 60 summaries, 4 concepts/);
    const row = page.locator('[data-pack-id="my-lab"]');
    await expect.poll(() => row.innerText()).toMatch(/My lab’s summaries.*\s60\s+4/s);

    const found = (await send(page, 'lookupPaper', { ref: { arxivId: `${syntheticArxivId(42)}v2` } })) as any;
    expect(found.data.summary).toMatchObject({ id: 'my-lab-s42', paper: { arxivId: syntheticArxivId(42) } });
    const db = await snapshotDb(page);
    expect(db.rowsPerPack).toMatchObject({ builtin: 172, 'my-lab': 60 });
    expect(assertConsistent(db)).toEqual([]);

    expect(await importFile(page, 'my-lab.json', JSON.stringify(pack))).toMatch(/already installed/);

    await row.getByRole('button', { name: /Remove pack/ }).click();
    await expect.poll(() => importStatus(page).innerText()).toMatch(/Removed “My lab’s summaries”/);
    await expect.poll(() => row.count()).toBe(0);
    expect(((await send(page, 'lookupPaper', { ref: { arxivId: syntheticArxivId(42) } })) as any).data.summary).toBeNull();
    expect((await snapshotDb(page)).rowsPerPack).toEqual({ builtin: 172 });
    await page.close();
  });

  it('refuses bad pack files with a clear message each and writes nothing', async () => {
    const page = await openExtensionPage(browser);
    await page.getByTestId('packs-table').waitFor();
    const before = await snapshotDb(page);
    const cases = [...badPackFiles().map((b) => ({ name: b.name, text: b.text, says: b.says })), { name: 'collides.json', text: JSON.stringify(collidingPack()), says: /already belongs to the pack "builtin"/ }];
    for (const bad of cases) {
      const text = await importFile(page, bad.name, bad.text);
      expect(text, bad.name).toMatch(new RegExp(`^Could not import ${bad.name.replace('.', '\\.')}: `));
      expect(text, bad.name).toMatch(bad.says);
      expect(await page.getByTestId('pack-import-error').getAttribute('role')).toBe('alert');
    }
    // Too large: refused from its size alone (a sparse file: nothing is read).
    const huge = join(mkdtempSync(join(tmpdir(), 'sl-huge-')), 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024 + 1);
    await page.getByTestId('pack-file').setInputFiles(huge);
    await expect.poll(() => importStatus(page).innerText()).toMatch(/^Could not import huge\.json: The file is 200\.0 MB; packs larger than 200\.0 MB are not accepted\./);

    const after = await snapshotDb(page);
    expect(after).toEqual(before);
    await expect.poll(() => page.getByTestId('packs-table').locator('tbody tr').count()).toBe(1);
    await page.close();
  });
});
