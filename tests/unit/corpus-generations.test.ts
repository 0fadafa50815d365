// Imports staged under a pack generation (fake-indexeddb): while a new version of a pack is
// written, with the same summary ids, readers keep seeing the old one; an import stopped before
// its switch (nothing cleaned up, as when the worker or page dies) leaves the old state exactly and
// rows no reader sees, which the next import or worker start sweeps; schema v3 databases keep
// their corpus and notes.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { wrapTables } from './support/dexie-tables';
import { SummaryLensDB } from '../../utils/db';
import { installPack, sweepStaleRows, toSummaryRow } from '../../utils/corpus/install';
import { getConceptRow, getSummaryRow, livePackRows, summariesWhere } from '../../utils/corpus/live';
import { findSummary } from '../../utils/corpus/lookup';
import { PackError } from '../../utils/corpus/validate';
import { makePack, syntheticArxivId } from '../fixtures/packs/make-packs';

const names: string[] = [];
const freshName = () => {
  const name = `gen-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const version = (v: string) => {
  const pack = makePack({ id: 'big', summaries: 1200, concepts: 3, corpusVersion: v });
  for (const s of pack.summaries) s.markdown = v;
  for (const c of pack.concepts) c.markdown = v;
  return pack;
};

/** What every reader path answers for the pack: by id, by arXiv id, by page ref, concepts. */
async function visible(db: SummaryLensDB) {
  return {
    byId: (await getSummaryRow(db, 'big-s5'))?.markdown,
    byArxiv: (await summariesWhere(db, 'arxivId', [syntheticArxivId(700)])).map((r) => r.markdown),
    page: (await findSummary(db, { arxivId: `${syntheticArxivId(1100)}v2` }))?.markdown,
    concept: (await getConceptRow(db, 'big-c1'))?.markdown,
    live: (await livePackRows(db, 'big'))?.summaries.length,
  };
}

describe('a new version of an installed pack, same ids', () => {
  it('stays the old version for every reader until the switch, then is the new one only', async () => {
    const db = new SummaryLensDB(freshName());
    await installPack(db, version('v1'), { builtin: false });
    const old = await visible(db);
    expect(old).toEqual({ byId: 'v1', byArxiv: ['v1'], page: 'v1', concept: 'v1', live: 1200 });

    const during: Awaited<ReturnType<typeof visible>>[] = [];
    let reading = Promise.resolve();
    await installPack(db, version('v2'), {
      builtin: false,
      // Reads between the chunk transactions, as another tab's lookups would.
      onProgress: () => {
        reading = reading.then(async () => void during.push(await visible(db)));
      },
      beforeSwitch: async () => {
        await reading;
        expect(await db.summaryRows.where('id').equals('big-s5').count(), 'both versions are stored').toBe(2);
        during.push(await visible(db));
      },
    });
    expect(during.length).toBeGreaterThan(4);
    for (const seen of during) expect(seen).toEqual(old);
    expect(await visible(db)).toEqual({ byId: 'v2', byArxiv: ['v2'], page: 'v2', concept: 'v2', live: 1200 });
    expect(await db.summaryRows.count(), 'the old generation is deleted after the switch').toBe(1200);
    db.close();
  });

  it('refuses a second import while one is being written, and the first still lands', async () => {
    const db = new SummaryLensDB(freshName());
    let second: unknown;
    await installPack(db, version('v1'), {
      builtin: false,
      beforeSwitch: async () => {
        second = await installPack(db, makePack({ id: 'other', summaries: 3, concepts: 0 }), { builtin: false }).catch((e: unknown) => e);
      },
    });
    expect(second).toBeInstanceOf(PackError);
    expect((second as PackError).message).toMatch(/Another import or corpus update is running/);
    expect(await db.packs.toCollection().primaryKeys()).toEqual(['big']);
    db.close();
  });

  it('another context (its own connection, as the background is to an options page) never sweeps the generation being written', async () => {
    const name = freshName();
    const page = new SummaryLensDB(name);
    const worker = new SummaryLensDB(name);
    await installPack(page, version('v1'), { builtin: false });
    let staged = -1;
    let sweptDuring: number | null | undefined;
    await installPack(page, version('v2'), {
      builtin: false,
      beforeSwitch: async () => {
        staged = await worker.summaryRows.count();
        // The worker starts and sweeps while the page is between its row writes and its switch.
        sweptDuring = await sweepStaleRows(worker);
        // Seeding in the worker waits for the page's import instead of interleaving with it.
        void installPack(worker, makePack({ id: 'seeded', summaries: 2, concepts: 0 }), { builtin: true, waitForLock: true });
      },
    });
    expect(staged, 'both versions were stored when the worker swept').toBe(2400);
    expect(sweptDuring, 'the sweep was skipped: an install held the lock').toBeNull();
    expect(await visible(worker)).toEqual({ byId: 'v2', byArxiv: ['v2'], page: 'v2', concept: 'v2', live: 1200 });
    await expect.poll(() => worker.packs.get('seeded')).toBeDefined();
    expect(await sweepStaleRows(worker), 'nothing stale once both finished').toBe(0);
    expect(await worker.summaryRows.count()).toBe(1202);
    page.close();
    worker.close();
  });

  it('an import that fails midway releases the lock: the next sweep and import run', async () => {
    const name = freshName();
    const db = new SummaryLensDB(name);
    await installPack(db, version('v1'), { builtin: false });
    // The page's import dies in its row writes (the page closed): the lock goes with it.
    await expect(
      installPack(db, version('v2'), {
        builtin: false,
        onProgress: (done) => {
          if (done >= 500) throw new Error('page closed');
        },
      }),
    ).rejects.toThrow('page closed');
    expect(await visible(db)).toEqual({ byId: 'v1', byArxiv: ['v1'], page: 'v1', concept: 'v1', live: 1200 });
    expect(await sweepStaleRows(db), 'not skipped: nothing holds the lock').toBe(0); // the failed install removed its rows itself
    expect(await db.summaryRows.count()).toBe(1200);
    expect((await installPack(db, version('v2'), { builtin: false })).status).toBe('installed');
    db.close();
  });
});

describe('an import stopped before its switch', () => {
  /** From the Nth write on, every write fails (deletes too): nothing is cleaned up, as after a crash. */
  function dieAfterWrites(db: Dexie, n: number) {
    let writes = 0;
    wrapTables(db, 'dies', (t) => ({
      ...t,
      mutate: (req) => (++writes > n ? Promise.reject(new DOMException('The transaction was aborted.', 'AbortError')) : t.mutate(req)),
    }));
  }

  it('leaves the old version whole and invisible leftovers, swept later; the next import works', async () => {
    const name = freshName();
    const setup = new SummaryLensDB(name);
    await installPack(setup, version('v1'), { builtin: false });
    const before = await setup.packs.get('big');
    setup.close();

    const dying = new SummaryLensDB(name);
    dieAfterWrites(dying, 3);
    await expect(installPack(dying, version('v2'), { builtin: false })).rejects.toThrow();
    dying.close();

    const db = new SummaryLensDB(name);
    expect(await db.summaryRows.count(), 'the stopped import left rows').toBeGreaterThan(1200);
    expect(await db.packs.get('big')).toEqual(before);
    expect(await visible(db)).toEqual({ byId: 'v1', byArxiv: ['v1'], page: 'v1', concept: 'v1', live: 1200 });

    expect(await sweepStaleRows(db)).toBe(1);
    expect(await db.summaryRows.count()).toBe(1200);
    expect(await db.conceptRows.count()).toBe(3);
    expect(await sweepStaleRows(db), 'nothing left to sweep').toBe(0);

    expect((await installPack(db, version('v2'), { builtin: false })).status).toBe('installed');
    expect(await visible(db)).toEqual({ byId: 'v2', byArxiv: ['v2'], page: 'v2', concept: 'v2', live: 1200 });
    db.close();
  });

  it('a first import of a pack stopped midway leaves no pack and no visible row; the next import sweeps', async () => {
    const name = freshName();
    const dying = new SummaryLensDB(name);
    dieAfterWrites(dying, 2);
    await expect(installPack(dying, version('v1'), { builtin: false })).rejects.toThrow();
    dying.close();

    const db = new SummaryLensDB(name);
    expect(await db.packs.count()).toBe(0);
    expect(await db.summaryRows.count()).toBeGreaterThan(0);
    expect(await visible(db)).toEqual({ byId: undefined, byArxiv: [], page: undefined, concept: undefined, live: undefined });
    await installPack(db, makePack({ id: 'other', summaries: 4, concepts: 1 }), { builtin: false });
    expect(await db.summaryRows.count(), 'swept by the next import').toBe(4);
    db.close();
  });
});

describe('schema v3 to v4', () => {
  it('moves every corpus row under its pack’s generation and keeps notes and identities', async () => {
    const name = freshName();
    // A v3 database as the previous release wrote it (through the previous schema's stores).
    const v3 = new Dexie(name);
    v3.version(3).stores({
      summaries: 'id, packId, arxivId, openreviewId, [titleKey+authorKey], titleKey',
      concepts: 'id, packId',
      packs: 'id',
      notes: 'paperKey, updatedAt, *tags, status',
      revisions: '++id, paperKey, savedAt',
      papers: 'id',
      aliases: 'alias, paperId',
      recent: 'paperKey, viewedAt',
      dismissals: 'paperKey',
    });
    const pack = makePack({ id: 'mine', summaries: 30, concepts: 2, corpusVersion: 'c7' });
    const v3Row = (packId: string, s: (typeof pack.summaries)[number]) => {
      const { gen: _none, ...row } = toSummaryRow(packId, s);
      return row;
    };
    await v3.table('summaries').bulkPut(pack.summaries.map((s) => v3Row('mine', s)));
    await v3.table('summaries').put({ ...v3Row('gone', pack.summaries[0]), id: 'orphan-row' });
    await v3.table('concepts').bulkPut(pack.concepts.map((c) => ({ ...c, packId: 'mine' })));
    await v3.table('packs').put({ id: 'mine', name: 'Mine', corpusVersion: 'c7', schemaVersion: 1, summaries: 30, concepts: 2, installedAt: 5, builtin: false });
    const note = { paperKey: 'arxiv:1706.03762', text: 'kept', tags: ['t'], status: 'read', title: null, createdAt: 1, updatedAt: 2, rev: 1 };
    await v3.table('notes').put(note);
    await v3.table('papers').put({ id: 'arxiv:1706.03762', title: null, createdAt: 1 });
    await v3.table('aliases').put({ alias: 'arxiv:1706.03762', paperId: 'arxiv:1706.03762', source: 'page' });
    v3.close();

    const db = new SummaryLensDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.packs.get('mine')).toMatchObject({ gen: 'mine@c7', summaries: 30 });
    expect((await livePackRows(db, 'mine'))!.summaries.map((r) => r.id).sort()).toEqual(pack.summaries.map((s) => s.id).sort());
    expect((await getSummaryRow(db, 'mine-s3'))?.markdown).toBe(pack.summaries[3].markdown);
    expect((await getConceptRow(db, 'mine-c1'))?.title).toBe(pack.concepts[1].title);
    expect(await getSummaryRow(db, 'orphan-row'), 'a row of no installed pack stays invisible').toBeUndefined();
    expect(await db.notes.toArray()).toEqual([note]);
    expect(await db.aliases.count()).toBe(1);
    expect([...db.backendDB().objectStoreNames]).not.toContain('summaries');
    await sweepStaleRows(db);
    expect(await db.summaryRows.count()).toBe(30);
    db.close();
  });
});
