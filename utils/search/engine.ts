// The popup's search engine. One SearchSource per corpus pack (the shipped one, and each imported
// pack), each a prebuilt MiniSearch index + its search docs; SearchEngine merges their results.
//
// The split, and why (numbers: `npm run bench`, bench/results.json):
// - MiniSearch (inverted index, BM25, built at corpus build time, loaded with loadJSON) does the
//   work that must scale: exact and as-you-type prefix matches over every field, full text
//   included. A query touches only the postings of its own words, so its cost grows with the
//   matches, not with the corpus.
// - Fuse.js (Bitap, linear scan) does typo and partial-word tolerance, over the short-field
//   vocabulary only (titles, author names, method names: fuzzy.ts). It runs only for a query word
//   the index does not know, and its suggestions are searched in the index at a lower weight.
//   Fuse over title + full text, the naive design, costs ~100 ms per query at 172 summaries and
//   seconds at 10,000; MiniSearch's own fuzzy mode is off because, over a full-text vocabulary,
//   it matches many unrelated words and its cost grows with the vocabulary.
// - Ids and pasted arXiv/OpenReview URLs skip ranking: an exact map lookup.
import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch';
import { SEARCH_OPTIONS, type SearchDoc } from './options';
import type { SearchArtifacts, SearchDocMeta, SearchDocsFile } from './build-index';
import { SEARCH_DOCS_FORMAT } from './build-index';
import { ShortFieldCorrector } from './fuzzy';
import { maybeOpenreviewId, parseQuery, type ParsedQuery } from './query';
import { buildSnippet, type SnippetPart } from './snippet';
import { normaliseTerm, tokenize } from './text';

export type KindFilter = 'all' | 'summaries' | 'concepts';

export interface SearchFilters {
  kind?: KindFilter;
  /** Year range (inclusive). When either end is set, only documents with a year in range pass (papers only). */
  yearFrom?: number | null;
  yearTo?: number | null;
  /** Extra test, e.g. "has notes" (the popup knows which papers do). */
  accept?: (doc: SearchDocMeta) => boolean;
}

export interface SearchRequest {
  /** Most results returned (after merging sources). Default 20. */
  limit?: number;
  filters?: SearchFilters;
  /** The last word may be unfinished (typing): also match words it begins. Default true. */
  partial?: boolean;
  /** Cut highlighted snippets for the returned hits. Default true. */
  snippets?: boolean;
}

export interface SearchHit {
  packId: string;
  doc: SearchDocMeta;
  score: number;
  /** 'id': the query was this paper's id or URL. */
  matchedBy: 'id' | 'words';
  /** Normalised words to highlight (what matched in this document). */
  highlight: ReadonlySet<string>;
  snippet: SnippetPart[];
}

export interface SearchResponse {
  query: ParsedQuery;
  hits: SearchHit[];
  /** Query words the index did not know, and what Fuse.js searched instead. */
  corrections: { from: string; to: string[] }[];
}

/** Query words beyond this are ignored (a pasted paragraph must not stall the popup). */
const MAX_TERMS = 12;
/** A correction weighs this much of an exact word, scaled down by its Fuse score. */
const CORRECTION_WEIGHT = 0.7;
/** Typing "tr" would expand to thousands of words; prefixes start at three letters. */
const MIN_PREFIX = 3;

export function isSearchDocsFile(value: unknown): value is SearchDocsFile {
  const v = value as Partial<SearchDocsFile> | null;
  return !!v && v.format === SEARCH_DOCS_FORMAT && typeof v.packId === 'string' && Array.isArray(v.docs) && Array.isArray(v.vocabulary);
}

/** One pack's index, docs and typo corrector. */
export class SearchSource {
  readonly packId: string;
  readonly docs = new Map<string, SearchDocMeta>();
  private readonly byArxiv = new Map<string, SearchDocMeta>();
  private readonly byOpenreview = new Map<string, SearchDocMeta>();
  private readonly vocabulary: Set<string>;
  private readonly corrector: ShortFieldCorrector;

  constructor(
    readonly index: MiniSearch<SearchDoc>,
    docsFile: SearchDocsFile,
  ) {
    this.packId = docsFile.packId;
    for (const d of docsFile.docs) {
      this.docs.set(d.id, d);
      if (d.arxivId) this.byArxiv.set(d.arxivId, d);
      if (d.openreviewId) this.byOpenreview.set(d.openreviewId, d);
    }
    this.vocabulary = new Set(docsFile.vocabulary);
    this.corrector = new ShortFieldCorrector(docsFile.vocabulary);
  }

  /** From the two shipped files' text / parsed docs (the popup's path). */
  static fromJSON(indexJson: string, docsFile: SearchDocsFile): SearchSource {
    return new SearchSource(MiniSearch.loadJSON<SearchDoc>(indexJson, SEARCH_OPTIONS), docsFile);
  }

  /** From artifacts already parsed (imported packs stored as objects). */
  static fromArtifacts(artifacts: SearchArtifacts): SearchSource {
    return new SearchSource(MiniSearch.loadJS<SearchDoc>(artifacts.index as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS), artifacts.docs);
  }

  byId(arxivId: string | null, openreviewId: string | null): SearchDocMeta | undefined {
    return (arxivId ? this.byArxiv.get(arxivId) : undefined) ?? (openreviewId ? this.byOpenreview.get(openreviewId) : undefined);
  }

