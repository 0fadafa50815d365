// Relevance of popup search on the shipped corpus: the known-item queries in
// tests/fixtures/search/relevance.json, run against the index and docs the build ships
// (public/corpus, made by `npm run corpus`), exactly as the popup loads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSearchDocsFile, SearchEngine, SearchSource } from '@/utils/search/engine';
import type { SearchDocMeta } from '@/utils/search/build-index';

interface Case {
  kind: string;
  query: string;
  expect: { arxivId?: string; title?: string; conceptId?: string };
}

const root = join(import.meta.dirname, '../..');
const cases = (JSON.parse(readFileSync(join(root, 'tests/fixtures/search/relevance.json'), 'utf8')) as { queries: Case[] }).queries;

function loadShipped(): SearchSource {
  const docs: unknown = JSON.parse(readFileSync(join(root, 'public/corpus/search-docs.json'), 'utf8'));
  if (!isSearchDocsFile(docs)) throw new Error('public/corpus/search-docs.json is missing or stale: run npm run corpus');
  return SearchSource.fromJSON(readFileSync(join(root, 'public/corpus/search-index.json'), 'utf8'), docs);
}

const matches = (doc: SearchDocMeta, e: Case['expect']) =>
  e.arxivId ? doc.arxivId === e.arxivId : e.conceptId ? doc.id === `c:${e.conceptId}` : doc.kind === 'summary' && doc.title === e.title;

describe('search relevance on the shipped corpus', () => {
  const source = loadShipped();
  const engine = new SearchEngine([source]);

  it('has at least 40 known-item queries, each naming an item that exists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect([...source.docs.values()].some((d) => matches(d, c.expect)), `${c.query}: expected item not in the corpus`).toBe(true);
  });

  it('finds the expected item in the top 3 for >= 95% and first for >= 85%', () => {
    const ranks = cases.map((c) => {
      const hits = engine.search(c.query, { limit: 10, partial: false }).hits;
      return { c, rank: hits.findIndex((h) => matches(h.doc, c.expect)), top: hits.slice(0, 3).map((h) => h.doc.title) };
    });
    const first = ranks.filter((r) => r.rank === 0).length / cases.length;
    const top3 = ranks.filter((r) => r.rank >= 0 && r.rank < 3).length / cases.length;
    const byKind = new Map<string, [number, number]>();
    for (const r of ranks) {
      const [ok, n] = byKind.get(r.c.kind) ?? [0, 0];
      byKind.set(r.c.kind, [ok + (r.rank === 0 ? 1 : 0), n + 1]);
    }
    console.log(
      `search relevance: ${cases.length} queries, first ${(100 * first).toFixed(1)}%, top 3 ${(100 * top3).toFixed(1)}% ` +
        `(${[...byKind].map(([k, [ok, n]]) => `${k} ${ok}/${n}`).join(', ')})`,
    );
    for (const r of ranks.filter((x) => x.rank !== 0)) console.log(`  rank ${r.rank < 0 ? 'miss' : r.rank + 1}: "${r.c.query}" -> ${r.top.join(' | ')}`);
    expect(top3).toBeGreaterThanOrEqual(0.95);
    expect(first).toBeGreaterThanOrEqual(0.85);
  });
});
