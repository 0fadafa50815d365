// A realistic popup query mix, drawn from a corpus (the shipped one or a synthetic one): what
// people type when they look for a paper they know, as they type it, with typos. Each query
// records the document it was drawn from, so the bench also reports whether that document was
// found (quality at scale, not only speed).
import type { SearchablePack } from '../utils/search/build-index';
import { STOP_WORDS } from '../utils/search/text';
import { pick, rng, type Rng } from './synthetic';

export type QueryKind = 'title words' | 'method name' | 'author' | 'author + title word' | 'typo' | 'typing (prefix)' | 'full-text words' | 'arXiv id / URL' | 'concept';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** Index id (`s:…`/`c:…`) of the document the query was drawn from. */
  expected: string;
  /**
   * The title/author words (before any typo or truncation) the query was made from: when no other
   * document's title and authors hold them all, the query names `expected` alone and finding it
   * first is a fair expectation. [] for ids (always exact); null for generic full-text/concept words.
   */
  words: string[] | null;
}

/**
 * Share of each kind in the mix. The ids of the documents are the synthetic corpus's own, so
 * "expected" is known for every query; whether it is a fair known item is decided in search.ts.
 */
const MIX: [QueryKind, number][] = [
  ['title words', 20],
  ['method name', 10],
  ['author', 8],
  ['author + title word', 10],
  ['typo', 15],
  ['typing (prefix)', 12],
  ['full-text words', 15],
  ['arXiv id / URL', 5],
  ['concept', 5],
];

const words = (s: string) => s.split(/[^A-Za-z0-9-]+/).filter((w) => w.length > 0);
const contentWords = (s: string) => words(s).filter((w) => w.length >= 4 && !STOP_WORDS.has(w.toLowerCase()) && /^[A-Za-z-]+$/.test(w));

/** One realistic typo: a dropped, doubled, swapped or wrong letter (never the first letter). */
export function typo(r: Rng, word: string): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  switch (Math.floor(r() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default:
      return word.slice(0, i) + 'etaoinsrhl'.replace(word[i], '')[Math.floor(r() * 9)] + word.slice(i + 1);
  }
}

/** The method name a title leads with ("MnasNet: …" -> MnasNet), or its most distinctive word. */
function methodName(title: string): string | null {
  const lead = /^([A-Za-z][\w-]*)\s*:/.exec(title)?.[1];
  if (lead) return lead;
  return words(title).find((w) => /[a-z][A-Z]|[A-Z]{2}/.test(w)) ?? null;
}

export function queryMix(corpus: SearchablePack, count: number, seed = 7): BenchQuery[] {
  const r = rng(seed);
  const summaries = corpus.summaries.filter((s) => s.paper.title);
  const total = MIX.reduce((a, [, w]) => a + w, 0);
  const out: BenchQuery[] = [];
  for (const [kind, weight] of MIX) {
    const n = Math.round((count * weight) / total);
    for (let made = 0, tries = 0; made < n && tries < n * 20; tries++) {
      const q = make(kind, r, summaries, corpus.concepts);
      if (q) {
        out.push(q);
        made++;
      }
    }
  }
  // Interleave kinds, as a real session would.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function make(kind: QueryKind, r: Rng, summaries: SearchablePack['summaries'], concepts: SearchablePack['concepts']): BenchQuery | null {
  const s = pick(r, summaries);
  const title = s.paper.title ?? '';
  const id = `s:${s.id}`;
  const tw = contentWords(title);
  const surname = () => {
    const a = s.paper.authors.length ? pick(r, s.paper.authors).trim().split(/\s+/) : [];
    return a.length ? a[a.length - 1] : null;
  };
  switch (kind) {
    case 'title words': {
      if (tw.length < 2) return null;
      const start = Math.floor(r() * (tw.length - 1));
      const picked = tw.slice(start, start + 2 + Math.floor(r() * 2));
      return { kind, text: picked.join(' ').toLowerCase(), expected: id, words: picked };
    }
    case 'method name': {
      const m = methodName(title);
      return m ? { kind, text: m, expected: id, words: [m] } : null;
    }
    case 'author': {
      const a = surname();
      return a ? { kind, text: a, expected: id, words: [a] } : null;
    }
    case 'author + title word': {
      const a = surname();
      if (!a || !tw.length) return null;
      const w = pick(r, tw);
      return { kind, text: `${a} ${w}`.toLowerCase(), expected: id, words: [a, w] };
    }
    case 'typo': {
      const m = methodName(title);
      const target = m && m.length >= 5 && r() < 0.5 ? m : tw.filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0];
      if (!target) return null;
      const rest = tw.filter((w) => w !== target);
      const extra = rest.length && r() < 0.5 ? pick(r, rest) : null;
      return { kind, text: [typo(r, target), extra].filter(Boolean).join(' ').toLowerCase(), expected: id, words: extra ? [target, extra] : [target] };
    }
    case 'typing (prefix)': {
      if (tw.length < 2) return null;
      const [a, b] = [tw[0], tw.find((w, i) => i > 0 && w.length >= 6)];
      if (!b) return null;
      return { kind, text: `${a} ${b.slice(0, Math.max(3, Math.ceil(b.length * 0.6)))}`.toLowerCase(), expected: id, words: [a, b] };
    }
    case 'full-text words': {
      const sentence = pick(r, s.markdown.split(/(?<=[.!?])\s+/));
      const cw = contentWords(sentence);
      if (cw.length < 3) return null;
      const start = Math.floor(r() * (cw.length - 2));
      return { kind, text: cw.slice(start, start + 2 + Math.floor(r() * 2)).join(' ').toLowerCase(), expected: id, words: null };
    }
    case 'arXiv id / URL': {
      const a = s.paper.arxivId;
      if (!a) return null;
      const forms = [a, `https://arxiv.org/abs/${a}v2`, `https://arxiv.org/pdf/${a}`, `arXiv:${a}`];
      return { kind, text: pick(r, forms), expected: id, words: [] };
    }
    case 'concept': {
      if (!concepts.length) return null;
      const c = pick(r, concepts);
      const cw = contentWords(c.title);
      return cw.length ? { kind, text: cw.slice(0, 3).join(' ').toLowerCase(), expected: `c:${c.id}`, words: null } : null;
    }
  }
}
