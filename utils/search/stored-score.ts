// Scores a planned query over the postings a stored pack read for it (stored-source.ts), exactly
// as MiniSearch scores the same query over a whole index (BM25 with its parameters, field boosts,
// prefix weights, the same order of additions, score × matched query words), without building an
// index per query: building one (a radix tree and a Map per document touched) was most of a
// keystroke's script time at 10,000 summaries. Its arrays are sized to the pack once and reused.
import { SEARCH_OPTIONS } from './options';
import { INDEX_FIELDS, groupOf, type HeadRow, type Postings, type TermRow } from './postings';
import type { Lookup } from './plan';

/** A scored document, shaped as the part of a MiniSearch result the engine reads. */
export interface ScoredDoc {
  id: number;
  score: number;
  /** Words of the document that matched (prefix expansions included). */
  terms: string[];
  /** Query words that matched. */
  queryTerms: string[];
}

// MiniSearch's defaults (SEARCH_OPTIONS sets neither): BM25 k, b, d and the prefix weight.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const ALL_FIELDS = INDEX_FIELDS as string[];
const BOOST = (SEARCH_OPTIONS.searchOptions?.boost ?? {}) as Record<string, number>;
const { tokenize, processTerm } = SEARCH_OPTIONS as Required<Pick<typeof SEARCH_OPTIONS, 'tokenize' | 'processTerm'>>;

function bm25(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

/** What a query read: a word's postings per group, and the short-field words a prefix begins. */
export interface ReadPostings {
  row(group: 's' | 't', word: string): TermRow | undefined;
  prefixed(prefix: string): readonly TermRow[];
}

export class PostingsScorer {
  private readonly fieldCount = INDEX_FIELDS.length;
  private readonly total: Float64Array;
  private readonly sub: Float64Array;
  /** Query (and lookup) stamps: a document is touched in this query when its stamp is current. */
  private readonly seen: Uint32Array;
  private readonly subSeen: Uint32Array;
  private stamp = 0;
  private subStamp = 0;
  /** Per document, its first match entry; entries chain (derived word, query word) pairs. */
  private readonly first: Int32Array;
  private next = new Int32Array(4096);
  private derivedOf = new Int32Array(4096);
  private sourceOf = new Int32Array(4096);
  private entries = 0;

  constructor(private readonly head: HeadRow) {
    const n = head.documentCount;
    this.total = new Float64Array(n);
    this.sub = new Float64Array(n);
    this.seen = new Uint32Array(n);
    this.subSeen = new Uint32Array(n);
    this.first = new Int32Array(n);
  }

  /**
   * The best `keep` documents matching `lookups` that pass `filter`, best first (ties: first
   * matched first, as MiniSearch), with their scores and words. Read before the next query: the
   * arrays behind them are reused.
   */
  run(lookups: Lookup[], read: ReadPostings, keep: number, filter?: (n: number) => boolean): ScoredDoc[] {
    this.stamp++;
    this.entries = 0;
    const derived: string[] = [];
    const derivedIds = new Map<string, number>();
    const sources: string[] = [];
    const sourceIds = new Map<string, number>();
    const idOf = (list: string[], ids: Map<string, number>, word: string) => {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = list.push(word) - 1));
      return id;
    };
    const touched: number[] = [];

    for (const lookup of lookups) {
      // MiniSearch runs the lookup's text through its tokenizer and term processing (no field):
      // a normalised word is itself, but an odd one may split.
      for (const token of tokenize(lookup.term)) {
        const processed = processTerm(token);
        for (const term of Array.isArray(processed) ? processed : [processed]) {
          if (!term) continue;
          const subTouched: number[] = [];
          this.subStamp++;
          const source = idOf(sources, sourceIds, term);
          const fields = lookup.fields ?? ALL_FIELDS;
          this.add(source, idOf(derived, derivedIds, term), 1, lookup.boost, fields, (group) => read.row(group, term), subTouched);
          if (lookup.prefix) {
            for (const row of read.prefixed(term)) {
              const distance = row.w.length - term.length;
              if (!distance || !row.w.startsWith(term)) continue;
              const weight = (PREFIX_WEIGHT * row.w.length) / (row.w.length + 0.3 * distance);
              this.add(source, idOf(derived, derivedIds, row.w), weight, lookup.boost, fields, (group) => (group === row.f ? row : read.row(group, row.w)), subTouched);
            }
          }
          // One lookup's scores join the total as MiniSearch's OR does: total + this lookup's sum.
          for (const n of subTouched) {
            if (this.seen[n] === this.stamp) this.total[n] = this.total[n] + this.sub[n];
            else {
              this.seen[n] = this.stamp;
              this.total[n] = this.sub[n];
              touched.push(n);
            }
          }
        }
      }
    }

    // Score × the number of query words matched (MiniSearch's "quality").
    const sourceSeen = new Uint32Array(sources.length);
    let mark = 0;
    const order: number[] = [];
    for (const n of touched) {
      mark++;
      let quality = 0;
      for (let e = this.first[n]; e >= 0; e = this.next[e]) {
        const s = this.sourceOf[e];
        if (sourceSeen[s] !== mark) {
          sourceSeen[s] = mark;
          quality++;
        }
      }
      this.total[n] = this.total[n] * (quality || 1);
      if (!filter || filter(n)) order.push(n);
    }
    const total = this.total;
    return bestFirst(order, total, keep).map((n) => {
      const chain: number[] = [];
      for (let e = this.first[n]; e >= 0; e = this.next[e]) chain.push(e);
      chain.reverse(); // in match order
      const terms = new Set(chain.map((e) => derived[this.derivedOf[e]]));
      const queryTerms = new Set(chain.map((e) => sources[this.sourceOf[e]]));
      return { id: n, score: total[n], terms: [...terms], queryTerms: [...queryTerms] };
    });
  }

  /** One word's postings in `fields` into this lookup's sums (MiniSearch's termResults). */
  private add(source: number, derived: number, termWeight: number, termBoost: number, fields: readonly string[], rowOf: (group: 's' | 't') => TermRow | undefined, subTouched: number[]): void {
    const { documentCount, averageFieldLength, fieldLength } = this.head;
    for (const field of fields) {
      const fieldId = INDEX_FIELDS.indexOf(field as (typeof INDEX_FIELDS)[number]);
      const postings: Postings | undefined = rowOf(groupOf(fieldId))?.p;
      const flat = postings?.[fieldId];
      if (!flat) continue;
      const fieldBoost = BOOST[field] || 1;
      const matching = flat.length / 2;
      const avg = averageFieldLength[fieldId];
      for (let i = 0; i < flat.length; i += 2) {
        const n = flat[i];
        const raw = bm25(flat[i + 1], matching, documentCount, fieldLength[n * this.fieldCount + fieldId], avg);
        const weighted = termWeight * termBoost * fieldBoost * 1 * raw;
        if (this.subSeen[n] === this.subStamp) this.sub[n] += weighted;
        else {
          this.subSeen[n] = this.subStamp;
          this.sub[n] = weighted;
          subTouched.push(n);
          if (this.seen[n] !== this.stamp) this.first[n] = -1; // first match of this query
        }
        this.link(n, derived, source);
      }
    }
  }

  private link(n: number, derived: number, source: number): void {
    if (this.entries === this.next.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.next = grow(this.next);
      this.derivedOf = grow(this.derivedOf);
      this.sourceOf = grow(this.sourceOf);
    }
    const e = this.entries++;
    this.derivedOf[e] = derived;
    this.sourceOf[e] = source;
    this.next[e] = this.first[n];
    this.first[n] = e;
  }
}

