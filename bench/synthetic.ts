// Synthetic corpora for the benchmarks, generated from the real summaries: every synthetic summary
// is real sentences reshuffled across summaries (so term statistics stay realistic), with a fresh
// arXiv id, a fresh title (real title words around an invented method name, as real titles carry
// one) and authors mixing real and invented names. Invented names make the title/author
// vocabulary grow with the corpus, as it does in reality, so the Fuse.js side is not flattered.
// Deterministic: the same seed gives the same corpus.
import type { SearchablePack } from '../utils/search/build-index';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for sampling. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const SYLLABLES = 'ka,zu,mo,ri,te,lan,vor,qui,bex,dra,fen,gol,hy,jor,lis,mek,nar,pol,ser,tav,ux,wen,xi,yol,zed,ar,el,on,is,ut'.split(',');
const SUFFIXES = ['Net', 'Former', 'GAN', 'VAE', 'RL', 'Flow', 'BERT', 'Mix', 'Match', '', '', ''];

function invented(r: Rng, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) s += pick(r, SYLLABLES);
  return s[0].toUpperCase() + s.slice(1);
}

export interface SyntheticSummary {
  id: string;
  markdown: string;
  paper: { title: string; authors: string[]; year: number; arxivId: string; openreviewId: string | null };
  /** The invented method name in the title (a realistic "method name" query). */
  methodName: string;
}

export interface SyntheticCorpus extends SearchablePack {
  summaries: SyntheticSummary[];
}

/**
 * `count` synthetic summaries built from `real` (the shipped pack), plus the real concepts once.
 */
export function syntheticCorpus(real: SearchablePack, count: number, seed = 42): SyntheticCorpus {
  const r = rng(seed);
  const sentences = real.summaries.flatMap((s) => s.markdown.split(/(?<=[.!?])\s+/).filter((x) => x.length > 20));
  const lengths = real.summaries.map((s) => s.markdown.split(/(?<=[.!?])\s+/).length);
  const titleWords = [...new Set(real.summaries.flatMap((s) => (s.paper.title ?? '').split(/\s+/).filter((w) => /^[A-Za-z-]{3,}$/.test(w))))];
  const people = real.summaries.flatMap((s) => s.paper.authors).map((a) => a.trim().split(/\s+/));
  const firstNames = [...new Set(people.map((p) => p[0]).filter((n) => n.length > 2))];
  const surnames = [...new Set(people.map((p) => p[p.length - 1]))];

  const summaries: SyntheticSummary[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < count; i++) {
    const n = Math.max(3, pick(r, lengths));
    const body: string[] = [];
    for (let k = 0; k < n; k++) body.push(pick(r, sentences));
    const methodName = invented(r, 2 + Math.floor(r() * 2)) + pick(r, SUFFIXES);
    const words = Array.from({ length: 3 + Math.floor(r() * 7) }, () => pick(r, titleWords));
    const title = r() < 0.7 ? `${methodName}: ${words.join(' ')}` : `${words.join(' ')} with ${methodName}`;
    const authors = Array.from({ length: 1 + Math.floor(r() * 6) }, () => `${pick(r, firstNames)} ${r() < 0.6 ? pick(r, surnames) : invented(r, 2 + Math.floor(r() * 2))}`);
    const year = 2007 + Math.floor(r() * 19);
    let arxivId: string;
    do {
      const month = 1 + Math.floor(r() * 12);
      arxivId = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(Math.floor(r() * 100000)).padStart(5, '0')}`;
    } while (usedIds.has(arxivId));
    usedIds.add(arxivId);
    const openreviewId = r() < 0.1 ? Math.floor(r() * 36 ** 8).toString(36).padStart(8, 'x') + 'Yb' : null;
    summaries.push({ id: `syn${i}`, markdown: body.join(' '), paper: { title, authors, year, arxivId, openreviewId }, methodName });
  }
  return { id: `synthetic-${count}`, summaries, concepts: real.concepts };
}
