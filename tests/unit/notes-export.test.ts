// Export formats: JSON (lossless, versioned, passes its own import schema), Markdown (one
// readable document), BibTeX (parsed back with @retorquere/bibtex-parser, Better BibTeX's parser).
import { describe, expect, it } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { NoteRow, RevisionRow } from '../../utils/db';
import { buildJsonExport } from '../../utils/notes/export-json';
import { buildMarkdownExport, nestHeadings } from '../../utils/notes/export-markdown';
import { buildBibtex, citationKey, escapeBibValue } from '../../utils/notes/export-bibtex';
import { parseNotesExport } from '../../utils/notes/import';
import { markdownToHtml } from '../../utils/render/markdown';

const T0 = Date.UTC(2025, 0, 2, 3, 4, 5);
const note = (over: Partial<NoteRow>): NoteRow => ({ paperKey: 'arxiv:2106.09608', text: '', tags: [], status: 'none', title: null, createdAt: T0, updatedAt: T0, rev: 1, textRev: 1, ...over });

const HOSTILE = [
  'Braces {unbalanced and } and \\textbf{tex} and 100% & #hash $x^2_i$ ~tilde',
  '} , title = {injected}, @misc{evil, title={pwned}',
  '<img src=x onerror=alert(1)> "quotes" and `code`',
  'Unicode: Ünïcödé — “quotes” 数学',
  '',
  'Second paragraph.',
].join('\n');

