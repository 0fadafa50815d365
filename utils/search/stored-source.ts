// An imported pack searched where its index lives (utils/search/store.ts). Opening costs one head
// row (field lengths, kinds and years of every document: ~1.4 MB at 100,000); each query reads
// the postings of its own words, in the fields the planner chose, and the documents it shows.
//
// The words read become a small MiniSearch index holding just those postings, with the pack's
// document count and average field lengths: MiniSearch then scores every document exactly as the
// whole index would, and the planner, typo correction and re-ranking are the ones the shipped
// corpus uses (engine.ts).
import MiniSearch, { type AsPlainObject, type SearchResult as MiniResult } from 'minisearch';
import { SEARCH_OPTIONS, type SearchDoc } from './options';
import type { SearchDocMeta } from './build-index';
import { ShortFieldCorrector } from './fuzzy';
import { CostModel, MIN_PREFIX, planQuery, toMiniQuery, type Alternative } from './plan';
import { CORRECTION_WEIGHT, RERANK_DEPTH, containsWord, rerankResults, type SearchFilters, type SearchHit, type SearchResponse } from './engine';
import { INDEX_FIELDS, type FieldGroup, type HeadRow, type Postings, type TermRow } from './postings';
import type { SearchStoreDB } from './store';

/** Prefix expansion reads at most this many words (a three-letter prefix of a 100,000-paper vocabulary). */
const MAX_PREFIX_WORDS = 2000;
/** Documents fetched at a time when a filter only the document can answer ("has notes") is on. */
const ACCEPT_BATCH = 100;

type WordHit = Omit<SearchHit, 'snippet'>;

const TERM_CACHE = 2000;
const PREFIX_CACHE = 50;
const META_CACHE = 2000;

/** A bounded map: the oldest entry goes first (Map keeps insertion order). */
function remember<K, V>(cache: Map<K, V>, key: K, value: V, max: number): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > max) cache.delete(cache.keys().next().value as K);
}

export class StoredSource {
  readonly packId: string;
  private readonly cost: CostModel;
  private corrector: Promise<ShortFieldCorrector> | null = null;
  private readonly fieldCount = INDEX_FIELDS.length;
  // Consecutive keystrokes share most of their words and results: kept for the popup's life, bounded.
  private readonly termCache = new Map<string, TermRow | null>();
  private readonly prefixCache = new Map<string, TermRow[]>();
  private readonly metaCache = new Map<number, SearchDocMeta>();

  constructor(
    private readonly db: SearchStoreDB,
    private readonly head: HeadRow,
  ) {
    this.packId = head.packId;
    this.cost = new CostModel(head.stats);
  }

  get size(): number {
    return this.head.documentCount;
  }

  /** The pack's finished index, or null when there is none (never built, or its write was stopped). */
  static async open(db: SearchStoreDB, packId: string, corpusVersion: string): Promise<StoredSource | null> {
    const head = await db.heads.get(`${packId}@${corpusVersion}`);
    return head ? new StoredSource(db, head) : null;
  }

  private get g(): string {
    return this.head.g;
  }

  async byId(arxivId: string | null, openreviewId: string | null): Promise<SearchDocMeta | undefined> {
    const row = (arxivId ? await this.db.docs.where('[g+a]').equals([this.g, arxivId]).first() : undefined) ?? (openreviewId ? await this.db.docs.where('[g+o]').equals([this.g, openreviewId]).first() : undefined);
    return row?.meta;
  }

  private async rows(keys: [FieldGroup, string][]): Promise<Map<string, TermRow>> {
    const out = new Map<string, TermRow>();
    const missing = keys.filter(([f, w]) => {
      const cached = this.termCache.get(`${f}:${w}`);
      if (cached) out.set(`${f}:${w}`, cached);
      return cached === undefined;
    });
    if (missing.length) {
      const found = await this.db.terms.bulkGet(missing.map(([f, w]) => [this.g, f, w]));
      missing.forEach(([f, w], i) => {
        const row = found[i] ?? null;
        remember(this.termCache, `${f}:${w}`, row, TERM_CACHE);
        if (row) out.set(`${f}:${w}`, row);
      });
    }
    return out;
  }

  /**
   * Short-field words beginning with `prefix`. Typing adds letters: the words of "mobi" are among
   * those of "mob", so a complete earlier answer is filtered instead of read again.
   */
  private async prefixRows(prefix: string): Promise<TermRow[]> {
    for (let n = prefix.length; n >= MIN_PREFIX; n--) {
      const earlier = this.prefixCache.get(prefix.slice(0, n));
      if (earlier && (n === prefix.length || earlier.length < MAX_PREFIX_WORDS)) return n === prefix.length ? earlier : earlier.filter((r) => r.w.startsWith(prefix));
    }
    const rows = await this.db.terms.where('[g+f+w]').between([this.g, 's', prefix], [this.g, 's', `${prefix}\uffff`], true, true).limit(MAX_PREFIX_WORDS).toArray();
    remember(this.prefixCache, prefix, rows, PREFIX_CACHE);
    return rows;
  }

  private loadCorrector(): Promise<ShortFieldCorrector> {
    this.corrector ??= this.db.vocabularies.get(this.g).then((v) => new ShortFieldCorrector(v?.words ?? []));
    return this.corrector;
  }

