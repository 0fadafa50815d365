// Fuse.js's part of the search: typo and partial-word tolerance on the SHORT fields only.
// Fuse scans every entry it holds for each pattern (Bitap), so it is run over the vocabulary of
// titles, author names and method names — short words — never over documents or full text (the
// naive baseline in bench/ shows why). It turns a word the index does not know ("atention",
// "mobilnet", a misspelt surname) into the few words it most likely meant; the inverted index then
// ranks the documents holding them.
//
// A large corpus has a large vocabulary (about 70,000 words at 100,000 summaries: ~100 ms per
// Fuse scan), so above SMALL_VOCABULARY a letter-pair index first picks the words sharing most
// letter pairs with the typed word (as spelling correctors do) and Fuse scores only those.
import Fuse from 'fuse.js';

export interface Correction {
  term: string;
  /** Fuse score plus a small length penalty: 0 = exact, lower is better. */
  score: number;
}

/** Bitap score above which a candidate is not offered (0 exact … 1 anything). */
const THRESHOLD = 0.34;
const LENGTH_PENALTY = 0.02;
const CLOSE_TO_BEST = 0.1;
/** Up to this many words Fuse scans the whole vocabulary (a few ms); above it, candidates first. */
const SMALL_VOCABULARY = 8000;
/** Candidates handed to Fuse after the letter-pair filter. */
const CANDIDATES = 200;

const FUSE_OPTIONS = {
  includeScore: true,
  threshold: THRESHOLD,
  // Words are short: where in the word the match sits should not matter ("former" -> "transformer").
  ignoreLocation: true,
  isCaseSensitive: true, // the vocabulary and the terms are already normalised
  shouldSort: true,
} as const;

/** Letter pairs of a word with start/end marks: "bert" -> ^b be er rt t$. */
function pairs(word: string): string[] {
  const w = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i < w.length - 1; i++) out.push(w.slice(i, i + 2));
  return out;
}

export class ShortFieldCorrector {
  private fuse: Fuse<string> | null = null;
  private pairIndex: Map<string, number[]> | null = null;

  constructor(readonly vocabulary: readonly string[]) {}

  /** Up to `max` vocabulary words close to `term` (which is normalised), best first. */
  correct(term: string, max = 3): Correction[] {
    if (term.length < 4) return [];
    const found = this.vocabulary.length <= SMALL_VOCABULARY ? this.wholeVocabulary().search(term, { limit: max * 4 }) : this.candidatesFuse(term)?.search(term, { limit: max * 4 }) ?? [];
    // Bitap scores a pattern found inside a longer word as well as the word itself
    // ("transfomer" -> "nodetransformer"); a small length penalty prefers words of the typed length.
    // A candidate is a typo fix (length within two letters) or the word the typed letters are part
    // of, verbatim ("former" -> "transformer"); a loose match inside a long word is neither ("bert"
    // is not "schmidhuber").
    const ranked = found
      .filter((r) => Math.abs(r.item.length - term.length) <= 2 || r.item.includes(term))
      .map((r) => ({ term: r.item, score: (r.score ?? 1) + LENGTH_PENALTY * Math.abs(r.item.length - term.length) }))
      .sort((a, b) => a.score - b.score);
    // Only candidates about as good as the best one: "reformr" means "reformer", not also "perform".
    const best = ranked[0]?.score ?? 0;
    return ranked.filter((c) => c.score <= best + CLOSE_TO_BEST).slice(0, max);
  }

  // Built on first use: most popup sessions never type a word the index does not know.
  private wholeVocabulary(): Fuse<string> {
    this.fuse ??= new Fuse(this.vocabulary, FUSE_OPTIONS);
    return this.fuse;
  }

  private candidatesFuse(term: string): Fuse<string> | null {
    if (!this.pairIndex) {
      this.pairIndex = new Map();
      this.vocabulary.forEach((word, i) => {
        for (const p of new Set(pairs(word))) {
          const list = this.pairIndex!.get(p);
          if (list) list.push(i);
          else this.pairIndex!.set(p, [i]);
        }
      });
    }
    const shared = new Uint8Array(this.vocabulary.length);
    const touched: number[] = [];
    for (const p of new Set(pairs(term))) for (const i of this.pairIndex.get(p) ?? []) if (shared[i]++ === 0) touched.push(i);
    // One typo breaks at most two pairs; a word sharing under half of them is no candidate.
    const need = Math.max(2, Math.floor((term.length + 1) / 2));
    const candidates = touched.filter((i) => shared[i] >= need).sort((a, b) => shared[b] - shared[a]).slice(0, CANDIDATES);
    return candidates.length ? new Fuse(candidates.map((i) => this.vocabulary[i]), FUSE_OPTIONS) : null;
  }
}
