import type { Options } from 'minisearch';

export interface SearchDoc {
  id: string;
  kind: 'summary' | 'concept';
  title: string;
  authors: string;
  ids: string;
  text: string;
  year: number | null;
}

// Shared by the build (index) and the popup (loadJSON): both sides must agree on these.
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'authors', 'ids', 'text'],
  storeFields: ['kind', 'title', 'year'],
  searchOptions: { boost: { title: 4, ids: 6, authors: 3 }, prefix: true, fuzzy: 0.2 },
};
