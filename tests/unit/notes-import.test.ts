// Import validation (before anything is written) and the merge plan by paper key.
import { describe, expect, it } from 'vitest';
import type { NoteRow } from '../../utils/db';
import { ImportError, parseNotesExport, planImport } from '../../utils/notes/import';
import type { ExportedNote, NotesExport } from '../../utils/notes/schemas';

const T0 = 1_700_000_000_000;
const exported = (over: Partial<ExportedNote> = {}): ExportedNote => ({
  paperKey: 'arxiv:2106.09608', text: 'imported text', tags: ['rl'], status: 'read', title: 'T', createdAt: T0, updatedAt: T0 + 100, rev: 4, textRev: 4, ...over,
});
const file = (notes: ExportedNote[], extra: Partial<NotesExport> = {}): NotesExport => ({ format: 'summary-lens-notes', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', notes, revisions: [], settings: null, ...extra });
const current = (over: Partial<NoteRow> = {}): NoteRow => ({ paperKey: 'arxiv:2106.09608', text: 'current text', tags: [], status: 'none', title: null, createdAt: T0 - 50, updatedAt: T0, rev: 9, textRev: 8, ...over });

describe('parseNotesExport: clear errors, nothing accepted half-way', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "summary-lens-notes", ', /not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['another format', JSON.stringify({ format: 'zotero' }), /"format" is "zotero"/],
    ['no format', JSON.stringify({ notes: [] }), /"format" is missing/],
    ['a corpus pack', JSON.stringify({ format: 'summary-lens-pack', schemaVersion: 1 }), /corpus pack/],
    ['a newer version', JSON.stringify({ ...file([]), version: 3 }), /newer Summary Lens \(format version 3\)/],
    ['wrong type', JSON.stringify(file([{ ...exported(), text: 42 as never }])), /notes\[0\]\.text/],
    ['bad status', JSON.stringify(file([{ ...exported(), status: 'done' as never }])), /notes\[0\]\.status/],
    ['bad paper key', JSON.stringify(file([{ ...exported(), paperKey: 'javascript:alert(1)' }])), /notes\[0\]\.paperKey: a paper key looks like/],
    ['note too long', JSON.stringify(file([{ ...exported(), text: 'x'.repeat(200_001) }])), /notes\[0\]\.text: A note holds at most 200,000 characters/],
    ['too many tags', JSON.stringify(file([{ ...exported(), tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }])), /notes\[0\]\.tags/],
    ['unknown keys (prototype pollution attempt)', '{"format":"summary-lens-notes","version":1,"exportedAt":"x","notes":[],"revisions":[],"__proto__":{"polluted":true}}', /Unrecognized key/],
    ['duplicate papers', JSON.stringify(file([exported(), exported({ text: 'again' })])), /notes\[1\] repeats the paper "arxiv:2106.09608" \(also notes\[0\]\)/],
    ['oversized file', ' '.repeat(20 * 1024 * 1024 + 1), /limited to 20 MB/],
  ];
  for (const [name, json, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(() => parseNotesExport(json)).toThrow(ImportError);
      expect(() => parseNotesExport(json)).toThrow(message);
    });
  }

  it('accepts hostile strings as plain text', () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)> {{constructor}} \u202e';
    const parsed = parseNotesExport(JSON.stringify(file([exported({ text, title: '"><svg onload=alert(3)>' })])));
    expect(parsed.notes[0].text).toBe(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('planImport: merged by paper key, newer edit wins, older kept as a revision', () => {
  it('adds notes that do not exist, exactly as exported', () => {
    const plan = planImport(file([exported()]), new Map(), []);
    expect(plan.counts).toMatchObject({ add: 1, replace: 0, keep: 0, same: 0 });
    expect(plan.notes[0]).toEqual({ ...exported(), textRev: 4 });
  });

  it('replaces an older current note; the current text becomes an import revision and rev still grows', () => {
    const plan = planImport(file([exported({ rev: 2 })]), new Map([[current().paperKey, current()]]), []);
    expect(plan.items[0]).toMatchObject({ action: 'replace', currentUpdatedAt: T0, importedUpdatedAt: T0 + 100 });
    expect(plan.notes[0]).toMatchObject({ text: 'imported text', rev: 10, textRev: 10, createdAt: T0 - 50, tags: ['rl'], status: 'read' });
    expect(plan.revisions).toEqual([{ paperKey: 'arxiv:2106.09608', text: 'current text', tags: [], title: null, savedAt: T0, reason: 'import' }]);
  });

  it('keeps a newer current note; the imported text becomes an import revision', () => {
    const plan = planImport(file([exported({ updatedAt: T0 - 1 })]), new Map([[current().paperKey, current()]]), []);
    expect(plan.items[0].action).toBe('keep');
    expect(plan.notes).toEqual([]);
    expect(plan.revisions[0]).toMatchObject({ text: 'imported text', reason: 'import', savedAt: T0 - 1 });
  });

  it('equal content is "same" whatever the times', () => {
    const plan = planImport(file([exported({ text: 'current text', tags: [], status: 'none' })]), new Map([[current().paperKey, current()]]), []);
    expect(plan.counts).toMatchObject({ same: 1, revisions: 0 });
  });

  it('adds file revisions once (deduplicated against the database and each other)', () => {
    const rev = { paperKey: 'arxiv:2106.09608', text: 'old', tags: [], title: null, savedAt: T0 - 10, reason: 'edit' as const };
    const f = file([], { revisions: [rev, rev, { ...rev, savedAt: T0 - 20 }] });
    expect(planImport(f, new Map(), []).counts.revisions).toBe(2);
    expect(planImport(f, new Map(), [rev]).counts.revisions).toBe(1);
  });
});
