// Fuse.js's part of the search: typo and partial-word tolerance on the SHORT fields only.
// Fuse scans every entry it holds for each pattern (Bitap), so it is run over the vocabulary of
// titles, author names and method names — thousands of short words — not over documents and
// never over full text (the naive baseline in bench/ shows why). It turns a word the index does
// not know ("atention", "mobilnet", "schmidhuber" mistyped) into the few words it most likely
// meant; the inverted index then ranks the documents holding them.
import Fuse from 'fuse.js';

export interface Correction {
  term: string;
  /** Fuse score: 0 = exact, up to THRESHOLD. */
  score: number;
}

/** Bitap score above which a candidate is not offered (0 exact … 1 anything). */
const THRESHOLD = 0.34;
const LENGTH_PENALTY = 0.02;
const CLOSE_TO_BEST = 0.1;

export class ShortFieldCorrector {
  private readonly fuse: Fuse<string>;

  constructor(readonly vocabulary: readonly string[]) {
    this.fuse = new Fuse(vocabulary, {
      includeScore: true,
      threshold: THRESHOLD,
      // Words are short: where in the word the match sits should not matter ("former" -> "transformer").
      ignoreLocation: true,
      isCaseSensitive: true, // the vocabulary and the terms are already normalised
      shouldSort: true,
    });
  }

  /** Up to `max` vocabulary words close to `term` (which is normalised), best first. */
  correct(term: string, max = 3): Correction[] {
    if (term.length < 4) return [];
    // Bitap scores a pattern found inside a longer word as well as the word itself
    // ("transfomer" -> "nodetransformer"); a small length penalty prefers words of the typed length.
    const ranked = this.fuse
      .search(term, { limit: max * 4 })
      .filter((r) => r.item.length >= term.length - 2)
      .map((r) => ({ term: r.item, score: (r.score ?? 1) + LENGTH_PENALTY * Math.abs(r.item.length - term.length) }))
      .sort((a, b) => a.score - b.score);
    // Only candidates about as good as the best one: "reformr" means "reformer", not also "perform".
    const best = ranked[0]?.score ?? 0;
    return ranked.filter((c) => c.score <= best + CLOSE_TO_BEST).slice(0, max);
  }
}
