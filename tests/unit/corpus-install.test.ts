// Seeding and upgrading corpus packs in IndexedDB (fake-indexeddb): rows staged under a new
// generation in short transactions and switched on at once, a no-op on the same version, corpus
// rows replaced on a new version, user data never touched; lookups are indexed queries.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { wrapTables } from './support/dexie-tables';
import { SummaryLensDB, type NoteRow, type RevisionRow } from '../../utils/db';
import { INSTALL_CHUNKS, installPack, removePack } from '../../utils/corpus/install';
import { getSummaryRow, livePackRows } from '../../utils/corpus/live';
import { arxivIdWithoutVersion, findSummary } from '../../utils/corpus/lookup';
import { PackSchema, type Pack } from '../../utils/corpus/pack';
import { PackError } from '../../utils/corpus/validate';
import { collidingPack, makePack, shippedPack } from '../fixtures/packs/make-packs';

let dbs: SummaryLensDB[] = [];
function freshDb(): SummaryLensDB {
  const db = new SummaryLensDB(`test-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

/** Records every read/write request that reaches IndexedDB, with the index it used. */
function spyOnRequests(db: Dexie) {
  const log: { table: string; op: string; index: string | null; range: number | null }[] = [];
  wrapTables(db, 'request-spy', (t, name) => ({
    ...t,
    query: (req) => (log.push({ table: name, op: 'query', index: req.query.index.name, range: req.query.range.type }), t.query(req)),
    openCursor: (req) => (log.push({ table: name, op: 'cursor', index: req.query.index.name, range: req.query.range.type }), t.openCursor(req)),
    count: (req) => (log.push({ table: name, op: 'count', index: req.query.index.name, range: req.query.range.type }), t.count(req)),
    mutate: (req) => (log.push({ table: name, op: `mutate:${req.type}`, index: null, range: null }), t.mutate(req)),
  }));
  return log;
}

const note = (paperKey: string, text: string): NoteRow => ({ paperKey, text, tags: ['t'], status: 'to-read', title: null, createdAt: 1, updatedAt: 2, rev: 3 });
const revision = (paperKey: string, text: string): RevisionRow => ({ paperKey, text, tags: [], savedAt: 5, reason: 'edit' });

async function userData(db: SummaryLensDB) {
  return { notes: await db.notes.toArray(), revisions: await db.revisions.toArray() };
}

const builtin = (): Pack => PackSchema.parse(shippedPack());

describe('installPack', () => {
  it('seeds the shipped pack: 172 summaries, every concept, one pack row', async () => {
    const db = freshDb();
    const pack = builtin();
    const result = await installPack(db, pack, { builtin: true });
    expect(result).toMatchObject({ status: 'installed', summaries: 172, concepts: pack.concepts.length });
    expect(await db.summaryRows.count()).toBe(172);
    expect(await db.conceptRows.count()).toBe(pack.concepts.length);
    expect(await db.packs.get('builtin')).toMatchObject({ corpusVersion: pack.corpusVersion, summaries: 172, builtin: true });
  });

  it('is a no-op for the same corpus version: not one write reaches IndexedDB', async () => {
    const db = freshDb();
    const log = spyOnRequests(db);
    await installPack(db, builtin(), { builtin: true });
    const installedAt = (await db.packs.get('builtin'))!.installedAt;
    expect(log.filter((r) => r.op === 'mutate:put').length, 'the spy sees the first install').toBeGreaterThan(0);
    log.length = 0;
    const again = await installPack(db, builtin(), { builtin: true });
    expect(again.status).toBe('unchanged');
    expect(log.filter((r) => r.op.startsWith('mutate'))).toEqual([]);
    expect((await db.packs.get('builtin'))!.installedAt).toBe(installedAt);
  });

  it('replaces only that pack’s corpus rows on a new version and never touches notes or revisions', async () => {
    const db = freshDb();
    const v1 = makePack({ id: 'builtin', summaries: 30, concepts: 5, corpusVersion: 'v1' });
    const other = makePack({ id: 'extra', summaries: 7, concepts: 2 });
    await installPack(db, v1, { builtin: true });
    await installPack(db, other, { builtin: false });
    await db.notes.bulkPut([note('arxiv:9999.00001', 'my thoughts'), note('title:some paper', 'keep me')]);
    await db.revisions.bulkAdd([revision('arxiv:9999.00001', 'older thoughts')]);
    const before = await userData(db);

    // v2 drops 10 summaries and changes the rest.
    const v2 = makePack({ id: 'builtin', summaries: 20, concepts: 3, corpusVersion: 'v2' });
    for (const s of v2.summaries) s.markdown = `updated ${s.markdown}`;
    expect((await installPack(db, v2, { builtin: true })).status).toBe('installed');

    const rows = (await livePackRows(db, 'builtin'))!;
    expect(rows.summaries).toHaveLength(20);
    expect(rows.summaries.every((r) => r.markdown.startsWith('updated '))).toBe(true);
    expect(await getSummaryRow(db, 'builtin-s25')).toBeUndefined();
    expect(rows.concepts).toHaveLength(3);
    expect((await livePackRows(db, 'extra'))!.summaries).toHaveLength(7);
    // The replaced generation is gone from the stores, not only hidden.
    expect(await db.summaryRows.count()).toBe(27);
    expect(await db.conceptRows.count()).toBe(5);
    expect(await db.packs.get('builtin')).toMatchObject({ corpusVersion: 'v2', summaries: 20, concepts: 3 });
    expect(await userData(db)).toEqual(before);
  });

  it('writes all or nothing: a failure mid-install leaves the previous version whole', async () => {
    const db = freshDb();
    const v1 = makePack({ id: 'big', summaries: 2500, concepts: 1, corpusVersion: 'v1' });
    await installPack(db, v1, { builtin: false });
    await db.notes.put(note('arxiv:1', 'n'));
    const v2 = makePack({ id: 'big', summaries: 2500, concepts: 1, corpusVersion: 'v2' });
    for (const s of v2.summaries) s.markdown = 'v2';
    const seen: number[] = [];
    await expect(
      installPack(db, v2, {
        builtin: false,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 2000) throw new Error('worker stopped'); // after most of the chunks were written
        },
      }),
    ).rejects.toThrow('worker stopped');
    expect(seen[0]).toBe(0);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(2000);
    expect(await db.packs.get('big')).toMatchObject({ corpusVersion: 'v1', summaries: 2500 });
    const rows = (await livePackRows(db, 'big'))!.summaries;
    expect(rows).toHaveLength(2500);
    expect(rows.some((r) => r.markdown === 'v2')).toBe(false);
    expect(await db.summaryRows.count(), 'the staged rows were cleaned up').toBe(2500);
    expect(await db.notes.count()).toBe(1);
  });

  it('reports progress for large packs in chunks', async () => {
    const db = freshDb();
    const progress: [number, number][] = [];
    await installPack(db, makePack({ id: 'p', summaries: 2345, concepts: 0 }), { builtin: false, onProgress: (d, t) => progress.push([d, t]) });
    expect(progress[0]).toEqual([0, 2345]);
    expect(progress.at(-1)).toEqual([2345, 2345]);
    expect(progress[1][0], 'the first write is small, before anything is measured').toBe(INSTALL_CHUNKS.first);
    expect(progress.length).toBeGreaterThan(2);
    // Growing, never past the cap.
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i][0]).toBeGreaterThan(progress[i - 1][0]);
      expect(progress[i][0] - progress[i - 1][0]).toBeLessThanOrEqual(INSTALL_CHUNKS.max);
    }
  });

  it('refuses an imported pack whose ids another pack owns, writing nothing', async () => {
    const db = freshDb();
    await installPack(db, builtin(), { builtin: true });
    const before = await db.summaryRows.toArray();
    const error = await installPack(db, collidingPack(), { builtin: false, rejectForeignIds: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).problem).toBe('collision');
    expect((error as PackError).message).toMatch(/already belongs to the pack "builtin"/);
    expect(await db.packs.get('collides')).toBeUndefined();
    expect(await db.summaryRows.toArray()).toEqual(before);

    const concepts = makePack({ id: 'cc', summaries: 1, concepts: 1 });
    concepts.concepts[0].id = builtin().concepts[0].id;
    concepts.summaries[0].concepts = [];
    await expect(installPack(db, concepts, { builtin: false, rejectForeignIds: true })).rejects.toThrow(/concept id .* already belongs to the pack "builtin"/);
  });

  it('removePack deletes one pack’s rows and row, nothing else', async () => {
    const db = freshDb();
    await installPack(db, makePack({ id: 'a', summaries: 5, concepts: 2 }), { builtin: false });
    await installPack(db, makePack({ id: 'b', summaries: 4, concepts: 1 }), { builtin: false });
    await db.notes.put(note('arxiv:9999.00001', 'stays'));
    await removePack(db, 'a');
    expect(await db.packs.toCollection().primaryKeys()).toEqual(['b']);
    expect(await db.summaryRows.count()).toBe(4);
    expect(await db.conceptRows.count()).toBe(1);
    expect(await db.notes.count()).toBe(1);
  });
});

describe('findSummary', () => {
  it('strips only a real version suffix', () => {
    expect(arxivIdWithoutVersion('2106.09608v2')).toBe('2106.09608');
    expect(arxivIdWithoutVersion('2106.09608')).toBe('2106.09608');
    expect(arxivIdWithoutVersion('solv-int/9901001v3')).toBe('solv-int/9901001');
    expect(arxivIdWithoutVersion('solv-int/9901001')).toBe('solv-int/9901001');
    expect(arxivIdWithoutVersion(' math.GT/0309136v1 ')).toBe('math.GT/0309136');
  });

  it('finds by arXiv id (any version), OpenReview id, title + first author, unique title — each through an index', async () => {
    const db = freshDb();
    const pack = makePack({ id: 'look', summaries: 12, concepts: 1 });
    pack.summaries[3].paper.arxivId = 'solv-int/9901001';
    pack.summaries[5].paper = { ...pack.summaries[5].paper, arxivId: null, openreviewId: 'r1_Ab-c_D', title: 'Deep Things: A Study', authors: ['Ada Lovelace', 'B. Babbage'] };
    pack.summaries[6].paper = { ...pack.summaries[6].paper, arxivId: null, openreviewId: null, title: 'Shared Title', authors: ['Carol One'] };
    pack.summaries[7].paper = { ...pack.summaries[7].paper, arxivId: null, openreviewId: null, title: 'Shared  title!', authors: ['Dan Two'] };
    await installPack(db, pack, { builtin: false });
    const log = spyOnRequests(db);
    // Dexie applies middleware on open: reopen so the spy sits in the stack.
    db.close();
    await db.open();

    expect((await findSummary(db, { arxivId: pack.summaries[2].paper.arxivId! }))?.id).toBe('look-s2');
    expect((await findSummary(db, { arxivId: `${pack.summaries[2].paper.arxivId}v7` }))?.id).toBe('look-s2');
    expect((await findSummary(db, { arxivId: 'solv-int/9901001v2' }))?.id).toBe('look-s3');
    expect((await findSummary(db, { openreviewId: 'r1_Ab-c_D' }))?.id).toBe('look-s5');
    expect((await findSummary(db, { title: 'deep things — a study', firstAuthor: 'Lovelace, Ada' }))?.id).toBe('look-s5');
    expect((await findSummary(db, { title: 'DEEP THINGS: A STUDY' }))?.id).toBe('look-s5');
    // Two papers share the normalised title: only the first author tells them apart.
    expect((await findSummary(db, { title: 'Shared Title', firstAuthor: 'Dan Two' }))?.id).toBe('look-s7');
    expect(await findSummary(db, { title: 'Shared Title' })).toBeUndefined();
    expect(await findSummary(db, { arxivId: '0000.00000', title: 'Nothing like it' })).toBeUndefined();

    // Besides the small packs table (which generation is live), every read is an indexed lookup.
    const reads = log.filter((r) => !r.op.startsWith('mutate') && r.table !== 'packs');
    expect(reads.length).toBeGreaterThan(8);
    for (const r of reads) {
      expect(r.table).toBe('summaryRows');
      expect(r.index, JSON.stringify(r)).toMatch(/^(arxivId|openreviewId|titleKey|\[titleKey\+authorKey\])$/);
      expect(r.range, 'an equality lookup, not a scan').toBe(1 /* DBCoreRangeType.Equal */);
    }
  });
});
