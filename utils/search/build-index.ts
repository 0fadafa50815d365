// Builds the serialized MiniSearch index shipped with a pack, so the popup never indexes on open.
import MiniSearch from 'minisearch';
import type { Pack } from '../corpus/pack';
import { SEARCH_OPTIONS, type SearchDoc } from './options';

export function searchDocs(pack: Pack): SearchDoc[] {
  return [
    ...pack.summaries.map((s) => ({
      id: `s:${s.id}`,
      kind: 'summary' as const,
      title: s.paper.title ?? '',
      authors: s.paper.authors.join(' '),
      ids: [s.paper.arxivId, s.paper.openreviewId].filter(Boolean).join(' '),
      text: s.markdown,
      year: s.paper.year,
    })),
    ...pack.concepts.map((c) => ({ id: `c:${c.id}`, kind: 'concept' as const, title: c.title, authors: '', ids: '', text: c.markdown, year: null })),
  ];
}

export function buildSearchIndex(pack: Pack): unknown {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(searchDocs(pack));
  return index.toJSON();
}
