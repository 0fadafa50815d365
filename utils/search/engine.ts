// The popup's search engine. One SearchSource per corpus pack (the shipped one, and each imported
// pack), each a prebuilt MiniSearch index + its search docs; SearchEngine merges their results.
//
// The split, and why (figures from `npm run bench`, bench/results.json):
// - MiniSearch (inverted index, BM25, built at corpus build time, loaded with loadJSON, never
//   rebuilt on open) does everything that must scale: exact matches over title, authors, ids and
//   full text, and as-you-type prefix matches of the last word over the short fields. A word costs
//   the postings it touches, so plan.ts keeps each query under a postings budget using document
//   frequencies counted at build time: at 172 or 10,000 summaries nearly every word is looked up
//   everywhere; at 100,000, words found in tens of thousands of summaries ("learning") are looked
//   up in titles/authors and only re-rank the best candidates by their full text.
// - Fuse.js (Bitap, a linear scan) does typo and partial-word tolerance, over the short-field
//   vocabulary only — title words, author names, method/dataset names (fuzzy.ts) — and only for a
//   word no document holds. Its suggestions are searched in the index at a lower weight, and the
//   popup says what it searched instead. Fuse.js over title + full text (the naive design the bench
//   measures beside this one) costs ~100 ms per query at 172 summaries and seconds at 10,000.
//   MiniSearch's own fuzzy mode stays off: over a full-text vocabulary it matches many unrelated
//   words, and its cost grows with the vocabulary.
// - Ids and pasted arXiv/OpenReview URLs skip ranking: an exact map lookup.
import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import { SEARCH_INDEX_VERSION, SEARCH_OPTIONS, type SearchDoc } from './options';
import type { SearchArtifacts, SearchDocMeta, SearchDocsFile } from './build-index';
import { SEARCH_DOCS_FORMAT } from './build-index';
import { ShortFieldCorrector } from './fuzzy';
import { maybeOpenreviewId, parseQuery, type ParsedQuery } from './query';
import { buildSnippet, type SnippetPart } from './snippet';
import { CostModel, MIN_PREFIX, planQuery, toMiniQuery, type Alternative, type TermPlan } from './plan';
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
  /** Aborted when the answer is no longer wanted (a newer keystroke): stored packs stop reading. */
  signal?: AbortSignal;
}

/** What a pack's word search is asked. */
export interface WordRequest {
  limit: number;
  partial: boolean;
  filters: SearchFilters;
  signal?: AbortSignal;
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
export const CORRECTION_WEIGHT = 0.7;
/** Candidates re-ranked when the planner left common words out of some fields. */
export const RERANK_DEPTH = 200;

export function isSearchDocsFile(value: unknown): value is SearchDocsFile {
  const v = value as Partial<SearchDocsFile> | null;
  // Another version was written with other options or tokenizer: its index must not be misread.
  return !!v && v.format === SEARCH_DOCS_FORMAT && v.version === SEARCH_INDEX_VERSION && typeof v.packId === 'string' && Array.isArray(v.docs) && Array.isArray(v.vocabulary) && typeof v.stats?.df === 'object';
}

/** One pack's index, docs, cost model and typo corrector. */
export class SearchSource {
  readonly packId: string;
  readonly docs = new Map<string, SearchDocMeta>();
  private readonly byArxiv = new Map<string, SearchDocMeta>();
  private readonly byOpenreview = new Map<string, SearchDocMeta>();
  private readonly vocabulary: Set<string>;
  private readonly sortedVocabulary: string[];
  private readonly corrector: ShortFieldCorrector;
  private readonly cost: CostModel;
  /** Normalised title/author words per document, made on demand for re-ranking. */
  private readonly shortWords = new Map<string, Set<string>>();

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
    this.sortedVocabulary = [...docsFile.vocabulary].sort();
    this.corrector = new ShortFieldCorrector(docsFile.vocabulary);
    this.cost = new CostModel(docsFile.stats);
  }