  /** Ranked word search in this pack: hits carry the words to highlight; snippets are cut later. */
  searchWords(terms: string[], request: Required<Pick<SearchRequest, 'limit' | 'partial'>> & { filters: SearchFilters }, corrections: SearchResponse['corrections']): Omit<SearchHit, 'snippet'>[] {
    const filter = this.filterFor(request.filters);
    const lastPartial = request.partial && terms[terms.length - 1].length >= MIN_PREFIX;
    const termQuery = (term: string, i: number): Query =>
      i === terms.length - 1 && lastPartial ? { queries: [term], prefix: true } : term;

    let results = this.index.search({ combineWith: 'OR', queries: terms.map(termQuery) }, { filter });

    // Words no document matched are likely typos: ask Fuse.js for what they could be, search again.
    const matched = new Set<string>();
    for (const r of results) for (const t of r.queryTerms) matched.add(t);
    const fixes = new Map<number, { term: string; score: number }[]>();
    terms.forEach((t, i) => {
      if (matched.has(t) || this.vocabulary.has(t) || /^\d+$/.test(t)) return;
      const found = this.corrector.correct(t);
      if (found.length) fixes.set(i, found);
    });
    if (fixes.size > 0) {
      for (const [i, found] of fixes) corrections.push({ from: terms[i], to: found.map((f) => f.term) });
      const queries = terms.map((t, i): Query => {
        const found = fixes.get(i);
        if (!found) return termQuery(t, i);
        return {
          combineWith: 'OR',
          queries: found.map((f) => ({ queries: [f.term], boostTerm: () => CORRECTION_WEIGHT * (1 - f.score) })),
        };
      });
      results = this.index.search({ combineWith: 'OR', queries }, { filter });
    }

    return results.slice(0, request.limit).map((r) => this.toHit(r));
  }

  private toHit(r: MiniResult): Omit<SearchHit, 'snippet'> {
    return { packId: this.packId, doc: this.docs.get(r.id as string)!, score: r.score, matchedBy: 'words', highlight: new Set(r.terms) };
  }

  private filterFor(filters: SearchFilters): ((r: MiniResult) => boolean) | undefined {
    const { kind = 'all', yearFrom = null, yearTo = null, accept } = filters;
    if (kind === 'all' && yearFrom === null && yearTo === null && !accept) return undefined;
    return (r) => {
      const doc = this.docs.get(r.id as string);
      return !!doc && passes(doc, filters) && (!accept || accept(doc));
    };
  }
}

function passes(doc: SearchDocMeta, { kind = 'all', yearFrom = null, yearTo = null }: SearchFilters): boolean {
  if (kind === 'summaries' && doc.kind !== 'summary') return false;
  if (kind === 'concepts' && doc.kind !== 'concept') return false;
  if (yearFrom !== null || yearTo !== null) {
    if (doc.year === null) return false;
    if (yearFrom !== null && doc.year < yearFrom) return false;
    if (yearTo !== null && doc.year > yearTo) return false;
  }
  return true;
}

/** Searches every loaded pack and merges their results. */
export class SearchEngine {
  private readonly sources = new Map<string, SearchSource>();

  constructor(sources: SearchSource[] = []) {
    for (const s of sources) this.add(s);
  }

  /** Adds (or replaces) one pack's source, e.g. after a pack import. */
  add(source: SearchSource): void {
    this.sources.set(source.packId, source);
  }

  remove(packId: string): void {
    this.sources.delete(packId);
  }

  get packIds(): string[] {
    return [...this.sources.keys()];
  }

  get size(): number {
    let n = 0;
    for (const s of this.sources.values()) n += s.docs.size;
    return n;
  }

  search(raw: string, request: SearchRequest = {}): SearchResponse {
    const limit = request.limit ?? 20;
    const filters = request.filters ?? {};
    const query = parseQuery(raw);
    const corrections: SearchResponse['corrections'] = [];
    if (query.kind === 'empty') return { query, hits: [], corrections };

    if (query.kind === 'id') return { query, hits: this.idHits(query.arxivId, query.openreviewId, filters), corrections };

    // A lone word shaped like an OpenReview id ("rkgNKkHtvB") that names a paper: that paper first.
    const orId = maybeOpenreviewId(query.text);
    const exact = orId ? this.idHits(null, orId, filters) : [];

    const terms = tokenize(query.text).map(normaliseTerm).filter(Boolean).slice(0, MAX_TERMS);
    if (terms.length === 0) return { query, hits: exact, corrections };
    const partial = request.partial ?? true;
    const merged: Omit<SearchHit, 'snippet'>[] = [];
    for (const source of this.sources.values()) merged.push(...source.searchWords(terms, { limit, partial, filters }, corrections));
    merged.sort((a, b) => b.score - a.score);

    const seen = new Set(exact.map((h) => `${h.packId}|${h.doc.id}`));
    const hits = [...exact];
    for (const h of merged) {
      if (hits.length >= limit) break;
      if (seen.has(`${h.packId}|${h.doc.id}`)) continue;
      hits.push({ ...h, snippet: request.snippets === false ? [] : buildSnippet(h.doc.text, h.highlight) });
    }
    return { query, hits, corrections };
  }

  private idHits(arxivId: string | null, openreviewId: string | null, filters: SearchFilters): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const source of this.sources.values()) {
      const doc = source.byId(arxivId, openreviewId);
      if (!doc || !passes(doc, filters) || (filters.accept && !filters.accept(doc))) continue;
      hits.push({ packId: source.packId, doc, score: Number.POSITIVE_INFINITY, matchedBy: 'id', highlight: new Set(), snippet: buildSnippet(doc.text, new Set()) });
    }
    return hits;
  }
}
