// Writes a corpus pack into Dexie: one transaction that replaces only that pack's corpus rows.
// Notes and revisions are never touched; re-installing the same corpus version is a no-op.
import { normaliseAuthor, normaliseTitle } from '../paper-ref';
import type { SummaryLensDB, SummaryRow } from '../db';
import type { Pack } from './pack';
import { PackError } from './validate';

export type InstallResult = { status: 'installed' | 'unchanged'; summaries: number; concepts: number; ms: number };

export function toSummaryRow(packId: string, s: Pack['summaries'][number]): SummaryRow {
  return {
    ...s,
    packId,
    arxivId: s.paper.arxivId,
    openreviewId: s.paper.openreviewId,
    titleKey: s.paper.title ? normaliseTitle(s.paper.title) : null,
    authorKey: s.paper.authors[0] ? normaliseAuthor(s.paper.authors[0]) : null,
  };
}

export async function installPack(
  db: SummaryLensDB,
  pack: Pack,
  opts: {
    builtin: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Imported packs: refuse ids another pack already owns (a put would silently take them over). */
    rejectForeignIds?: boolean;
  },
): Promise<InstallResult> {
  const started = performance.now();
  const existing = await db.packs.get(pack.id);
  if (existing && existing.corpusVersion === pack.corpusVersion && existing.schemaVersion === pack.schemaVersion) {
    return { status: 'unchanged', summaries: existing.summaries, concepts: existing.concepts, ms: performance.now() - started };
  }
  const rows = pack.summaries.map((s) => toSummaryRow(pack.id, s));
  const concepts = pack.concepts.map((c) => ({ ...c, packId: pack.id }));
  // Small enough that a large pack reports progress often, large enough to keep bulkPut fast.
  const CHUNK = 1000;
  await db.transaction('rw', db.summaries, db.concepts, db.packs, async () => {
    if (opts.rejectForeignIds) await assertNoForeignIds(db, pack);
    opts.onProgress?.(0, rows.length);
    await db.summaries.where('packId').equals(pack.id).delete();
    await db.concepts.where('packId').equals(pack.id).delete();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db.summaries.bulkPut(rows.slice(i, i + CHUNK));
      opts.onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
    }
    await db.concepts.bulkPut(concepts);
    // The pack row is written last, inside the same transaction: if the worker dies before
    // commit, nothing is written and the next start seeds again.
    await db.packs.put({
      id: pack.id,
      name: pack.name,
      corpusVersion: pack.corpusVersion,
      schemaVersion: pack.schemaVersion,
      summaries: rows.length,
      concepts: concepts.length,
      installedAt: Date.now(),
      builtin: opts.builtin,
    });
  });
  return { status: 'installed', summaries: rows.length, concepts: concepts.length, ms: performance.now() - started };
}

async function assertNoForeignIds(db: SummaryLensDB, pack: Pack): Promise<void> {
  const takenSummary = await db.summaries
    .where('id')
    .anyOf(pack.summaries.map((s) => s.id))
    .filter((row) => row.packId !== pack.id)
    .first();
  if (takenSummary)
    throw new PackError('collision', `The summary id "${takenSummary.id}" already belongs to the pack "${takenSummary.packId}"; ids must be unique across packs. Nothing was imported.`);
  const takenConcept = await db.concepts
    .where('id')
    .anyOf(pack.concepts.map((c) => c.id))
    .filter((row) => row.packId !== pack.id)
    .first();
  if (takenConcept)
    throw new PackError('collision', `The concept id "${takenConcept.id}" already belongs to the pack "${takenConcept.packId}"; ids must be unique across packs. Nothing was imported.`);
}

export async function removePack(db: SummaryLensDB, packId: string): Promise<void> {
  await db.transaction('rw', db.summaries, db.concepts, db.packs, async () => {
    await db.summaries.where('packId').equals(packId).delete();
    await db.concepts.where('packId').equals(packId).delete();
    await db.packs.delete(packId);
  });
}
