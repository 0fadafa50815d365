// Search engine benchmark in Node (in-memory: how the shipped corpus is searched). For the shipped
// corpus and a synthetic corpus of 10,000 summaries, in one run: index build time,
// serialized size, load time (MiniSearch.loadJSON), p50/p95 query latency over a realistic query
// mix (bench/queries.ts, typos included), known-item quality, and the naive baseline — Fuse.js
// over title + full text — on the same queries.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { buildSearchArtifacts, type SearchablePack, type SearchDocMeta, type SearchDocsFile } from '../utils/search/build-index';
import { SearchEngine, SearchSource } from '../utils/search/engine';
import { SEARCH_OPTIONS, type SearchDoc } from '../utils/search/options';
import { normaliseTerm, tokenize } from '../utils/search/text';
import { queryMix, type BenchQuery } from './queries';
import { percentile, time, type Report } from './report';
import { syntheticCorpus } from './synthetic';

const AREA = 'search';
const ROOT = new URL('..', import.meta.url).pathname;

/** The popup's quality bars are checked in the popup (popup-scale.ts); these in-memory figures inform. */
const TARGET_P95: Record<number, number> = {};

export interface SearchBenchOptions {
  /** Corpus sizes; 0 = the shipped corpus. */
  sizes: number[];
  /** Queries in the mix per size. */
  queries: number;
  /** Baseline queries run per size (Fuse over full text costs seconds per query at scale). */
  baselineQueries: number;
  /** Above this many documents the baseline runs on an evenly strided slice of this size and is scaled up linearly. */
  baselineCap: number;
}

// Large corpora are measured where users feel them, in the real popup with the pack imported
// (bench/popup-scale.ts); here, the in-memory engine the shipped corpus uses, and 10,000 beside it.
export const DEFAULT_SEARCH_BENCH: SearchBenchOptions = { sizes: [0, 10_000], queries: 300, baselineQueries: 6, baselineCap: 12_000 };

function label(n: number): string {
  return n.toLocaleString('en-US');
}

export async function benchSearch(report: Report, opts: SearchBenchOptions = DEFAULT_SEARCH_BENCH): Promise<void> {
  const shipped = JSON.parse(readFileSync(`${ROOT}public/corpus/pack.json`, 'utf8')) as SearchablePack;
  for (const size of opts.sizes) {
    try {
      await benchOne(report, shipped, size, opts);
    } catch (error) {
      report.error(`${AREA} (${size || 'shipped'})`, error);
    }
    globalThis.gc?.();
  }
}

async function benchOne(report: Report, shipped: SearchablePack, size: number, opts: SearchBenchOptions): Promise<void> {
  let corpus: SearchablePack | undefined = size === 0 ? shipped : syntheticCorpus(shipped, size);
  const n = corpus.summaries.length;
  const at = `${label(n)} summaries${size === 0 ? ' (shipped)' : ''}`;
  console.log(`\n[search] ${at}`);
  const queries = queryMix(corpus, opts.queries, 7 + size);

  // Build (what scripts/build-corpus.ts and pack import do).
  let [artifacts, buildMs] = time(() => buildSearchArtifacts(corpus!));
  corpus = undefined; // the synthetic markdown (hundreds of MB at 100,000) is not needed any more
  report.add(AREA, `index build time, ${at}`, buildMs, 'ms', { note: 'MiniSearch addAll + df stats + short-field vocabulary, Node' });

  // Serialize: the shipped files are exactly these strings.
  let [json, stringifyMs] = time(() => JSON.stringify(artifacts.index));
  let docsJson = JSON.stringify(artifacts.docs);
  artifacts = undefined as never; // let the built index go before loading the serialized one
  globalThis.gc?.();
  report.add(AREA, `index size, ${at}`, json.length / 1e6, 'MB', { note: `search-index.json; gzip ${(gzipSync(json, { level: 1 }).length / 1e6).toFixed(2)} MB (level 1); serialize ${Math.round(stringifyMs)} ms` });
  report.add(AREA, `search docs size, ${at}`, docsJson.length / 1e6, 'MB', { note: 'search-docs.json: result fields + plain text for snippets + vocabulary + df stats' });

  // Load: what the popup does on open (parse + loadJSON + the engine's maps), never a rebuild.
  const [index, loadMs] = time(() => MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS));
  const [source, sourceMs] = time(() => new SearchSource(index, JSON.parse(docsJson) as SearchDocsFile));
  json = docsJson = '';
  report.add(AREA, `index load time, ${at}`, loadMs + sourceMs, 'ms', { note: `MiniSearch.loadJSON ${Math.round(loadMs)} ms + docs parse/maps ${Math.round(sourceMs)} ms` });
  const engine = new SearchEngine([source]);
  globalThis.gc?.();

  // Query latency over the mix: one warm-up pass (JIT, lazy Fuse structures), then measured.
  for (const q of queries) engine.search(q.text);
  const latencies: number[] = [];
  const cpu: number[] = [];
  const byKind = new Map<string, number[]>();
  let top1 = 0;
  let top3 = 0;
  let known = 0;
  const identifies = uniquelyIdentified([...source.docs.values()], queries);
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const [res, ms] = time(() => engine.search(q.text, { limit: 20 }));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    latencies.push(ms);
    (byKind.get(q.kind) ?? byKind.set(q.kind, []).get(q.kind)!).push(ms);
    if (identifies.has(q)) {
      known++;
      const rank = res.hits.findIndex((h) => h.doc.id === q.expected);
      if (rank === 0) top1++;
      if (rank >= 0 && rank < 3) top3++;
    }
  }
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const target = TARGET_P95[size];
  report.add(AREA, `query p50, ${at}`, p50, 'ms', { note: `${queries.length} queries incl. typos and as-you-type prefixes, 20 results with snippets; wall clock` });
  report.add(AREA, `query p95, ${at}`, p95, 'ms', {
    target: target ? { op: '<=', limit: target, source: 'quality bar: popup search p95' } : undefined,
    note: `max ${percentile(latencies, 100).toFixed(1)} ms; slowest kinds (p95): ${[...byKind].map(([k, v]) => [k, percentile(v, 95)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`,
  });
  report.add(AREA, `query CPU time p95, ${at}`, percentile(cpu, 95), 'ms', { note: `process CPU per query (GC threads included), p50 ${percentile(cpu, 50).toFixed(1)} ms: wall clock minus waiting for a busy machine's cores` });
  report.add(AREA, `known-item found first, ${at}`, (100 * top1) / known, '%', { note: `${known} of the queries name one document alone (ids, or title/author words no other document holds all of); top 3: ${((100 * top3) / known).toFixed(1)}%` });
  report.add(AREA, `memory after load, ${at}`, process.memoryUsage().heapUsed / 2 ** 20, 'MiB', { note: 'Node heap: index + docs + engine' });

  // Baseline: Fuse.js over title + full text, the design this one replaces.
  benchBaseline(report, [...source.docs.values()], queries, p50, p95, at, opts);
}

