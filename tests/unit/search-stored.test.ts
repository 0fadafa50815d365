// Imported packs searched where they are stored (utils/search/postings.ts, store.ts,
// stored-source.ts), in fake-indexeddb: the same answers, in the same order with the same scores,
// as the whole prebuilt MiniSearch index the shipped corpus uses; typos, filters, ids and prefixes
// too; an unfinished write is never read and is swept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchArtifacts } from '@/utils/search/build-index';
import { SearchEngine, SearchSource } from '@/utils/search/engine';
import { buildStoredIndex, generationOf } from '@/utils/search/postings';
import { dropGenerations, SearchStoreDB, writeStoredIndex } from '@/utils/search/store';
import { StoredSource } from '@/utils/search/stored-source';
import type { Pack } from '@/utils/corpus/pack';
import { makePack } from '../fixtures/packs/make-packs';

const root = join(import.meta.dirname, '../..');
const shipped = JSON.parse(readFileSync(join(root, 'public/corpus/pack.json'), 'utf8')) as Pack;
const relevance = (JSON.parse(readFileSync(join(root, 'tests/fixtures/search/relevance.json'), 'utf8')) as { queries: { query: string }[] }).queries;
// The relevance set, plus what typing produces (unfinished words), typos and common words.
const QUERIES = [...relevance.map((q) => q.query), 'transfo', 'atention is al you need', 'learning', 'the model of', 'vaswani', 'contrastive repr', 'gunnemann', 'mobilnet',
  // Typing, letter by letter: later prefixes are answered from earlier ones (the source's cache).
  ...['mobilenet', 'contrastive learning', 'grad-cam'].flatMap((w) => Array.from({ length: w.length - 2 }, (_, i) => w.slice(0, i + 3)))];

let n = 0;
const freshDb = () => new SearchStoreDB(`search-stored-${n++}`);

describe('a stored pack index answers as the whole index does', () => {
  const pack = { ...shipped, id: 'imported' };
  const memory = new SearchEngine([SearchSource.fromArtifacts(buildSearchArtifacts(pack))]);
  const stored = new SearchEngine();
  let db: SearchStoreDB;

  beforeAll(async () => {
    db = freshDb();
    await writeStoredIndex(db, await buildStoredIndex(pack, 'v1'));
    stored.add((await StoredSource.open(db, 'imported', 'v1'))!);
  });

  const view = (r: Awaited<ReturnType<SearchEngine['searchAll']>>) => ({
    hits: r.hits.map((h) => [h.doc.id, Number(h.score.toFixed(6)), [...h.highlight].sort().join(' '), h.snippet.map((s) => s.text).join('')]),
    corrections: r.corrections,
  });

  it.each([true, false])('for every query of the relevance set, typed (partial=%s)', async (partial) => {
    let answered = 0;
    for (const q of QUERIES) {
      const want = view(memory.search(q, { limit: 10, partial }));
      if (want.hits.length) answered++;
      expect(view(await stored.searchAll(q, { limit: 10, partial })), q).toEqual(want);
    }
    // Not a comparison of two empty lists: the whole index answers nearly all of them.
    expect(answered).toBeGreaterThan(QUERIES.length * (partial ? 0.9 : 0.6));
  });

  it('with filters: kind, years, and a test only the document can answer', async () => {
    const filters = [
      { kind: 'concepts' as const },
      { kind: 'summaries' as const, yearFrom: 2019, yearTo: 2020 },
      { yearFrom: 2021 },
      { accept: (d: { title: string }) => d.title.length % 2 === 0 },
    ];
    for (const f of filters)
      for (const q of ['attention', 'learning representations', 'graph neural']) {
        const want = view(memory.search(q, { limit: 8, filters: f }));
        expect(view(await stored.searchAll(q, { limit: 8, filters: f })), `${q} ${JSON.stringify(f)}`).toEqual(want);
      }
  });

  it('queries in flight together on one pack each get their own answer; a stopped one reads no further', async () => {
    const queries = ['lottery ticket', 'contrastive repr', 'mobilnet', 'graph neural', 'attention'];
    const together = await Promise.all(queries.map((q) => stored.searchAll(q, { limit: 10 })));
    together.forEach((got, i) => expect(view(got), queries[i]).toEqual(view(memory.search(queries[i], { limit: 10 }))));
    const stop = new AbortController();
    const stopped = stored.searchAll('neural network pruning', { limit: 10, signal: stop.signal });
    stop.abort();
    expect((await stopped).hits).toEqual([]);
    expect((await stored.searchAll('neural network pruning', { limit: 10 })).hits.length).toBeGreaterThan(0);
  });

  it('an arXiv id, an arXiv URL and an OpenReview id find their paper', async () => {
    const withIds = shipped.summaries.find((s) => s.paper.arxivId && s.paper.openreviewId)!;
    for (const q of [withIds.paper.arxivId!, `https://arxiv.org/abs/${withIds.paper.arxivId}v2`, withIds.paper.openreviewId!]) {
      const hits = (await stored.searchAll(q)).hits;
      expect(hits[0]?.doc.id, q).toBe(`s:${withIds.id}`);
    }
    expect((await stored.searchAll('9999.99999')).hits).toEqual([]);
  });
});