  async searchWords(terms: string[], request: { limit: number; partial: boolean; filters: SearchFilters }, corrections: SearchResponse['corrections']): Promise<WordHit[]> {
    const slots: Alternative[][] = terms.map((term) => [{ term, weight: 1 }]);
    // Words not common enough to be listed are cheap: read both groups now, which also tells
    // whether the pack knows them at all (an unknown word is likely a typo).
    const rare = [...new Set(terms.filter((t) => !this.cost.isCommon(t)))];
    const fetched = await this.rows(rare.flatMap((t) => [['s', t] as [FieldGroup, string], ['t', t] as [FieldGroup, string]]));
    const known = (t: string) => this.cost.isCommon(t) || fetched.has(`s:${t}`) || fetched.has(`t:${t}`);
    for (const [i, t] of terms.entries()) {
      const typing = request.partial && i === terms.length - 1 && t.length >= MIN_PREFIX;
      if (known(t) || /^\d+$/.test(t) || (typing && (await this.prefixRows(t).then((r) => r.length > 0)))) continue;
      const found = (await this.loadCorrector()).correct(t);
      if (!found.length) continue;
      corrections.push({ from: t, to: found.map((f) => f.term) });
      slots[i] = found.map((f) => ({ term: f.term, weight: CORRECTION_WEIGHT * Math.max(0.1, 1 - f.score) }));
    }

    const plans = planQuery(slots, request.partial, this.cost);
    const wanted: [FieldGroup, string][] = [];
    for (const p of plans) {
      if (p.short && !fetched.has(`s:${p.term}`)) wanted.push(['s', p.term]);
      if (p.text && !fetched.has(`t:${p.term}`)) wanted.push(['t', p.term]);
    }
    const [more, prefixed] = await Promise.all([this.rows(wanted), Promise.all(plans.filter((p) => p.prefix).map((p) => this.prefixRows(p.term)))]);
    const rows = [...fetched.values(), ...more.values(), ...prefixed.flat()];

    const index = this.subIndex(rows);
    const filter = this.filterFor(request.filters);
    let results = index.search(toMiniQuery(plans), { filter });
    const skipped = plans.filter((p) => !p.short || !p.text);
    if (skipped.length) {
      const docs = await this.metas(results.slice(0, RERANK_DEPTH).map((r) => r.id as number));
      results = rerankResults(results, skipped, (id, term, pattern) => containsWord(docs.get(id as number)!, term, pattern));
    }
    return this.hits(results, request.limit, request.filters.accept);
  }

  /** A MiniSearch index over just these postings, scored with the pack's own statistics. */
  private subIndex(rows: TermRow[]): MiniSearch<SearchDoc> {
    const byTerm = new Map<string, Record<string, Record<string, number>>>();
    const docs = new Set<number>();
    for (const row of rows) {
      let fields = byTerm.get(row.w);
      if (!fields) byTerm.set(row.w, (fields = {}));
      for (const [fieldId, flat] of Object.entries(row.p as Postings)) {
        const entry: Record<string, number> = (fields[fieldId] = {});
        for (let i = 0; i < flat.length; i += 2) {
          entry[flat[i]] = flat[i + 1];
          docs.add(flat[i]);
        }
      }
    }
    const documentIds: Record<string, number> = {};
    const fieldLength: Record<string, number[]> = {};
    for (const n of docs) {
      documentIds[n] = n;
      fieldLength[n] = Array.from(this.head.fieldLength.subarray(n * this.fieldCount, (n + 1) * this.fieldCount));
    }
    const js: AsPlainObject = {
      documentCount: this.head.documentCount,
      nextId: this.head.documentCount,
      documentIds,
      fieldIds: Object.fromEntries(INDEX_FIELDS.map((f, i) => [f, i])),
      fieldLength,
      averageFieldLength: this.head.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      index: [...byTerm],
      serializationVersion: 2,
    };
    return MiniSearch.loadJS<SearchDoc>(js, SEARCH_OPTIONS);
  }

  private filterFor({ kind = 'all', yearFrom = null, yearTo = null }: SearchFilters): ((r: MiniResult) => boolean) | undefined {
    if (kind === 'all' && yearFrom === null && yearTo === null) return undefined;
    const { kinds, years } = this.head;
    return (r) => {
      const n = r.id as number;
      if (kind === 'summaries' && kinds[n] !== 0) return false;
      if (kind === 'concepts' && kinds[n] !== 1) return false;
      if (yearFrom !== null || yearTo !== null) {
        const year = years[n];
        if (!year || (yearFrom !== null && year < yearFrom) || (yearTo !== null && year > yearTo)) return false;
      }
      return true;
    };
  }

  private async metas(ns: number[]): Promise<Map<number, SearchDocMeta>> {
    const out = new Map<number, SearchDocMeta>();
    const missing = ns.filter((n) => {
      const cached = this.metaCache.get(n);
      if (cached) out.set(n, cached);
      return !cached;
    });
    if (missing.length) {
      const rows = await this.db.docs.bulkGet(missing.map((n) => [this.g, n]));
      for (const r of rows) {
        if (!r) continue;
        out.set(r.n, r.meta);
        remember(this.metaCache, r.n, r.meta, META_CACHE);
      }
    }
    return out;
  }

  private async hits(results: MiniResult[], limit: number, accept: SearchFilters['accept']): Promise<WordHit[]> {
    const out: WordHit[] = [];
    const batch = accept ? ACCEPT_BATCH : limit;
    for (let i = 0; i < results.length && out.length < limit; i += batch) {
      const slice = results.slice(i, i + batch);
      const metas = await this.metas(slice.map((r) => r.id as number));
      for (const r of slice) {
        const doc = metas.get(r.id as number);
        if (!doc || (accept && !accept(doc))) continue;
        out.push({ packId: this.packId, doc, score: r.score, matchedBy: 'words', highlight: new Set(r.terms) });
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}
