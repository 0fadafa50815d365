// Writes a corpus pack into Dexie under a new generation: rows go in short chunked transactions
// beside the pack's live rows (readers skip them, utils/corpus/live.ts), then one short
// transaction rewrites the pack row to name the new generation. Stopping anywhere before that
// switch leaves the previous state exactly; the rows it left are swept later. Notes and revisions
// are never touched; re-installing the same corpus version is a no-op.
import { normaliseAuthor, normaliseTitle } from '../paper-ref';
import type { ConceptRow, PackRow, SummaryLensDB, SummaryRow } from '../db';
import type { Pack } from './pack';
import { PackError } from './validate';
import { getConceptRows, getSummaryRows } from './live';
import { whenNoInstall, withFreeInstallLock, withInstallLock } from './install-lock';
import { isQuotaError } from '../db-errors';
import { writeInTimedChunks, type TimedChunks } from '../timed-chunks';

export type InstallResult = { status: 'installed' | 'unchanged'; summaries: number; concepts: number; ms: number };

export function toSummaryRow(packId: string, s: Pack['summaries'][number], gen = ''): SummaryRow {
  return {
    ...s,
    packId,
    gen,
    arxivId: s.paper.arxivId,
    openreviewId: s.paper.openreviewId,
    titleKey: s.paper.title ? normaliseTitle(s.paper.title) : null,
    authorKey: s.paper.authors[0] ? normaliseAuthor(s.paper.authors[0]) : null,
  };
}

/**
 * Sizes of the row write transactions: a lookup from another tab waits at most about one of them
 * (a few tens of milliseconds) behind the import, on a fast machine or a busy one.
 */
export const INSTALL_CHUNKS: TimedChunks = { targetMs: 40, first: 50, min: 10, max: 1000 };
/** Rows per delete transaction (sweeps and removals). */
export const DELETE_CHUNK = 250;

export interface InstallOptions {
  builtin: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Imported packs: refuse ids another pack already owns (a put would silently take them over). */
  rejectForeignIds?: boolean;
  /** Runs after every row is written and before the switch (e.g. writing the pack's search index). */
  beforeSwitch?: () => Promise<void>;
  /**
   * Wait for another context's install to finish (seeding the shipped corpus) instead of being
   * refused with PackError('busy') (an import the user can retry).
   */
  waitForLock?: boolean;
}

function unchanged(existing: PackRow | undefined, pack: Pack, started: number): InstallResult | null {
  if (!existing || existing.corpusVersion !== pack.corpusVersion || existing.schemaVersion !== pack.schemaVersion) return null;
  return { status: 'unchanged', summaries: existing.summaries, concepts: existing.concepts, ms: performance.now() - started };
}

/**
 * Installs a pack under the install lock (utils/corpus/install-lock.ts): one install at a time in
 * the whole extension, and no sweep while one writes, so no context deletes rows another is
 * still writing.
 */
export async function installPack(db: SummaryLensDB, pack: Pack, opts: InstallOptions): Promise<InstallResult> {
  const started = performance.now();
  const same = unchanged(await db.packs.get(pack.id), pack, started);
  if (same) return same;
  return (opts.waitForLock ? withInstallLock : withFreeInstallLock)(() => writeGeneration(db, pack, opts, started));
}

