// Quality of "similar" papers and background concepts, measured against hand-labelled
// expectations (tests/fixtures/related/labelled.json), plus the shape of what the pack ships.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeRelations, SIMILAR_COUNT } from '../../scripts/corpus/relations';
import { loadSources, root } from './support/seeds';
import { PackSchema } from '../../utils/corpus/pack';

interface Labelled {
  similar: { paper: string; expectAnyOf: string[]; why: string }[];
  dissimilar: { paper: string; notExpected: string[]; why: string }[];
  background: { paper: string; expectAnyOf: string[]; why: string }[];
}

const { summaries, concepts, papers, cited } = loadSources();
const relations = computeRelations(summaries, concepts, papers, cited);
const labelled = JSON.parse(readFileSync(`${root}tests/fixtures/related/labelled.json`, 'utf8')) as Labelled;

/** A labelled paper: its arXiv id, or "title:<title>" for the three without one. */
function summaryOf(ref: string): string {
  const hit = [...papers].find(([, p]) => (ref.startsWith('title:') ? p.title === ref.slice(6) : p.arxivId === ref));
  if (!hit) throw new Error(`labelled paper ${ref} is not in data/papers.json`);
  return hit[0];
}
const topSimilar = (ref: string) => relations.similarRanking.get(summaryOf(ref))!.map((r) => summaries[r.index].id);
const titleOf = (summaryId: string) => papers.get(summaryId)?.title ?? summaryId;

function report(name: string, results: { ok: boolean; detail: string }[]): number {
  const precision = results.filter((r) => r.ok).length / results.length;
  const misses = results.filter((r) => !r.ok).map((r) => `  miss: ${r.detail}`);
  console.log(`${name}: ${results.filter((r) => r.ok).length}/${results.length} = ${(precision * 100).toFixed(1)}%\n${misses.join('\n')}`);
  return precision;
}

describe('similar papers against hand labels', () => {
  it('has enough labels to mean something', () => {
    expect(labelled.similar.length + labelled.dissimilar.length).toBeGreaterThanOrEqual(20);
    expect(labelled.background.length).toBeGreaterThanOrEqual(20);
  });

  it('puts an expected paper among the top 5 similar for at least 80% of labelled papers', () => {
    const results = labelled.similar.map((l) => {
      const top = topSimilar(l.paper);
      return { ok: l.expectAnyOf.some((x) => top.includes(summaryOf(x))), detail: `${titleOf(summaryOf(l.paper))} (${l.why}) got ${top.map(titleOf).join(' | ')}` };
    });
    expect(report('similar', results)).toBeGreaterThanOrEqual(0.8);
  });

  it('never lists a labelled off-topic paper among the top 5', () => {
    const results = labelled.dissimilar.map((l) => {
      const top = topSimilar(l.paper);
      const wrong = l.notExpected.filter((x) => top.includes(summaryOf(x)));
      return { ok: wrong.length === 0, detail: `${titleOf(summaryOf(l.paper))} lists ${wrong.join(', ')}` };
    });
    expect(report('dissimilar', results)).toBe(1);
  });
});

describe('background concepts against hand labels', () => {
  it('gives at least 80% of labelled papers an expected course-notes section', () => {
    const ids = new Set(concepts.map((c) => c.id));
    const results = labelled.background.map((l) => {
      for (const c of l.expectAnyOf) expect(ids, `label names unknown section ${c}`).toContain(c);
      const got = relations.concepts.get(summaryOf(l.paper))!.map((c) => c.conceptId);
      return { ok: l.expectAnyOf.some((c) => got.includes(c)), detail: `${titleOf(summaryOf(l.paper))} (${l.why}) got ${got.join(', ')}` };
    });
    expect(report('background', results)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('relations for every summary', () => {
  it('gives each summary 5 similar papers (never itself, never one already mentioned) and 2–3 background sections', () => {
    for (const s of summaries) {
      const related = relations.related.get(s.id)!;
      const similar = related.filter((r) => r.kind === 'similar');
      expect(similar).toHaveLength(SIMILAR_COUNT);
      expect(similar.map((r) => r.summaryId)).not.toContain(s.id);
      const mentioned = new Set(related.filter((r) => r.kind === 'mentioned').map((r) => r.summaryId));
      for (const r of similar) expect(mentioned.has(r.summaryId)).toBe(false);
      expect(similar.map((r) => r.score)).toEqual([...similar.map((r) => r.score)].sort((a, b) => b! - a!));
      const background = relations.concepts.get(s.id)!;
      expect(background.length).toBeGreaterThanOrEqual(2);
      expect(background.length).toBeLessThanOrEqual(3);
    }
  });

  it('is deterministic', () => {
    const again = computeRelations(summaries, concepts, papers, cited);
    expect([...again.related]).toEqual([...relations.related]);
    expect([...again.concepts]).toEqual([...relations.concepts]);
  });

  it('is what the shipped pack holds (run `npm run corpus` after changing the corpus scripts)', () => {
    const pack = PackSchema.parse(JSON.parse(readFileSync(`${root}public/corpus/pack.json`, 'utf8')));
    for (const s of pack.summaries) {
      expect(s.related, s.id).toEqual(relations.related.get(s.id));
      expect(s.concepts, s.id).toEqual(relations.concepts.get(s.id));
    }
  });
});
