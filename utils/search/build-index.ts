// Builds what a pack ships for search, at corpus build time (or when a pack is imported), so the
// popup never indexes on open:
// - the serialized MiniSearch index (search-index.json), loaded with MiniSearch.loadJSON;
// - the search docs (search-docs.json): per document the few fields a result row shows plus the
//   plain text snippets are cut from, and the short-field vocabulary Fuse.js corrects typos against.
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { PackConcept, PackSummary } from '../corpus/pack';
import { SEARCH_INDEX_VERSION, SEARCH_OPTIONS, type SearchDoc } from './options';
import { normaliseTerm, plainText, tokenize } from './text';

/** What the search build reads from a pack (a whole Pack fits; synthetic bench corpora too). */
export interface SearchablePack {
  id?: string;
  summaries: ReadonlyArray<Pick<PackSummary, 'id' | 'markdown'> & { paper: Pick<PackSummary['paper'], 'title' | 'authors' | 'year' | 'arxivId' | 'openreviewId'> }>;
  concepts: ReadonlyArray<Pick<PackConcept, 'id' | 'title' | 'module' | 'markdown'>>;
}

/** What a result row needs about one indexed document. */
export interface SearchDocMeta {
  /** Same id as in the index: `s:<summaryId>` or `c:<conceptId>`. */
  id: string;
  kind: 'summary' | 'concept';
  title: string;
  authors: string[];
  year: number | null;
  arxivId: string | null;
  openreviewId: string | null;
  /** Concepts: the course they come from. */
  module: string | null;
  /** Plain text (markdown removed) that snippets are cut from. */
  text: string;
}

export const SEARCH_DOCS_FORMAT = 'summary-lens-search-docs';

export interface SearchDocsFile {
  format: typeof SEARCH_DOCS_FORMAT;
  version: number;
  packId: string;
  docs: SearchDocMeta[];
  /** Normalised words of the short fields (titles, author names, method names): what Fuse.js matches typos against. */
  vocabulary: string[];
  stats: SearchStats;
}

/** How many documents hold each common word, per field group: what a query will cost. */
export interface SearchStats {
  documentCount: number;
  /** Words in at least this many (field, document) pairs are listed in df. */
  listedFrom: number;
  /** word -> [documents with it in title/authors/ids (summed per field), documents with it in the full text]. */
  df: Record<string, [number, number]>;
}

/** Everything one pack needs to be searchable; the pack-import code stores this per imported pack. */
export interface SearchArtifacts {
  /** MiniSearch.toJSON() output; serialise with JSON.stringify, load with MiniSearch.loadJSON(text, SEARCH_OPTIONS). */
  index: AsPlainObject;
  docs: SearchDocsFile;
}

export const summaryDocId = (summaryId: string) => `s:${summaryId}`;
export const conceptDocId = (conceptId: string) => `c:${conceptId}`;

export function searchDocMetas(pack: SearchablePack): SearchDocMeta[] {
  return [
    ...pack.summaries.map((s) => ({
      id: summaryDocId(s.id),
      kind: 'summary' as const,
      title: s.paper.title ?? '',
      authors: [...s.paper.authors],
      year: s.paper.year,
      arxivId: s.paper.arxivId,
      openreviewId: s.paper.openreviewId,
      module: null,
      text: plainText(s.markdown),
    })),
    ...pack.concepts.map((c) => ({
      id: conceptDocId(c.id),
      kind: 'concept' as const,
      title: c.title,
      authors: [],
      year: null,
      arxivId: null,
      openreviewId: null,
      module: c.module,
      text: plainText(c.markdown),
    })),
  ];
}

/** Documents in the shape the MiniSearch index is built from. */
export function searchDocs(pack: SearchablePack, metas = searchDocMetas(pack)): SearchDoc[] {
  return metas.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    authors: m.authors.join(' '),
    ids: [m.arxivId, m.openreviewId].filter(Boolean).join(' '),
    text: m.text,
    year: m.year,
  }));
}

/**
 * Method and dataset names as written in running text: words with an inner capital or mixing
 * letters and digits ("SimCLR", "ImageNet", "ELMo", "BERT", "CIFAR10"). They join the short-field
 * vocabulary so a misspelt method name that only a summary mentions is still corrected.
 */
const NAME_LIKE = /\b[A-Za-z0-9]*(?:[A-Za-z0-9][A-Z]|[A-Za-z][0-9]|[0-9][A-Za-z])[A-Za-z0-9]*/g;

export function shortFieldVocabulary(metas: ReadonlyArray<SearchDocMeta>): string[] {
  const words = new Set<string>();
  const add = (raw: string) => {
    const t = normaliseTerm(raw);
    // Fuzzy matching words of one or two letters finds everything; ids are matched exactly elsewhere.
    if (t.length >= 3 && !/^\d+$/.test(t)) words.add(t);
  };
  for (const m of metas) {
    for (const w of tokenize(m.title)) add(w);
    for (const a of m.authors) for (const w of tokenize(a)) add(w);
    for (const w of m.text.match(NAME_LIKE) ?? []) if (/[A-Za-z]/.test(w)) add(w);
  }
  return [...words].sort();
}

/** Words in fewer documents than this are not listed in the stats: the planner treats them as cheap. */
export const DF_LISTED = 200;

export function buildSearchArtifacts(pack: SearchablePack): SearchArtifacts {
  const metas = searchDocMetas(pack);
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(searchDocs(pack, metas));
  const json = index.toJSON();
  return {
    index: json,
    docs: {
      format: SEARCH_DOCS_FORMAT,
      version: SEARCH_INDEX_VERSION,
      packId: pack.id ?? 'pack',
      docs: metas,
      vocabulary: shortFieldVocabulary(metas),
      stats: { documentCount: metas.length, listedFrom: DF_LISTED, df: documentFrequencies(json) },
    },
  };
}

/**
 * Document frequencies of the common words, read from the serialized index (its documented
 * plain-object form: term -> field id -> document -> term frequency): the planner's cost model.
 */
export function documentFrequencies(json: AsPlainObject, listedFrom = DF_LISTED): Record<string, [number, number]> {
  const textId = String(json.fieldIds.text);
  const listed: Record<string, [number, number]> = {};
  for (const [term, fields] of json.index) {
    let short = 0;
    let text = 0;
    for (const fieldId in fields) {
      let n = 0;
      for (const _doc in fields[fieldId]) n++;
      if (fieldId === textId) text += n;
      else short += n;
    }
    if (short + text >= listedFrom) listed[term] = [short, text];
  }
  return listed;
}

/** The serialized MiniSearch index alone (kept for callers that only need the index). */
export function buildSearchIndex(pack: SearchablePack): unknown {
  return buildSearchArtifacts(pack).index;
}
