// Reading corpus rows: only the live generation of each pack (the one its pack row names) is
// visible. Rows of a generation being imported, or left by an interrupted import or a replaced
// version, sit in the same stores and are skipped here; utils/corpus/install.ts sweeps them.
// Every reader of summaries and concepts goes through these functions.
import type { ConceptRow, SummaryLensDB, SummaryRow } from '../db';

type SummaryIndex = 'arxivId' | 'openreviewId' | 'titleKey';

/** The live generations, read from the small packs table. */
export async function liveGenerations(db: SummaryLensDB): Promise<Set<string>> {
  return new Set((await db.packs.toArray()).map((p) => p.gen));
}

/** The stores a live read touches: include them in a transaction that reads corpus rows. */
export const corpusTables = (db: SummaryLensDB) => [db.packs, db.summaryRows, db.conceptRows];

// The packs table and the rows are read in one read-only transaction, so a switch or a sweep
// between the two reads cannot hide a pack's old and new rows at once.
function reading<T>(db: SummaryLensDB, read: (live: Set<string>) => Promise<T>): Promise<T> {
  return db.transaction('r', corpusTables(db), async () => read(await liveGenerations(db)));
}

export function getSummaryRow(db: SummaryLensDB, id: string): Promise<SummaryRow | undefined> {
  return reading(db, (live) => db.summaryRows.where('id').equals(id).filter((r) => live.has(r.gen)).first());
}

export function getSummaryRows(db: SummaryLensDB, ids: readonly string[]): Promise<SummaryRow[]> {
  return reading(db, (live) => db.summaryRows.where('id').anyOf(ids).filter((r) => live.has(r.gen)).toArray());
}

export function summariesWhere(db: SummaryLensDB, index: SummaryIndex, values: readonly string[], limit = Infinity): Promise<SummaryRow[]> {
  return reading(db, (live) => {
    const where = db.summaryRows.where(index);
    return (values.length === 1 ? where.equals(values[0]) : where.anyOf(values)).filter((r) => live.has(r.gen)).limit(limit).toArray();
  });
}

export function summariesByTitleAndAuthor(db: SummaryLensDB, pairs: readonly (readonly [string, string])[], limit = Infinity): Promise<SummaryRow[]> {
  return reading(db, (live) =>
    (pairs.length === 1 ? db.summaryRows.where('[titleKey+authorKey]').equals(pairs[0] as [string, string]) : db.summaryRows.where('[titleKey+authorKey]').anyOf(pairs as [string, string][]))
      .filter((r) => live.has(r.gen))
      .limit(limit)
      .toArray(),
  );
}

export function getConceptRow(db: SummaryLensDB, id: string): Promise<ConceptRow | undefined> {
  return reading(db, (live) => db.conceptRows.where('id').equals(id).filter((r) => live.has(r.gen)).first());
}

export function getConceptRows(db: SummaryLensDB, ids: readonly string[]): Promise<ConceptRow[]> {
  return reading(db, (live) => db.conceptRows.where('id').anyOf(ids).filter((r) => live.has(r.gen)).toArray());
}

/** A pack's live rows (its search index is built from them). */
export async function livePackRows(db: SummaryLensDB, packId: string): Promise<{ summaries: SummaryRow[]; concepts: ConceptRow[] } | null> {
  return db.transaction('r', corpusTables(db), async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return null;
    const [summaries, concepts] = await Promise.all([db.summaryRows.where('gen').equals(pack.gen).toArray(), db.conceptRows.where('gen').equals(pack.gen).toArray()]);
    return { summaries, concepts };
  });
}

/** Live row counts: the pack rows record them at the switch. */
export async function liveCounts(db: SummaryLensDB): Promise<{ summaries: number; concepts: number }> {
  const packs = await db.packs.toArray();
  return { summaries: packs.reduce((n, p) => n + p.summaries, 0), concepts: packs.reduce((n, p) => n + p.concepts, 0) };
}
