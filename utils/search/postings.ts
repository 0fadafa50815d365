// An imported pack's search index as rows for IndexedDB (utils/search/store.ts), so the popup
// reads the postings of the words it is asked for instead of loading a whole index on each open.
//
// The rows hold exactly what a MiniSearch index built with SEARCH_OPTIONS holds (per word and
// field: document -> term frequency; per document and field: its length; per field: the average
// length), so a query answered from them scores every document as the prebuilt index would
// (tests/unit/search-stored.test.ts compares them). It is built here directly, with plain maps:
// MiniSearch's radix tree took 5.9 s of the 7.4 s an index of 10,000 summaries took to build.
import { SEARCH_OPTIONS, type SearchDoc } from './options';
import { DF_LISTED, searchDocMetas, searchDocs, shortFieldVocabulary, type SearchablePack, type SearchDocMeta, type SearchStats } from './build-index';

/** Fields in MiniSearch's order (its field ids are these positions). */
export const INDEX_FIELDS = SEARCH_OPTIONS.fields as (keyof SearchDoc & string)[];
const TEXT_FIELD_ID = INDEX_FIELDS.indexOf('text');

/** Postings are stored in two groups: the short fields (title, authors, ids) and the full text. */
export type FieldGroup = 's' | 't';
export const groupOf = (fieldId: number): FieldGroup => (fieldId === TEXT_FIELD_ID ? 't' : 's');

/** One word's postings in one group: per field id, [document number, term frequency, ...]. */
export type Postings = Record<number, Uint32Array>;

export interface TermRow {
  /** The pack generation: `${packId}@${corpusVersion}`. */
  g: string;
  f: FieldGroup;
  w: string;
  p: Postings;
}

export interface DocRow {
  g: string;
  /** Document number (MiniSearch's short id): the position in the pack's documents. */
  n: number;
  /** arXiv / OpenReview id, indexed for id queries (absent when the document has none). */
  a?: string;
  o?: string;
  meta: SearchDocMeta;
}

/** Per pack generation: what scoring and filtering need for any document, read once per popup. */
export interface HeadRow {
  g: string;
  packId: string;
  corpusVersion: string;
  documentCount: number;
  averageFieldLength: number[];
  /** documentCount × INDEX_FIELDS.length field lengths (unique tokens, as MiniSearch counts). */
  fieldLength: Uint32Array;
  /** 0 summary, 1 concept. */
  kinds: Uint8Array;
  /** 0 when unknown. */
  years: Uint16Array;
  stats: SearchStats;
  builtAt: number;
}

export interface VocabularyRow {
  g: string;
  words: string[];
}

export interface StoredIndex {
  head: HeadRow;
  terms: TermRow[];
  docs: DocRow[];
  vocabulary: VocabularyRow;
}

export const generationOf = (packId: string, corpusVersion: string) => `${packId}@${corpusVersion}`;

/** Documents indexed between two yields: the context building it (a page, the worker) stays responsive. */
const YIELD_EVERY = 200;
const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Builds every row of a pack's stored index (seconds of work at 10,000: done in slices). */
export async function buildStoredIndex(pack: SearchablePack & { id: string }, corpusVersion: string): Promise<StoredIndex> {
  const g = generationOf(pack.id, corpusVersion);
  const metas = searchDocMetas(pack);
  const docs = searchDocs(pack, metas);
  const fieldCount = INDEX_FIELDS.length;
  const fieldLength = new Uint32Array(docs.length * fieldCount);
  const totals = new Array<number>(fieldCount).fill(0);
  // word -> field id -> flat [doc, tf, doc, tf, ...]
  const postings = new Map<string, number[][]>();
  const { tokenize, processTerm } = SEARCH_OPTIONS as Required<Pick<typeof SEARCH_OPTIONS, 'tokenize' | 'processTerm'>>;

  for (const [n, doc] of docs.entries()) {
    if (n > 0 && n % YIELD_EVERY === 0) await yieldNow();
    INDEX_FIELDS.forEach((field, fieldId) => {
      const value = doc[field];
      if (value == null) return;
      const tokens = tokenize(String(value), field);
      const length = new Set(tokens).size;
      fieldLength[n * fieldCount + fieldId] = length;
      totals[fieldId] += length;
      const tf = new Map<string, number>();
      for (const token of tokens) {
        const term = processTerm(token, field);
        if (typeof term === 'string' && term) tf.set(term, (tf.get(term) ?? 0) + 1);
      }
      for (const [term, count] of tf) {
        let fields = postings.get(term);
        if (!fields) postings.set(term, (fields = []));
        (fields[fieldId] ??= []).push(n, count);
      }
    });
  }

  const terms: TermRow[] = [];
  const df: SearchStats['df'] = {};
  for (const [w, fields] of postings) {
    const groups: Partial<Record<FieldGroup, Postings>> = {};
    let short = 0;
    let text = 0;
    fields.forEach((flat, fieldId) => {
      if (!flat) return;
      const f = groupOf(fieldId);
      (groups[f] ??= {})[fieldId] = Uint32Array.from(flat);
      if (f === 't') text += flat.length / 2;
      else short += flat.length / 2;
    });
    for (const f of ['s', 't'] as const) if (groups[f]) terms.push({ g, f, w, p: groups[f] });
    if (short + text >= DF_LISTED) df[w] = [short, text];
  }

  return {
    head: {
      g,
      packId: pack.id,
      corpusVersion,
      documentCount: docs.length,
      averageFieldLength: totals.map((t) => (docs.length ? t / docs.length : 0)),
      fieldLength,
      kinds: Uint8Array.from(metas, (m) => (m.kind === 'summary' ? 0 : 1)),
      years: Uint16Array.from(metas, (m) => m.year ?? 0),
      stats: { documentCount: docs.length, listedFrom: DF_LISTED, df },
      builtAt: Date.now(),
    },
    terms,
    docs: metas.map((meta, n) => ({ g, n, meta, ...(meta.arxivId ? { a: meta.arxivId } : {}), ...(meta.openreviewId ? { o: meta.openreviewId } : {}) })),
    vocabulary: { g, words: shortFieldVocabulary(metas) },
  };
}