/**
 * The `keep` best of `docs` by score, best first; ties in `docs` order (a stable sort's answer).
 * A common word matches most of a large pack: a bounded heap picks the few shown instead of
 * sorting 100,000 documents.
 */
export function bestFirst(docs: number[], score: Float64Array, keep: number): number[] {
  if (docs.length <= keep * 4) return [...docs].sort((a, b) => score[b] - score[a]).slice(0, keep);
  // Min-heap of positions in `docs`: the worst kept one on top (lower score, or later on a tie).
  const heap = new Int32Array(keep);
  let size = 0;
  const worse = (i: number, j: number) => score[docs[i]] < score[docs[j]] || (score[docs[i]] === score[docs[j]] && i > j);
  const down = (from: number) => {
    for (let at = from; ; ) {
      const l = 2 * at + 1;
      const r = l + 1;
      let top = at;
      if (l < size && worse(heap[l], heap[top])) top = l;
      if (r < size && worse(heap[r], heap[top])) top = r;
      if (top === at) return;
      [heap[at], heap[top]] = [heap[top], heap[at]];
      at = top;
    }
  };
  for (let i = 0; i < docs.length; i++) {
    if (size < keep) {
      let at = size++;
      heap[at] = i;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at], heap[parent])) break;
        [heap[at], heap[parent]] = [heap[parent], heap[at]];
        at = parent;
      }
    } else if (worse(heap[0], i)) {
      heap[0] = i;
      down(0);
    }
  }
  return Array.from(heap.subarray(0, size))
    .sort((i, j) => score[docs[j]] - score[docs[i]] || i - j)
    .map((i) => docs[i]);
}