describe('generations', () => {
  it('a write stopped before its head is never read, and is swept with replaced versions', async () => {
    const db = freshDb();
    const v1 = await buildStoredIndex(makePack({ id: 'p', summaries: 40, corpusVersion: 'v1' }), 'v1');
    await writeStoredIndex(db, v1);
    // v2's write stops after its rows, before its head: v2 does not exist for readers.
    const v2 = await buildStoredIndex(makePack({ id: 'p', summaries: 60, corpusVersion: 'v2' }), 'v2');
    await db.terms.bulkPut(v2.terms);
    await db.docs.bulkPut(v2.docs);
    expect(await StoredSource.open(db, 'p', 'v2')).toBeNull();
    const open = await StoredSource.open(db, 'p', 'v1');
    expect(open?.size).toBe(v1.head.documentCount);

    expect(await dropGenerations(db, new Set([generationOf('p', 'v1')]))).toEqual([generationOf('p', 'v2')]);
    expect(await db.terms.where('[g+f+w]').between([generationOf('p', 'v2')], [generationOf('p', 'v2'), []]).count()).toBe(0);
    expect(await db.terms.count()).toBe(v1.terms.length);
    expect(await dropGenerations(db, new Set())).toEqual([generationOf('p', 'v1')]);
    expect([await db.terms.count(), await db.docs.count(), await db.heads.count(), await db.vocabularies.count()]).toEqual([0, 0, 0, 0]);
  });

  it('two packs are searched together and each result names its pack', async () => {
    const db = freshDb();
    await writeStoredIndex(db, await buildStoredIndex(makePack({ id: 'a', summaries: 30 }), 'v'));
    await writeStoredIndex(db, await buildStoredIndex(makePack({ id: 'b', summaries: 30 }), 'v'));
    const engine = new SearchEngine([SearchSource.fromArtifacts(buildSearchArtifacts(shipped))]);
    engine.add((await StoredSource.open(db, 'a', 'v'))!);
    engine.add((await StoredSource.open(db, 'b', 'v'))!);
    const title = (await engine.searchAll('attention is all you need', { limit: 30 })).hits.map((h) => h.packId);
    expect(new Set(title)).toEqual(new Set(['builtin', 'a', 'b']));
  });
});

describe('at 10,000 summaries, where the planner leaves common words out of the full text', () => {
  it('the stored index still ranks as the whole index does (re-ranking included)', async () => {
    const pack = makePack({ id: 'big', summaries: 10_000 });
    const db = freshDb();
    await writeStoredIndex(db, await buildStoredIndex(pack, 'v'));
    const memory = new SearchEngine([SearchSource.fromArtifacts(buildSearchArtifacts(pack))]);
    const stored = new SearchEngine([(await StoredSource.open(db, 'big', 'v'))!]);
    // "learning" and "model" are in nearly every summary: too many postings to read in the text.
    for (const q of ['learning', 'deep learning model', 'the attention model learning', 'neural network training data', 'transfo', 'atention']) {
      const want = memory.search(q, { limit: 10 });
      expect(want.hits.length, q).toBeGreaterThan(0);
      const got = await stored.searchAll(q, { limit: 10 });
      expect(got.hits.map((h) => [h.doc.id, h.score.toFixed(6), [...h.highlight].sort().join(' ')]), q).toEqual(want.hits.map((h) => [h.doc.id, h.score.toFixed(6), [...h.highlight].sort().join(' ')]));
      expect(got.corrections, q).toEqual(want.corrections);
    }
  }, 120_000);
});
