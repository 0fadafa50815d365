// A short window of a result's text around the matched words, as plain parts (hit or not):
// the UI renders hits as <mark> without ever building HTML from text.
import { normaliseTerm } from './text';

export interface SnippetPart {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whole words equal to any of the (normalised) terms, ignoring case. Accents are not folded here
 * (a snippet is cosmetic; titles and authors, where names with accents live, use highlightAll).
 */
function termsPattern(terms: ReadonlySet<string>): RegExp | null {
  if (terms.size === 0) return null;
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

interface Hit {
  start: number;
  end: number;
  term: string;
}

/**
 * Picks the window of about `width` characters holding the most distinct matched words (ties: the
 * earliest) and marks every matched word inside it. Without any match, the text's opening.
 */
export function buildSnippet(text: string, terms: ReadonlySet<string>, width = 180): SnippetPart[] {
  const hits: Hit[] = [];
  const pattern = termsPattern(terms);
  if (pattern) {
    // One native case-insensitive scan per result (20 per query): no per-word work in script.
    for (const m of text.matchAll(pattern)) hits.push({ start: m.index, end: m.index + m[0].length, term: m[0].toLowerCase() });
  }
  if (hits.length === 0) return [{ text: clip(text, 0, width), hit: false }].filter((p) => p.text);

  // Sliding window over hits: the one covering the most distinct terms wins.
  let best = 0;
  let bestScore = -1;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j].end - hits[i].start <= width) j++;
    const distinct = new Set(hits.slice(i, j).map((h) => h.term)).size;
    const score = distinct * 100 + (j - i);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // Start a little before the first hit, on a word boundary, so the reader sees its context.
  let start = Math.max(0, hits[best].start - Math.floor(width / 5));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < hits[best].start ? space + 1 : hits[best].start;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  let cursor = start;
  for (const h of hits) {
    if (h.start < start || h.end > end) continue;
    if (h.start > cursor) parts.push({ text: text.slice(cursor, h.start), hit: false });
    parts.push({ text: text.slice(h.start, h.end), hit: true });
    cursor = h.end;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return parts;
}

/** Marks matched words in a short field (a title or author line) without cutting it. */
export function highlightAll(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let cursor = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (!terms.has(normaliseTerm(m[0]))) continue;
    if (m.index > cursor) parts.push({ text: text.slice(cursor, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  return parts;
}

function clip(text: string, start: number, width: number): string {
  if (text.length - start <= width) return text.slice(start);
  const end = text.lastIndexOf(' ', start + width);
  return `${text.slice(start, end > start ? end : start + width)} …`;
}