async function writeGeneration(db: SummaryLensDB, pack: Pack, opts: InstallOptions, started: number): Promise<InstallResult> {
  const existing = await db.packs.get(pack.id); // again, under the lock
  const same = unchanged(existing, pack, started);
  if (same) return same;
  const gen = `${pack.id}@${pack.corpusVersion}#${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await sweep(db);
  if (opts.rejectForeignIds) await assertNoForeignIds(db, pack);
  const rows = pack.summaries.map((s) => toSummaryRow(pack.id, s, gen));
  const concepts: ConceptRow[] = pack.concepts.map((c) => ({ ...c, packId: pack.id, gen }));
  opts.onProgress?.(0, rows.length);
  try {
    // bulkAdd: every key is new (a fresh generation), so nothing is read back or replaced.
    await writeInTimedChunks(rows, (slice) => db.transaction('rw', db.summaryRows, () => db.summaryRows.bulkAdd(slice)), INSTALL_CHUNKS, (done) => opts.onProgress?.(done, rows.length));
    await writeInTimedChunks(concepts, (slice) => db.transaction('rw', db.conceptRows, () => db.conceptRows.bulkAdd(slice)), INSTALL_CHUNKS);
    await opts.beforeSwitch?.();
    await db.transaction('rw', db.packs, async () => {
      const now = await db.packs.get(pack.id);
      if (now?.gen !== existing?.gen) throw new PackError('busy', 'The pack changed while it was being imported; import the file again.');
      await db.packs.put({
        id: pack.id,
        name: pack.name,
        corpusVersion: pack.corpusVersion,
        schemaVersion: pack.schemaVersion,
        summaries: rows.length,
        concepts: concepts.length,
        installedAt: Date.now(),
        builtin: opts.builtin,
        gen,
      });
    });
  } catch (error) {
    // Best effort, else swept next time. Not on a full disk: more writes there (deletes are writes)
    // made Chromium discard the origin's whole database; the hidden rows wait for the next sweep.
    if (!isQuotaError(error)) await deleteGeneration(db, gen).catch(() => {});
    throw error;
  }
  // The replaced generation is invisible now; deleting it can fail without losing anything.
  if (existing) await deleteGeneration(db, existing.gen).catch(() => {});
  return { status: 'installed', summaries: rows.length, concepts: concepts.length, ms: performance.now() - started };
}

async function assertNoForeignIds(db: SummaryLensDB, pack: Pack): Promise<void> {
  const takenSummary = (await getSummaryRows(db, pack.summaries.map((s) => s.id))).find((row) => row.packId !== pack.id);
  if (takenSummary)
    throw new PackError('collision', `The summary id "${takenSummary.id}" already belongs to the pack "${takenSummary.packId}"; ids must be unique across packs. Nothing was imported.`);
  const takenConcept = (await getConceptRows(db, pack.concepts.map((c) => c.id))).find((row) => row.packId !== pack.id);
  if (takenConcept)
    throw new PackError('collision', `The concept id "${takenConcept.id}" already belongs to the pack "${takenConcept.packId}"; ids must be unique across packs. Nothing was imported.`);
}

/** Deletes one generation's rows in short transactions (readers never see them: no pack names it). */
async function deleteGeneration(db: SummaryLensDB, gen: string): Promise<void> {
  for (const table of [db.summaryRows, db.conceptRows] as const) {
    for (;;) {
      const keys = await table.where('gen').equals(gen).limit(DELETE_CHUNK).primaryKeys();
      if (keys.length === 0) break;
      await db.transaction('rw', table, () => table.bulkDelete(keys));
    }
  }
}

/**
 * Deletes rows no pack row names: left by an import that was stopped (closed page, stopped
 * worker, crash) or by a replaced or removed version. Skipped (null) while any context installs:
 * the rows it is writing are named by no pack row yet.
 */
export async function sweepStaleRows(db: SummaryLensDB): Promise<number | null> {
  let swept: number | null = null;
  await whenNoInstall(async () => {
    swept = await sweep(db);
  });
  return swept;
}

/** The sweep itself: only with the install lock held. */
async function sweep(db: SummaryLensDB): Promise<number> {
  const live = new Set((await db.packs.toArray()).map((p) => p.gen));
  const gens = new Set([...(await db.summaryRows.orderBy('gen').uniqueKeys()), ...(await db.conceptRows.orderBy('gen').uniqueKeys())] as string[]);
  const stale = [...gens].filter((g) => !live.has(g));
  for (const gen of stale) await deleteGeneration(db, gen);
  return stale.length;
}

export async function removePack(db: SummaryLensDB, packId: string): Promise<void> {
  const row = await db.packs.get(packId);
  if (!row) return;
  await db.packs.delete(packId); // the switch off: its rows are invisible from here on
  await deleteGeneration(db, row.gen).catch(() => {});
}
