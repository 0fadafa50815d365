// An imported pack searched where its index lives (utils/search/store.ts). Opening costs one head
// row (field lengths, kinds and years of every document: ~1.4 MB at 100,000); each query reads
// the postings of its own words, in the fields the planner chose, and the documents it shows.
//
// The postings read are scored where they lie (stored-score.ts: MiniSearch's BM25 with the pack's
// document count and average field lengths), so every document scores exactly as in the whole
// index; the planner, typo correction and re-ranking are the ones the shipped corpus uses
// (engine.ts). A query without typos costs one round of reads, then its documents' rows.
import type { SearchDocMeta } from './build-index';
import { ShortFieldCorrector } from './fuzzy';
import { CostModel, MIN_PREFIX, lookupsOf, planQuery, type Alternative, type TermPlan } from './plan';
import { CORRECTION_WEIGHT, RERANK_DEPTH, containsWord, rerankResults, type SearchFilters, type SearchHit, type SearchResponse, type WordRequest } from './engine';
import type { FieldGroup, HeadRow, TermRow } from './postings';
import { PostingsScorer, type ReadPostings, type ScoredDoc } from './stored-score';
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
  private scorerMade: PostingsScorer | null = null;
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

  /** Made on the first query: its arrays are sized to the pack. */
  private get scorer(): PostingsScorer {
    this.scorerMade ??= new PostingsScorer(this.head);
    return this.scorerMade;
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
    const asked = new Set<string>();
    const missing = keys.filter(([f, w]) => {
      const key = `${f}:${w}`;
      if (asked.has(key)) return false;
      asked.add(key);
      const cached = this.termCache.get(key);
      if (cached) out.set(key, cached);
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

  async searchWords(terms: string[], request: WordRequest, corrections: SearchResponse['corrections']): Promise<WordHit[]> {
    const stopped = () => request.signal?.aborted === true;
    let corrected = false;
    const slots: Alternative[][] = terms.map((term) => [{ term, weight: 1 }]);
    // One round of reads for the usual query (no typo): the rare words in both groups (which also
    // tells whether the pack knows them at all: an unknown word is likely a typo), what the plan
    // without corrections looks up, and the words the last one begins.
    const rare = [...new Set(terms.filter((t) => !this.cost.isCommon(t)))];
    const guess = planQuery(slots, request.partial, this.cost);
    const [fetched] = await Promise.all([this.rows([...rare.flatMap((t) => [['s', t] as [FieldGroup, string], ['t', t] as [FieldGroup, string]]), ...this.keysOf(guess)]), ...guess.filter((p) => p.prefix).map((p) => this.prefixRows(p.term))]);
    if (stopped()) return [];
    const known = (t: string) => this.cost.isCommon(t) || fetched.has(`s:${t}`) || fetched.has(`t:${t}`);
    for (const [i, t] of terms.entries()) {
      const typing = request.partial && i === terms.length - 1 && t.length >= MIN_PREFIX;
      if (known(t) || /^\d+$/.test(t) || (typing && (await this.prefixRows(t).then((r) => r.length > 0)))) continue;
      const found = (await this.loadCorrector()).correct(t);
      if (!found.length) continue;
      corrections.push({ from: t, to: found.map((f) => f.term) });
      slots[i] = found.map((f) => ({ term: f.term, weight: CORRECTION_WEIGHT * Math.max(0.1, 1 - f.score) }));
      corrected = true;
    }
    // With corrections the plan differs: a second round reads what it adds (cached rows cost no read).
    const plans = corrected ? planQuery(slots, request.partial, this.cost) : guess;
    const wanted = this.keysOf(plans).filter(([f, w]) => !fetched.has(`${f}:${w}`));
    const prefixes = plans.filter((p) => p.prefix).map((p) => p.term);
    const [more, prefixed] = await Promise.all([this.rows(wanted), Promise.all(prefixes.map((t) => this.prefixRows(t)))]);
    if (stopped()) return [];
    const byPrefix = new Map(prefixes.map((t, i) => [t, prefixed[i]]));
    const read: ReadPostings = {
      row: (f, w) => fetched.get(`${f}:${w}`) ?? more.get(`${f}:${w}`),
      prefixed: (t) => byPrefix.get(t) ?? [],
    };
    const skipped = plans.filter((p) => !p.short || !p.text);
    // A filter only the document answers ("has notes") may pass over many: keep every match then.
    const keep = request.filters.accept ? Number.POSITIVE_INFINITY : Math.max(request.limit, skipped.length ? RERANK_DEPTH : 0);
    let results = this.scorer.run(lookupsOf(plans), read, keep, this.filterFor(request.filters));
    if (skipped.length) {
      const docs = await this.metas(results.slice(0, RERANK_DEPTH).map((r) => r.id));
      if (stopped()) return [];
      results = rerankResults(results, skipped, (id, term, pattern) => containsWord(docs.get(id)!, term, pattern));
    }
    return this.hits(results, request.limit, request.filters.accept);
  }

  /** The rows a plan looks up. */
  private keysOf(plans: TermPlan[]): [FieldGroup, string][] {
    const keys: [FieldGroup, string][] = [];
    for (const p of plans) {
      if (p.short) keys.push(['s', p.term]);
      if (p.text) keys.push(['t', p.term]);
    }
    return keys;
  }

  private filterFor({ kind = 'all', yearFrom = null, yearTo = null }: SearchFilters): ((n: number) => boolean) | undefined {
    if (kind === 'all' && yearFrom === null && yearTo === null) return undefined;
    const { kinds, years } = this.head;
    return (n) => {
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

  private async hits(results: ScoredDoc[], limit: number, accept: SearchFilters['accept']): Promise<WordHit[]> {
    const out: WordHit[] = [];
    const batch = accept ? ACCEPT_BATCH : limit;
    for (let i = 0; i < results.length && out.length < limit; i += batch) {
      const slice = results.slice(i, i + batch);
      const metas = await this.metas(slice.map((r) => r.id));
      for (const r of slice) {
        const doc = metas.get(r.id);
        if (!doc || (accept && !accept(doc))) continue;
        out.push({ packId: this.packId, doc, score: r.score, matchedBy: 'words', highlight: new Set(r.terms) });
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}