/** The queries whose title/author words no other document holds all of (or that are ids). */
function uniquelyIdentified(docs: SearchDocMeta[], queries: BenchQuery[]): Set<BenchQuery> {
  const byWord = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const w of new Set(tokenize(`${d.title} ${d.authors.join(' ')}`).map(normaliseTerm))) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(i);
  });
  const out = new Set<BenchQuery>();
  for (const q of queries) {
    if (!q.words) continue;
    const words = [...new Set(q.words.flatMap((w) => tokenize(w).map(normaliseTerm)))];
    if (words.length === 0) {
      out.add(q);
      continue;
    }
    const lists = words.map((w) => new Set(byWord.get(w) ?? [])).sort((a, b) => a.size - b.size);
    const holders = [...lists[0]].filter((i) => lists.every((l) => l.has(i)));
    if (holders.length === 1 && docs[holders[0]].id === q.expected) out.add(q);
  }
  return out;
}

function benchBaseline(report: Report, all: SearchDocMeta[], queries: BenchQuery[], oursP50: number, oursP95: number, at: string, opts: SearchBenchOptions): void {
  const sliced = all.length > opts.baselineCap;
  // Fuse scans every record per query, so its cost is linear in the corpus: a slice scales up exactly.
  const stride = all.length / opts.baselineCap;
  const docs = sliced ? Array.from({ length: opts.baselineCap }, (_, k) => all[Math.floor(k * stride)]) : all;
  const scale = all.length / docs.length;
  // ignoreLocation: without it Fuse only looks near the start of each field, i.e. not at the full text.
  const [fuse, buildMs] = time(() => new Fuse(docs, { keys: ['title', 'text'], includeScore: true, ignoreLocation: true, threshold: 0.4 }));
  // A spread of the same mix (every kind), not only the cheap ones.
  const step = Math.max(1, Math.floor(queries.length / opts.baselineQueries));
  const sample = queries.filter((_, i) => i % step === 0).slice(0, opts.baselineQueries);
  const latencies = sample.map((q) => time(() => fuse.search(q.text, { limit: 20 }))[1] * scale);
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const how = `${sample.length} queries of the same mix (p95 of so few is about the slowest)${sliced ? `, measured on ${docs.length.toLocaleString('en-US')} summaries and scaled ×${scale.toFixed(1)} (linear scan)` : ''}; Fuse index ${Math.round(buildMs)} ms`;
  report.add(AREA, `baseline (Fuse.js title + full text) p50, ${at}`, p50, 'ms', { note: how });
  report.add(AREA, `baseline (Fuse.js title + full text) p95, ${at}`, p95, 'ms', { note: how });
  report.add(AREA, `speed-up vs baseline (p95), ${at}`, p95 / oursP95, '×', { note: `p50 ×${(p50 / oursP50).toFixed(0)}` });
}
