// Related papers and background concepts per summary, computed at corpus build time.
//
// - "mentioned": papers a summary links to (ShortScience `paper?bibtexKey=…` links, arXiv links in
//   any URL form, bare `arXiv:` ids) or names (the title, the short name before a title's colon,
//   an acronym in parentheses, or a well-known alias) when that paper is in the corpus. A linked
//   paper outside the corpus keeps its arXiv id so the UI can still open its arXiv page.
// - "similar": the nearest other summaries by cosine similarity of BM25-weighted term vectors.
// - background concepts: the nearest course-notes sections by the same machinery, each summary
//   read against the notes' own term statistics, with a hubness correction (backgroundConcepts).
//
// Vectors come from wink-nlp: its tokenizer (which knows URLs, emails, numbers, contractions),
// its stop-word list, Porter2 stems and its BM25 vectorizer (l2-normalised, so cosine is a dot
// product). BM25 rather than raw TF-IDF because its saturating term frequency keeps one long
// summary that repeats a word forty times from dominating. The build runs on every
// `npm run build`: the whole step takes a few hundred milliseconds for 172 summaries and is
// deterministic (ties break by input order).
import { existsSync, readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import bm25Vectorizer from 'wink-nlp/utilities/bm25-vectorizer';
import { arxivIdFromUrl, parseArxivId } from '../../utils/paper-id';
import type { PaperMeta, Related } from '../../utils/corpus/pack';
import type { RawSummary } from './parse-summaries';
import type { ConceptSection } from './parse-concepts';

export interface Relations {
  related: Map<string, Related[]>;
  concepts: Map<string, { conceptId: string; score: number }[]>;
}

/** A paper a summary cites that is not in the corpus: its title, when data/cited-papers.json knows it. */
export interface CitedPaper {
  arxivId: string;
  title: string;
}

export const SIMILAR_COUNT = 5;
/** Background sections per summary: the best two, and a third when it scores close to the best (pickConcepts). */
export const CONCEPT_MIN = 2;
export const CONCEPT_MAX = 3;
const THIRD_CONCEPT_RATIO = 0.7;

// ---------------------------------------------------------------------------------------------
// Links

export interface FoundLink {
  arxivId: string;
  /** The address as written in the summary. */
  url: string;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>()\]"'`|]+/gi;
const BIBTEX_KEY = /[?&]bibtexKey=([^&#\s]+)/i;
// ShortScience keys arXiv papers as DBLP's CoRR journal: journals/corr/1605.08803 (or abs-1605-08803).
const CORR_KEY = /^journals\/corr\/(?:abs-)?(\d{4})[.-](\d{4,5})(?:v\d+)?$/i;
// "arXiv:1701.05369" in prose, not inside a URL.
const ARXIV_PREFIXED = /(?<![\w/.])arXiv:\s?((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/gi;

/** The arXiv ids a summary links to: arXiv/ar5iv URLs, ShortScience paper links, `arXiv:` ids. */
export function findArxivLinks(markdown: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const m of markdown.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[.,;:]+$/, '');
    const id = arxivIdOfLink(url);
    if (id) found.push({ arxivId: id, url });
  }
  for (const m of markdown.matchAll(ARXIV_PREFIXED)) {
    const id = parseArxivId(m[1]);
    if (id) found.push({ arxivId: id.id, url: m[0] });
  }
  return found;
}

function arxivIdOfLink(url: string): string | null {
  const direct = arxivIdFromUrl(url);
  if (direct) return direct.id;
  if (/^https?:\/\/(www\.)?shortscience\.org\/paper\?/i.test(url)) {
    const key = BIBTEX_KEY.exec(url)?.[1];
    const corr = key && CORR_KEY.exec(decodeURIComponent(key));
    if (corr) return parseArxivId(`${corr[1]}.${corr[2]}`)?.id ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * Names papers go by that their titles do not show (taken from the papers themselves: CycleGAN
 * is how 1703.10593 names its method). Keyed by arXiv id.
 */
const ALIASES: Record<string, string[]> = {
  '1703.10593': ['CycleGAN'],
  '1711.00937': ['VQ-VAE'],
  '1906.00446': ['VQ-VAE-2'],
  '1802.05365': ['ELMo'],
  '1708.00107': ['CoVe'],
  '1607.04606': ['fastText', 'FastText'],
  '1911.08265': ['MuZero'],
  '1802.06070': ['DIAYN'],
  '1810.12894': ['Random Network Distillation'],
  '1910.10683': ['T5'],
  '1802.04364': ['JT-VAE', 'JTVAE', 'Junction Tree VAE'],
  '1711.05101': ['AdamW'],
  '1809.04474': ['PopArt'],
  '1709.04326': ['LOLA'],
  '1710.11248': ['AIRL'],
  '1907.03976': ['D-REX'],
  '1704.01212': ['MPNN'],
  '2003.03123': ['DimeNet'],
  '2007.02835': ['GROVER'],
  '2004.11362': ['SupCon'],
  '1904.10509': ['Sparse Transformer', 'Sparse Transformers'],
  '1911.05507': ['Compressive Transformer', 'Compressive Transformers'],
  '2006.09661': ['SIREN'],
  '2004.13649': ['DrQ'],
  '1605.09782': ['BiGAN', 'BiGANs'],
  '1611.04076': ['LSGAN', 'LSGANs'],
  '1611.02163': ['Unrolled GAN', 'Unrolled GANs'],
  '1512.09300': ['VAE-GAN', 'VAE/GAN'],
  '1703.05175': ['Prototypical Networks'],
  '2101.03961': ['Switch Transformer'],
  '2007.14062': ['BigBird'],
  '1810.06682': ['TrellisNet'],
  '1810.09536': ['ON-LSTM'],
  '1807.03247': ['CoordConv'],
  '1803.08494': ['GroupNorm'],
  '1903.07227': ['Coconet'],
};

export interface PaperName {
  summaryId: string;
  name: string;
  pattern: RegExp;
}

/** Every name a corpus paper may be mentioned by, longest first (so "VQ-VAE-2" wins over "VQ-VAE"). */
export function paperNames(papers: Map<string, PaperMeta>): PaperName[] {
  const names: PaperName[] = [];
  for (const [summaryId, paper] of papers) {
    if (!paper.title) continue;
    const title = paper.title.trim();
    const own = new Set<string>([title]);
    const beforeColon = title.includes(':') ? title.slice(0, title.indexOf(':')).trim() : '';
    if (beforeColon && beforeColon.split(/\s+/).length <= 8) own.add(beforeColon);
    for (const m of title.matchAll(/\(([A-Z][A-Za-z0-9-]{2,})\)/g)) own.add(m[1]);
    for (const alias of (paper.arxivId && ALIASES[paper.arxivId]) || []) own.add(alias);
    for (const name of own) if (name.length >= 2) names.push({ summaryId, name, pattern: nameRegExp(name) });
  }
  return names.sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a name appears as a whole word: case-sensitive (BERT, not "bert" inside a word). */
function nameRegExp(name: string): RegExp {
  // "VQ-VAE" must not match inside "VQ-VAE-2"; "BERT" still matches "BERT-based".
  return new RegExp(`(?<![A-Za-z0-9-])${escapeRegExp(name)}(?![A-Za-z0-9]|-\\d)`);
}

/** Corpus papers a text names, in order of first appearance (ignoring code and math). */
export function findNamedPapers(markdown: string, names: PaperName[], self: string): string[] {
  const text = stripCodeAndMath(markdown).replace(/\s+/g, ' ');
  const firstAt = new Map<string, number>();
  for (const { summaryId, pattern } of names) {
    if (summaryId === self) continue;
    const m = pattern.exec(text);
    if (m && m.index < (firstAt.get(summaryId) ?? Infinity)) firstAt.set(summaryId, m.index);
  }
  return [...firstAt.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

function stripCodeAndMath(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]*\$/g, ' ');
}

export interface CorpusPaper {
  summaryId: string;
  arxivId: string | null;
  title: string | null;
}

/** The "mentioned" entries of one summary: links first (in order), then names. */
export function mentionedPapers(
  summary: RawSummary,
  corpus: { byArxiv: Map<string, CorpusPaper>; bySummary: Map<string, CorpusPaper> },
  names: PaperName[],
  cited: Map<string, CitedPaper>,
): Related[] {
  const out: Related[] = [];
  const seen = new Set<string>();
  const add = (key: string, entry: Related) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(entry);
  };
  const selfArxivId = corpus.bySummary.get(summary.id)?.arxivId;
  for (const link of findArxivLinks(summary.markdown)) {
    if (link.arxivId === selfArxivId) continue;
    const inCorpus = corpus.byArxiv.get(link.arxivId);
    add(inCorpus ? inCorpus.summaryId : `arxiv:${link.arxivId}`, {
      kind: 'mentioned',
      summaryId: inCorpus?.summaryId ?? null,
      arxivId: link.arxivId,
      title: inCorpus?.title ?? cited.get(link.arxivId)?.title ?? null,
      score: null,
    });
  }
  for (const summaryId of findNamedPapers(summary.markdown, names, summary.id)) {
    const p = corpus.bySummary.get(summaryId);
    add(summaryId, { kind: 'mentioned', summaryId, arxivId: p?.arxivId ?? null, title: p?.title ?? null, score: null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Similarity

const nlp = winkNLP(model, []);
const its = nlp.its;

/**
 * Words every summary uses about itself ("the authors propose a method and show results"):
 * they say nothing about the topic. wink's stop-word list already removes function words.
 */
const DOMAIN_STOP_STEMS = new Set(
  ['paper', 'author', 'propos', 'show', 'result', 'approach', 'method', 'work', 'also', 'use', 'et', 'al', 'get', 'make', 'like', 'one', 'two', 'new', 'well', 'just', 'way', 'thing', 'go', 'can', 'let', 'see', 'look', 'talk', 'lesson', 'section', 'etc'],
);

/** Prose to index: no code, formulas, URLs, link targets or HTML. */
export function indexableText(markdown: string): string {
  return stripCodeAndMath(markdown)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

// The model's Porter2 stemmer (what `its.stem` calls); wink types its add-ons as unknown.
const porter2 = model.addons.stem as (word: string) => string;
const stemCache = new Map<string, string>();
const stemOf = (word: string): string => {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = porter2(word);
    stemCache.set(word, stem);
  }
  return stem;
};

/** Stemmed content words of a text (Porter2 stems, cached: stemming every token is the slow part). */
export function terms(markdown: string): string[] {
  const tokens = nlp.readDoc(indexableText(markdown)).tokens();
  const types = tokens.out(its.type) as string[];
  const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
  // The token's own text, lower-cased: wink's its.normal of an unknown word can change once the
  // same word was read before (seen with "’s"), which would make the build non-deterministic.
  const values = tokens.out(its.value) as string[];
  const stems: string[] = [];
  values.forEach((value, i) => {
    const normal = value.toLowerCase();
    if (types[i] !== 'word' || stop[i] || !/^[a-z][a-z0-9'-]+$/.test(normal)) return;
    const stem = stemOf(normal);
    if (!DOMAIN_STOP_STEMS.has(stem)) stems.push(stem);
  });
  return stems;
}

/** A sparse l2-normalised vector: term ids and weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface VectorSpace {
  /** The documents' vectors, in input order. */
  vectors: SparseVector[];
  /** The queries' vectors, weighed by the documents' statistics; words the documents never use are dropped. */
  queries: SparseVector[];
  /** Number of distinct terms (the length of a dense vector). */
  dimensions: number;
}

/** l2-normalised BM25 vectors of documents, and of queries against the same document statistics. */
export function vectorize(docs: string[][], queries: string[][] = []): VectorSpace {
  const bm25 = bm25Vectorizer({ k: 1, k1: 1.2, b: 0.75, norm: 'l2' });
  for (const d of docs) bm25.learn(d);
  const termId = new Map<string, number>();
  const toSparse = (bow: Record<string, number>): SparseVector => {
    const entries = Object.keys(bow)
      .sort()
      .map((t) => {
        if (!termId.has(t)) termId.set(t, termId.size);
        return [termId.get(t)!, bow[t]] as const;
      });
    return { ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]) };
  };
  const vectors = docs.map((_, i) => toSparse(bm25.doc(i).out(its.bow) as Record<string, number>));
  const queryVectors = queries.map((q) => toSparse(bm25.bowOf(q) as unknown as Record<string, number>));
  return { vectors, queries: queryVectors, dimensions: termId.size };
}

export interface Scored {
  index: number;
  score: number;
}

/** Cosine similarities of one l2-normalised vector with many (a dot product over a dense copy of the query). */
export function cosines(query: SparseVector, candidates: SparseVector[], vocabulary: number): Float64Array {
  const dense = new Float64Array(vocabulary);
  query.ids.forEach((id, k) => (dense[id] = query.weights[k]));
  return Float64Array.from(candidates, (c) => {
    let dot = 0;
    for (let k = 0; k < c.ids.length; k++) dot += dense[c.ids[k]] * c.weights[k];
    return dot;
  });
}

/** The k best-scoring candidates, best first, ties by index; `skip` excludes the query itself. */
export function nearest(scores: Float64Array, k: number, { skip = -1, above = 0 } = {}): Scored[] {
  return Array.from(scores, (score, index) => ({ index, score }))
    .filter((s) => s.index !== skip && s.score > above)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The text a summary is compared by: its title (when identified) and its cleaned markdown. */
function summaryDocument(s: RawSummary, paper: PaperMeta | undefined): string {
  return paper?.title ? `${paper.title}\n\n${s.markdown}` : s.markdown;
}

/**
 * Picks 2–3 background sections from a ranking: the best two, and the third when its cosine is
 * nearly that of the closest one (a third weak match would be noise).
 */
export function pickConcepts(ranked: Scored[]): Scored[] {
  const picked = ranked.slice(0, CONCEPT_MIN);
  const third = ranked[CONCEPT_MIN];
  const best = Math.max(...picked.map((p) => p.score));
  if (third && picked.length === CONCEPT_MIN && third.score >= THIRD_CONCEPT_RATIO * best) picked.push(third);
  return picked;
}

/** How many nearest summaries define a section's "hubness" (see backgroundConcepts). */
const HUB_NEIGHBOURS = 10;

/**
 * Each summary's background sections. A summary is a query against the course notes, weighed by
 * the notes' own term statistics (a word rare in the notes is what tells two sections apart).
 * Hubness: a long, general section (a lecture transcript on GANs) is close to many summaries
 * and would be everyone's background; ranking by CSLS (Conneau et al., 2018) — twice the cosine
 * minus the section's mean cosine to its 10 nearest summaries — lets the specific section win.
 * The stored score stays the plain cosine.
 */
export function backgroundConcepts(summaryTerms: string[][], conceptTerms: string[][]): Scored[][] {
  const space = vectorize(conceptTerms, summaryTerms);
  const scores = space.queries.map((q) => cosines(q, space.vectors, space.dimensions));
  const hubness = conceptTerms.map((_, c) => {
    const nearestSummaries = scores.map((row) => row[c]).sort((a, b) => b - a).slice(0, HUB_NEIGHBOURS);
    return nearestSummaries.reduce((a, b) => a + b, 0) / Math.max(1, nearestSummaries.length);
  });
  return scores.map((raw) => {
    const csls = raw.map((x, c) => 2 * x - hubness[c]);
    const ranked = nearest(csls, conceptTerms.length, { above: -Infinity })
      .filter((r) => raw[r.index] > 0)
      .slice(0, CONCEPT_MAX)
      .map((r) => ({ index: r.index, score: raw[r.index] }));
    return pickConcepts(ranked);
  });
}

export interface RelationsDetail extends Relations {
  /** Each summary's nearest summaries before mentioned papers are taken out (what the evaluation checks). */
  similarRanking: Map<string, Scored[]>;
}

export function computeRelations(
  summaries: RawSummary[],
  concepts: ConceptSection[],
  papers: Map<string, PaperMeta>,
  cited: CitedPaper[] = [],
): RelationsDetail {
  const summaryTerms = summaries.map((s) => terms(summaryDocument(s, papers.get(s.id))));
  const conceptTerms = concepts.map((c) => terms(`${c.title}\n\n${c.markdown}`));
  const space = vectorize(summaryTerms);

  const bySummary = new Map<string, CorpusPaper>(
    summaries.map((s) => [s.id, { summaryId: s.id, arxivId: papers.get(s.id)?.arxivId ?? null, title: papers.get(s.id)?.title ?? null }]),
  );
  const byArxiv = new Map([...bySummary.values()].filter((p) => p.arxivId).map((p) => [p.arxivId!, p]));
  const names = paperNames(new Map(summaries.flatMap((s) => (papers.get(s.id) ? [[s.id, papers.get(s.id)!] as const] : []))));
  const citedById = new Map(cited.map((c) => [c.arxivId, c]));

  const related = new Map<string, Related[]>();
  const similarRanking = new Map<string, Scored[]>();
  summaries.forEach((s, i) => {
    const mentioned = mentionedPapers(s, { byArxiv, bySummary }, names, citedById);
    const ranking = nearest(cosines(space.vectors[i], space.vectors, space.dimensions), summaries.length, { skip: i });
    similarRanking.set(s.id, ranking.slice(0, SIMILAR_COUNT));
    // A paper already listed as mentioned is not repeated as similar; the next nearest takes its place.
    const mentionedIds = new Set(mentioned.map((m) => m.summaryId).filter(Boolean));
    const similar: Related[] = ranking
      .filter((r) => !mentionedIds.has(summaries[r.index].id))
      .slice(0, SIMILAR_COUNT)
      .map((r) => {
        const other = bySummary.get(summaries[r.index].id)!;
        return { kind: 'similar', summaryId: other.summaryId, arxivId: other.arxivId, title: other.title, score: round(r.score) };
      });
    related.set(s.id, [...mentioned, ...similar]);
  });

  const background = backgroundConcepts(summaryTerms, conceptTerms);
  const conceptLinks = new Map(
    summaries.map((s, i) => [s.id, background[i].map((r) => ({ conceptId: concepts[r.index].id, score: round(r.score) }))]),
  );
  return { related, concepts: conceptLinks, similarRanking };
}

/** data/cited-papers.json: titles of papers summaries link to that are not in the corpus (absent file: none). */
export function loadCitedPapers(path: string): CitedPaper[] {
  if (!existsSync(path)) return [];
  const rows = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(rows)) throw new Error(`${path}: expected an array`);
  return rows.map((row, i) => {
    const { arxivId, title } = (row ?? {}) as Record<string, unknown>;
    if (typeof arxivId !== 'string' || !parseArxivId(arxivId) || typeof title !== 'string' || !title) throw new Error(`${path}[${i}]: needs an arXiv id and a title`);
    return { arxivId: parseArxivId(arxivId)!.id, title };
  });
}
