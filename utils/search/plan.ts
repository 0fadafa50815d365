// Query planning: which fields each query word is looked up in, within a cost budget.
//
// MiniSearch answers a word in time proportional to the documents that hold it (about 0.5–1 µs per
// posting, plus sorting every matched document). At 172 summaries nothing is expensive and every
// word searches every field. At 100,000, "learning" sits in most summaries: looking it up in the
// full text alone would take ~100 ms, and would barely change the ranking (its BM25 weight is
// tiny). So, using document frequencies counted at build time (stats.df), each word is looked up
// in the short fields (title, authors, ids) and then in the full text, cheapest first, while the
// query stays under BUDGET postings. A word left out of a field still counts: the top candidates
// are re-ranked by whether they contain it (engine.ts).
import type { Query } from 'minisearch';
import type { SearchStats } from './build-index';

export const SHORT_FIELDS = ['title', 'authors', 'ids'];
export const TEXT_FIELDS = ['text'];

/** Postings one query may touch: ~5–10 ms of MiniSearch work. */
export const BUDGET = 8000;
/** Typing "tr" would expand to thousands of words; prefixes start at three letters. */
export const MIN_PREFIX = 3;

export interface Alternative {
  term: string;
  /** 1 for the typed word; less for a typo correction. */
  weight: number;
}

export interface TermPlan extends Alternative {
  /** Index of the query word this stands for. */
  slot: number;
  short: boolean;
  text: boolean;
  prefix: boolean;
}

export class CostModel {
  /** Listed words, sorted, for prefix cost estimates. */
  private readonly sorted: string[];

  constructor(private readonly stats: SearchStats) {
    this.sorted = Object.keys(stats.df).sort();
  }

  /** [short-field postings, full-text postings] of a word; unlisted words cost at most listedFrom. */
  cost(term: string): [number, number] {
    return this.stats.df[term] ?? [0, 0];
  }

  isCommon(term: string): boolean {
    return term in this.stats.df;
  }

  /** Short-field postings of the listed words that begin with `prefix` (excluding itself). */
  prefixCost(prefix: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let total = 0;
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) if (this.sorted[i] !== prefix) total += this.stats.df[this.sorted[i]][0];
    return total;
  }
}

/**
 * Plans a query: `slots[i]` are the alternatives for query word i (the word itself, or its typo
 * corrections). `partialLast`: the last word may be unfinished, so its prefix is searched too
 * (short fields only: prefix expansion over the full-text vocabulary is what makes typing slow).
 */
export function planQuery(slots: Alternative[][], partialLast: boolean, model: CostModel, budget = BUDGET): TermPlan[] {
  const plans: TermPlan[] = slots.flatMap((alts, slot) => alts.map((a) => ({ ...a, slot, short: false, text: false, prefix: false })));
  let spent = 0;
  // Short fields first (where known-item queries hit), cheapest first; at least one word always runs.
  for (const p of [...plans].sort((a, b) => model.cost(a.term)[0] - model.cost(b.term)[0])) {
    const c = model.cost(p.term)[0];
    if (spent + c <= budget || spent === 0) {
      p.short = true;
      spent += c;
    }
  }
  const last = plans.filter((p) => p.slot === slots.length - 1 && p.weight === 1)[0];
  if (partialLast && last && last.short && last.term.length >= MIN_PREFIX) {
    const c = model.prefixCost(last.term);
    if (spent + c <= budget) {
      last.prefix = true;
      spent += c;
    }
  }
  for (const p of [...plans].sort((a, b) => model.cost(a.term)[1] - model.cost(b.term)[1])) {
    const c = model.cost(p.term)[1];
    if (spent + c <= budget) {
      p.text = true;
      spent += c;
    }
  }
  return plans;
}

/** One lookup of a plan: a word in some fields (all of them when `fields` is absent). */
export interface Lookup {
  term: string;
  fields?: string[];
  prefix: boolean;
  /** The word's weight (1, or less for a typo correction). */
  boost: number;
}

/** A plan's lookups, in order: MiniSearch's query (below) and the stored-pack scorer both run these. */
export function lookupsOf(plans: TermPlan[]): Lookup[] {
  const out: Lookup[] = [];
  for (const p of plans) {
    if (p.short && p.text && !p.prefix) out.push({ term: p.term, prefix: false, boost: p.weight });
    else {
      if (p.short) out.push({ term: p.term, fields: SHORT_FIELDS, prefix: p.prefix, boost: p.weight });
      if (p.text) out.push({ term: p.term, fields: TEXT_FIELDS, prefix: false, boost: p.weight });
    }
  }
  return out;
}

/** The MiniSearch query for a plan: one OR over every planned lookup, each with its fields and weight. */
export function toMiniQuery(plans: TermPlan[]): Query {
  const queries: Query[] = lookupsOf(plans).map(({ term, fields, prefix, boost }) => ({
    queries: [term],
    ...(fields ? { fields } : {}),
    ...(prefix ? { prefix } : {}),
    boostTerm: boost === 1 ? undefined : () => boost,
  }));
  return { combineWith: 'OR', queries };
}
