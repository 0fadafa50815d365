// The stored-pack scorer's top-k pick (utils/search/stored-score.ts): the same answer as a stable
// sort by score, ties included, whatever the sizes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestFirst } from '@/utils/search/stored-score';

describe('bestFirst', () => {
  it('equals the first k of a stable sort by descending score', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 400 }), fc.integer({ min: 1, max: 30 }), (scores, keep) => {
        const score = Float64Array.from(scores);
        const docs = scores.map((_, i) => i).reverse(); // not in index order: ties follow `docs`
        const want = [...docs].sort((a, b) => score[b] - score[a]).slice(0, keep);
        expect(bestFirst(docs, score, keep)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
