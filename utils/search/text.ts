// Text helpers shared by the index build (Node) and the popup: plain text for indexing and
// snippets, and the one tokenizer/normaliser, so index terms, query terms and highlights agree.

/** Markdown -> readable plain text: drops image/link syntax, URLs and emphasis marks; keeps TeX source. */
export function plainText(markdown: string): string {
  let s = markdown;
  // Each pass is skipped when its marker is absent: indexing 100,000 summaries runs this on 400 MB.
  if (s.includes('](')) s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); // images; links keep their label
  if (s.includes('://')) s = s.replace(/https?:\/\/\S+/g, ' '); // bare URLs (imgur links in the seeds) are noise for search
  if (s.includes('\n')) s = s.replace(/^ {0,3}#{1,6} +/gm, '').replace(/^ *[-*+] +/gm, ''); // heading marks, list bullets
  s = s.replace(/[*`~]+/g, ''); // emphasis and code marks (underscores stay: TeX subscripts use them)
  return s.replace(/\s{2,}|[\t\n\r\f\v]/g, ' ').trim();
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, accents folded ("Günnemann" finds "gunnemann" and back). */
export function normaliseTerm(term: string): string {
  // Fast path: almost every word is ASCII, and NFKD is the slow part of indexing 100,000 summaries.
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Splits on anything that is not a letter or digit. Hyphenated names ("VQ-VAE-2", "Grad-CAM")
 * become their parts, in the index and in the query alike, so "vq vae" and "vq-vae" both match.
 */
export const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u;

export function tokenize(text: string): string[] {
  return text.split(TOKEN_SPLIT).filter(Boolean);
}

/**
 * Words too common to help ranking in the full text. They are dropped from the `text` field only
 * (about a third of all postings), never from titles: "Attention Is All You Need" stays findable
 * by its own words.
 */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'just may me more most my no not of on or our she so such than that the their them then there these they this those ' +
    'to too us was we were what when where which while who why will with would you your also very much many some any each ' +
    'both only other over same s t ll ve re d m'
  ).split(' '),
);
