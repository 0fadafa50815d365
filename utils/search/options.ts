import type { Options } from 'minisearch';
import { normaliseTerm, STOP_WORDS, tokenize } from './text';

/** One document of the inverted index: a summary (with its paper) or a background-concept section. */
export interface SearchDoc {
  /** `s:<summaryId>` or `c:<conceptId>`. */
  id: string;
  kind: 'summary' | 'concept';
  title: string;
  authors: string;
  ids: string;
  text: string;
  year: number | null;
}

/** Bumped whenever SEARCH_OPTIONS or the tokenizer change: a stored index from another version is rebuilt, not misread. */
export const SEARCH_INDEX_VERSION = 2;

/** Field weights: a word in the title says far more about a paper than the same word deep in a summary. */
export const FIELD_BOOST = { title: 5, ids: 6, authors: 4, text: 1 } as const;

// Shared by the build (index) and the popup (loadJSON): both sides must agree on these.
// Stop words are dropped from the full text only (see text.ts); queries keep them, so they still
// match titles. Nothing is stored in the index: result metadata comes from search-docs.json.
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'authors', 'ids', 'text'],
  storeFields: [],
  tokenize: (text) => tokenize(text),
  processTerm: (term, fieldName) => {
    const t = normaliseTerm(term);
    return fieldName === 'text' && STOP_WORDS.has(t) ? null : t;
  },
  searchOptions: { boost: { ...FIELD_BOOST } },
};