  /** From the two shipped files' text / parsed docs (the popup's path). */
  static fromJSON(indexJson: string, docsFile: SearchDocsFile): SearchSource {
    return new SearchSource(MiniSearch.loadJSON<SearchDoc>(indexJson, SEARCH_OPTIONS), docsFile);
  }

  /** From artifacts already parsed (imported packs stored as objects). */
  static fromArtifacts(artifacts: SearchArtifacts): SearchSource {
    return new SearchSource(MiniSearch.loadJS<SearchDoc>(artifacts.index, SEARCH_OPTIONS), artifacts.docs);
  }

  /** Whether a title/author/method-name word begins with `prefix` (the vocabulary is sorted). */
  private vocabularyHasPrefix(prefix: string): boolean {
    const v = this.sortedVocabulary;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < v.length && v[lo].startsWith(prefix);
  }

  byId(arxivId: string | null, openreviewId: string | null): SearchDocMeta | undefined {
    return (arxivId ? this.byArxiv.get(arxivId) : undefined) ?? (openreviewId ? this.byOpenreview.get(openreviewId) : undefined);
  }

  /** Ranked word search in this pack: hits carry the words to highlight; snippets are cut later. */
  searchWords(terms: string[], request: WordRequest, corrections: SearchResponse['corrections']): Omit<SearchHit, 'snippet'>[] {
    const filter = this.filterFor(request.filters);
    const slots: Alternative[][] = terms.map((term) => [{ term, weight: 1 }]);

    // A word no document holds is likely a typo: Fuse.js says what it could be, and those words are
    // searched instead. Checked before the main search, cheaply: such a word is never a common
    // one (stats.df), so looking it up touches at most a few hundred postings.
    terms.forEach((t, i) => {
      const typing = request.partial && i === terms.length - 1 && t.length >= MIN_PREFIX;
      if (this.vocabulary.has(t) || this.cost.isCommon(t) || /^\d+$/.test(t) || (typing && this.vocabularyHasPrefix(t))) return;
      if (this.index.search(t, { prefix: false }).length > 0) return;
      const found = this.corrector.correct(t);
      if (!found.length) return;
      corrections.push({ from: t, to: found.map((f) => f.term) });
      slots[i] = found.map((f) => ({ term: f.term, weight: CORRECTION_WEIGHT * Math.max(0.1, 1 - f.score) }));
    });

    const plans = planQuery(slots, request.partial, this.cost);
    const results = this.index.search(toMiniQuery(plans), { filter });
    const skipped = plans.filter((p) => !p.short || !p.text);
    const ranked = skipped.length ? rerankResults(results, skipped, (id, term, pattern) => this.contains(id as string, term, pattern)) : results;
    return ranked.slice(0, request.limit).map((r) => this.toHit(r));
  }