describe('JSON export', () => {
  it('is versioned, lossless and accepted by its own import validator', () => {
    const notes = [note({ text: HOSTILE, tags: ['rl'], status: 'read', title: 'T', rev: 7, textRev: 5 }), note({ paperKey: 'title:x', text: 'b', textRev: undefined, rev: 2 })];
    const revisions: RevisionRow[] = [{ id: 3, paperKey: 'title:x', text: 'a', tags: [], savedAt: T0 - 1, reason: 'edit' }];
    const doc = buildJsonExport(notes, revisions, { theme: 'dark', showNoSummary: false }, new Date(T0));
    expect(doc).toMatchObject({ format: 'summary-lens-notes', version: 2, exportedAt: '2025-01-02T03:04:05.000Z', settings: { theme: 'dark', showNoSummary: false } });
    expect(doc.notes[0]).toEqual({ paperKey: 'arxiv:2106.09608', text: HOSTILE, tags: ['rl'], status: 'read', title: 'T', createdAt: T0, updatedAt: T0, rev: 7, textRev: 5 });
    expect(doc.notes[1].textRev).toBe(2); // old rows: textRev made explicit
    expect(doc.revisions).toEqual([{ paperKey: 'title:x', text: 'a', tags: [], title: null, savedAt: T0 - 1, reason: 'edit' }]);
    expect(parseNotesExport(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('Markdown export', () => {
  it('is one document: a section per paper with link, status, tags, and the note nested under it', () => {
    const md = buildMarkdownExport(
      [
        { note: note({ text: '# My summary\n\nGood *paper*.\n\n```\n# not a heading\n```', tags: ['rl', 'graphs'], status: 'to-read', updatedAt: T0 + 1 }), title: 'Learning [KG] *World* Models', url: 'https://arxiv.org/abs/2106.09608' },
        { note: note({ paperKey: 'title:x', text: '' }), title: 'Untitled', url: null },
      ],
      new Date(T0),
    );
    expect(md).toContain('# Summary Lens notes');
    expect(md).toContain('2 notes');
    expect(md).toContain('## Learning \\[KG\\] \\*World\\* Models');
    expect(md).toContain('<https://arxiv.org/abs/2106.09608> · To read · Tags: rl, graphs · Updated 2025-01-02 03:04 UTC');
    expect(md).toContain('### My summary');
    expect(md).toContain('```\n# not a heading\n```');
    expect(md).toContain('_(empty note)_');
    expect(md.indexOf('Learning')).toBeLessThan(md.indexOf('Untitled')); // newest first
    // Renders as intended: the title stays literal text, the note's heading nests at h3.
    const html = markdownToHtml(md);
    expect(html).toContain('<h2>Learning [KG] *World* Models</h2>');
    expect(html).toContain('<h3>My summary</h3>');
  });

  it('nestHeadings caps at h6 and skips fenced code', () => {
    expect(nestHeadings('##### five\n~~~\n# code\n~~~\n#no-space')).toBe('###### five\n~~~\n# code\n~~~\n#no-space');
  });
});

describe('BibTeX export', () => {
  const corpusPaper = { title: 'Learning Knowledge Graph-based World Models of Textual Environments', authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'], year: 2021, arxivId: '2106.09608', openreviewId: null };
  const bib = buildBibtex([
    { note: note({ text: HOSTILE, tags: ['rl', 'world models'] }), paper: corpusPaper },
    { note: note({ paperKey: 'openreview:Hkx_ab-1', text: 'OpenReview only', title: 'A {Braced} Title & More' }), paper: null },
    { note: note({ paperKey: 'title:a paper with no ids', text: 'x' }), paper: null },
    { note: note({ paperKey: 'arxiv:hep-th/9901001', text: 'old id' }), paper: { ...corpusPaper, arxivId: 'hep-th/9901001', title: 'Learning again' } },
  ]);
  const lib = parseBibtex(bib, { english: false });

  it('parses with no errors, one entry per note, the hostile note not breaking out', () => {
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(4);
    expect(lib.entries.map((e) => e.key)).not.toContain('evil');
  });

  it('carries corpus metadata: title, authors, year, eprint, url, keywords', () => {
    const e = lib.entries.find((x) => x.fields.eprint === '2106.09608')!;
    expect(e.type).toBe('misc');
    expect(e.key).toBe('ammanabrolu2021learning');
    expect(e.fields.title).toBe(corpusPaper.title);
    expect(e.fields.author?.map((a) => a.lastName)).toEqual(['Ammanabrolu', 'Riedl']);
    expect(e.fields.year).toBe('2021');
    expect(e.fields.archiveprefix).toBe('arXiv');
    expect(e.fields.url).toBe('https://arxiv.org/abs/2106.09608');
    expect(e.fields.keywords).toEqual(['rl', 'world models']);
  });

  it('keeps the note text exactly (specials escaped on the way out, decoded by the parser)', () => {
    const e = lib.entries.find((x) => x.fields.eprint === '2106.09608')!;
    const raw = parseBibtex(bib, { english: false, raw: true }).entries.find((x) => x.fields.eprint === '2106.09608')!;
    expect(raw.fields.note).toContain('\\textbraceleft{}unbalanced');
    // The parser reports line breaks as <br> and paragraph breaks as <p>: every character comes back.
    expect(e.fields.note!.replace(/<br> ?/g, '\n').replace(/<p>/g, '\n\n')).toBe(HOSTILE);
  });

  it('names papers outside the corpus by their stored title, with OpenReview and old-style arXiv links', () => {
    const or = lib.entries.find((x) => x.fields.url?.includes('openreview'))!;
    expect(or.fields.title).toBe('A {Braced} Title & More');
    expect(or.fields.url).toBe('https://openreview.net/forum?id=Hkx_ab-1');
    expect(lib.entries.find((x) => x.fields.title === 'a paper with no ids')).toBeTruthy();
    expect(lib.entries.find((x) => x.fields.eprint === 'hep-th/9901001')?.fields.url).toBe('https://arxiv.org/abs/hep-th/9901001');
  });

  it('makes unique keys and escapes every TeX special', () => {
    expect(lib.entries.map((e) => e.key)).toContain('ammanabrolu2021learninga');
    expect(new Set(lib.entries.map((e) => e.key)).size).toBe(4);
    expect(citationKey(null, 'title:a paper with no ids')).toBe('note_title_a_paper_with_no_ids');
    expect(escapeBibValue('{}\\%&#$_^~')).toBe('\\textbraceleft{}\\textbraceright{}\\textbackslash{}\\%\\&\\#\\$\\_\\textasciicircum{}\\textasciitilde{}');
  });
});
