// BibTeX for Zotero/JabRef: one entry per noted paper, the note in `note`, tags in `keywords`.
// Paper data comes from the corpus when the paper is in it, else from the note's own title/key.
import type { NoteRow } from '../db';
import { idsOfKey, paperUrl } from './links';

export interface BibPaper {
  title: string | null;
  authors: string[];
  year: number | null;
  arxivId: string | null;
  openreviewId: string | null;
}

export interface BibEntryInput {
  note: NoteRow;
  /** Corpus metadata, when the paper is in the corpus. */
  paper: BibPaper | null;
}

// Characters TeX treats specially, spelled so every BibTeX reader (which count braces without
// looking at backslashes) sees balanced braces and the text survives a LaTeX run.
const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In LaTeX's default OT1 encoding < and > print as ¡ and ¿ (Better BibTeX's parser does the same).
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** A field value for `{...}`: TeX specials escaped, line breaks normalised. */
export function escapeBibValue(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[\\{}%&#$_^~<>]/g, (c) => TEX_ESCAPES[c]);
}

/**
 * A note for `note = {...}`: blank lines stay paragraph breaks and single line breaks become
 * `\\` (a bare newline is only a space to TeX, which would run a Markdown list into one line).
 */
export function escapeBibNote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.split('\n').map(escapeBibValue).join('\\\\\n'))
    .join('\n\n');
}

const STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'in', 'to', 'and', 'with', 'from', 'via', 'by', 'is', 'are', 'at', 'as']);

function ascii(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** author + year + first significant title word (Google Scholar style): "ammanabrolu2021learning". */
export function citationKey(paper: BibPaper | null, paperKey: string): string {
  const family = paper?.authors[0] ? ascii(paper.authors[0].includes(',') ? paper.authors[0].split(',')[0] : paper.authors[0].trim().split(/\s+/).pop()!) : '';
  const word = paper?.title ? (paper.title.split(/\s+/).map(ascii).find((w) => w.length > 0 && !STOPWORDS.has(w)) ?? '') : '';
  const key = `${family}${paper?.year ?? ''}${word}`;
  if (family && (paper?.year || word)) return key;
  return `note_${paperKey.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60)}`;
}

export function buildBibtex(entries: readonly BibEntryInput[]): string {
  const used = new Map<string, number>();
  const out = ['% Summary Lens notes (BibTeX). Each entry carries your note in `note` and your tags in `keywords`.', ''];
  const sorted = [...entries].sort((a, b) => (a.note.paperKey < b.note.paperKey ? -1 : 1));
  for (const { note, paper } of sorted) {
    const base = citationKey(paper, note.paperKey);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const key = seen === 0 ? base : `${base}${suffix(seen)}`;
    const own = idsOfKey(note.paperKey);
    const arxivId = paper?.arxivId ?? own.arxivId;
    const title = paper?.title ?? note.title ?? (note.paperKey.startsWith('title:') ? note.paperKey.slice(6) : null);
    const fields: [string, string][] = [];
    if (title) fields.push(['title', escapeBibValue(title)]);
    if (paper?.authors.length) fields.push(['author', paper.authors.map(escapeBibValue).join(' and ')]);
    if (paper?.year) fields.push(['year', String(paper.year)]);
    if (arxivId) fields.push(['eprint', escapeBibValue(arxivId)], ['archiveprefix', 'arXiv']);
    const url = paperUrl(note.paperKey, paper);
    if (url) fields.push(['url', url]);
    if (note.tags.length) fields.push(['keywords', note.tags.map(escapeBibValue).join(', ')]);
    if (note.text.trim()) fields.push(['note', escapeBibNote(note.text)]);
    out.push(`@misc{${key},`, ...fields.map(([k, v]) => `  ${k} = {${v}},`), '}', '');
  }
  return out.join('\n');
}

function suffix(n: number): string {
  // a, b, ... z, aa, ab, ...
  let s = '';
  let i = n - 1;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}