  /** Whether a document holds a normalised word (title/author words cached: re-ranking asks often). */
  private contains(docId: string, term: string, pattern: RegExp): 'short' | 'text' | null {
    const doc = this.docs.get(docId)!;
    let short = this.shortWords.get(docId);
    if (!short) {
      short = shortWordsOf(doc);
      if (this.shortWords.size > 5000) this.shortWords.clear(); // bounded: re-ranking touches few documents
      this.shortWords.set(docId, short);
    }
    return short.has(term) ? 'short' : pattern.test(doc.text) ? 'text' : null;
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

const shortWordsOf = (doc: SearchDocMeta) => new Set(tokenize(`${doc.title} ${doc.authors.join(' ')}`).map(normaliseTerm));

/** Whether a document holds a normalised word: in its title/authors, its text, or not at all. */
export function containsWord(doc: SearchDocMeta, term: string, pattern: RegExp): 'short' | 'text' | null {
  return shortWordsOf(doc).has(term) ? 'short' : pattern.test(doc.text) ? 'text' : null;
}

/**
 * The planner left some words out of some fields (too common to look up at this corpus size):
 * the best candidates gain what a match on those words would have given them.
 */
export function rerankResults<R extends Pick<MiniResult, 'id' | 'score' | 'terms' | 'queryTerms'>>(results: R[], skipped: TermPlan[], contains: (id: R['id'], term: string, pattern: RegExp) => 'short' | 'text' | null): R[] {
  const patterns = new Map(skipped.map((p) => [p.term, wordPattern(p.term)]));
  const head = results.slice(0, RERANK_DEPTH).map((r) => {
    const present = new Set(r.queryTerms);
    let extra = 0;
    const slotsFound = new Set<number>();
    for (const p of skipped) {
      if (present.has(p.term) || slotsFound.has(p.slot)) continue;
      const where = contains(r.id, p.term, patterns.get(p.term)!);
      if (where) {
        slotsFound.add(p.slot);
        extra += p.weight * (where === 'short' ? 2 : 1);
        if (!r.terms.includes(p.term)) r.terms.push(p.term); // highlighted in the snippet too
      }
    }
    const quality = Math.max(1, r.queryTerms.length);
    return { ...r, score: (r.score / quality) * (quality + extra) };
  });
  head.sort((a, b) => b.score - a.score);
  return head.concat(results.slice(RERANK_DEPTH));
}

/** The word as a whole word, any case (the text is not normalised; a miss only costs a re-rank bonus). */
function wordPattern(term: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
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

/** A pack searched where its index lives (stored-source.ts): the same answers, asynchronously. */
export interface AsyncSource {
  readonly packId: string;
  readonly size: number;
  byId(arxivId: string | null, openreviewId: string | null): Promise<SearchDocMeta | undefined>;
  searchWords(terms: string[], request: WordRequest, corrections: SearchResponse['corrections']): Promise<Omit<SearchHit, 'snippet'>[]>;
}

type WordHit = Omit<SearchHit, 'snippet'>;

/** What a query asks of every source, once parsed. */
interface Prepared {
  query: ParsedQuery;
  limit: number;
  filters: SearchFilters;
  snippets: boolean;
  /** Word queries: normalised terms; id queries: the ids; empty: nothing to do. */
  terms: string[];
  ids: { arxivId: string | null; openreviewId: string | null } | null;
  partial: boolean;
  signal?: AbortSignal;
}

function prepare(raw: string, request: SearchRequest): Prepared {
  const query = parseQuery(raw);
  const base = { query, limit: request.limit ?? 20, filters: request.filters ?? {}, snippets: request.snippets !== false, partial: request.partial ?? true, signal: request.signal };
  if (query.kind === 'empty') return { ...base, terms: [], ids: null };
  if (query.kind === 'id') return { ...base, terms: [], ids: { arxivId: query.arxivId, openreviewId: query.openreviewId } };
  // A lone word shaped like an OpenReview id ("rkgNKkHtvB") that names a paper: that paper first.
  const orId = maybeOpenreviewId(query.text);
  return { ...base, terms: tokenize(query.text).map(normaliseTerm).filter(Boolean).slice(0, MAX_TERMS), ids: orId ? { arxivId: null, openreviewId: orId } : null };
}

function acceptable(doc: SearchDocMeta, filters: SearchFilters): boolean {
  return passes(doc, filters) && (!filters.accept || filters.accept(doc));
}

function idHit(packId: string, doc: SearchDocMeta): SearchHit {
  return { packId, doc, score: Number.POSITIVE_INFINITY, matchedBy: 'id', highlight: new Set(), snippet: buildSnippet(doc.text, new Set()) };
}

/** Id hits first, then word hits best first, each paper once; snippets cut for what is shown. */
function merge(p: Prepared, exact: SearchHit[], words: WordHit[]): SearchHit[] {
  words.sort((a, b) => b.score - a.score);
  const seen = new Set(exact.map((h) => `${h.packId}|${h.doc.id}`));
  const hits = [...exact];
  for (const h of words) {
    if (hits.length >= p.limit) break;
    if (seen.has(`${h.packId}|${h.doc.id}`)) continue;
    hits.push({ ...h, snippet: p.snippets ? buildSnippet(h.doc.text, h.highlight) : [] });
  }
  return hits;
}

/**
 * Searches every pack and merges their results: packs held in memory (the shipped corpus) answer
 * at once (`search`); packs searched where they are stored join in `searchAll`.
 */
export class SearchEngine {
  private readonly sources = new Map<string, SearchSource>();
  private readonly stored = new Map<string, AsyncSource>();

  constructor(sources: (SearchSource | AsyncSource)[] = []) {
    for (const s of sources) this.add(s);
  }

  /** Adds (or replaces) one pack's source, e.g. after a pack import. */
  add(source: SearchSource | AsyncSource): void {
    this.remove(source.packId);
    if (source instanceof SearchSource) this.sources.set(source.packId, source);
    else this.stored.set(source.packId, source);
  }

  remove(packId: string): void {
    this.sources.delete(packId);
    this.stored.delete(packId);
  }

  /** Whether some pack is searched where it is stored (searchAll needed). */
  get hasStored(): boolean {
    return this.stored.size > 0;
  }

  get packIds(): string[] {
    return [...this.sources.keys(), ...this.stored.keys()];
  }

  get size(): number {
    let n = 0;
    for (const s of this.sources.values()) n += s.docs.size;
    for (const s of this.stored.values()) n += s.size;
    return n;
  }

  /** The packs held in memory only. */
  search(raw: string, request: SearchRequest = {}): SearchResponse {
    const p = prepare(raw, request);
    const corrections: SearchResponse['corrections'] = [];
    const exact = p.ids ? this.memoryIdHits(p) : [];
    if (p.query.kind !== 'words' || !p.terms.length) return { query: p.query, hits: exact, corrections };
    const words: WordHit[] = [];
    for (const source of this.sources.values()) words.push(...source.searchWords(p.terms, { limit: p.limit, partial: p.partial, filters: p.filters }, corrections));
    return { query: p.query, hits: merge(p, exact, words), corrections };
  }

  /** Every pack, in memory and stored. */
  async searchAll(raw: string, request: SearchRequest = {}): Promise<SearchResponse> {
    const p = prepare(raw, request);
    const corrections: SearchResponse['corrections'] = [];
    const stored = [...this.stored.values()];
    const exact = p.ids ? [...this.memoryIdHits(p), ...(await this.storedIdHits(p, stored))] : [];
    if (p.query.kind !== 'words' || !p.terms.length) return { query: p.query, hits: exact, corrections };
    const request_: WordRequest = { limit: p.limit, partial: p.partial, filters: p.filters, signal: p.signal };
    const words: WordHit[] = [];
    for (const source of this.sources.values()) words.push(...source.searchWords(p.terms, request_, corrections));
    for (const found of await Promise.all(stored.map((s) => s.searchWords(p.terms, request_, corrections)))) words.push(...found);
    return { query: p.query, hits: merge(p, exact, words), corrections: dedupeCorrections(corrections) };
  }

  private memoryIdHits({ ids, filters }: Prepared): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const source of this.sources.values()) {
      const doc = source.byId(ids!.arxivId, ids!.openreviewId);
      if (doc && acceptable(doc, filters)) hits.push(idHit(source.packId, doc));
    }
    return hits;
  }

  private async storedIdHits({ ids, filters }: Prepared, stored: AsyncSource[]): Promise<SearchHit[]> {
    const docs = await Promise.all(stored.map((s) => s.byId(ids!.arxivId, ids!.openreviewId)));
    return docs.flatMap((doc, i) => (doc && acceptable(doc, filters) ? [idHit(stored[i].packId, doc)] : []));
  }
}

/** Several packs may correct the same word: say it once, with every suggestion. */
function dedupeCorrections(corrections: SearchResponse['corrections']): SearchResponse['corrections'] {
  const byWord = new Map<string, Set<string>>();
  for (const c of corrections) {
    const to = byWord.get(c.from) ?? new Set<string>();
    for (const t of c.to) to.add(t);
    byWord.set(c.from, to);
  }
  return [...byWord].map(([from, to]) => ({ from, to: [...to] }));
}
