// The rules behind every note write: conflicts, when revisions are kept, and their bound.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NoteRow, RevisionRow } from '../../utils/db';
import { changedChars, planDelete, planMeta, planRestore, planSave, revisionsToPrune, shouldKeepRevision, textRevOf, toNoteView } from '../../utils/notes/merge';
import { MAX_REVISIONS_PER_NOTE, REVISION_BURST_MS } from '../../utils/notes/limits';
import { normaliseTags, parseTagInput } from '../../utils/notes/tags';

const T0 = 1_700_000_000_000;
const note = (over: Partial<NoteRow> = {}): NoteRow => ({
  paperKey: 'arxiv:2106.09608',
  text: 'Knowledge graphs as world models.',
  tags: ['rl'],
  status: 'none',
  title: 'Learning Knowledge Graph-based World Models',
  createdAt: T0,
  updatedAt: T0,
  rev: 3,
  textRev: 3,
  ...over,
});

describe('planSave', () => {
  it('creates a note at rev 1 with no revision', () => {
    const plan = planSave(undefined, { paperKey: 'arxiv:1', text: 'hi', title: 'T', baseRev: 0, now: T0 }, null);
    expect(plan.note).toMatchObject({ paperKey: 'arxiv:1', text: 'hi', rev: 1, textRev: 1, tags: [], status: 'none', title: 'T', createdAt: T0 });
    expect(plan.revision).toBeNull();
    expect(plan.conflict).toBe(false);
  });

  it('a save based on the current text bumps rev, keeps no revision inside a typing burst', () => {
    const stored = note();
    const plan = planSave(stored, { paperKey: stored.paperKey, text: stored.text + ' More.', title: null, baseRev: 3, now: T0 + 400 }, T0 - 1000);
    expect(plan.note).toMatchObject({ text: stored.text + ' More.', rev: 4, textRev: 4, updatedAt: T0 + 400, title: stored.title });
    expect(plan.conflict).toBe(false);
    expect(plan.revision).toBeNull();
  });

  it('keeps the previous text when a new burst starts or when there is no revision yet', () => {
    const stored = note();
    const later = planSave(stored, { paperKey: stored.paperKey, text: stored.text + '!', title: null, baseRev: 3, now: T0 + REVISION_BURST_MS + 1 }, T0);
    expect(later.revision).toMatchObject({ reason: 'edit', text: stored.text, tags: ['rl'], savedAt: T0 });
    const first = planSave(stored, { paperKey: stored.paperKey, text: stored.text + '!', title: null, baseRev: 3, now: T0 + 10 }, null);
    expect(first.revision?.reason).toBe('edit');
  });

  it('always keeps the previous text before a wipe or a paste-over, even mid-burst', () => {
    const stored = note({ text: 'A long careful note about the method and its ablations.' });
    const wipe = planSave(stored, { paperKey: stored.paperKey, text: '', title: null, baseRev: 3, now: T0 + 100 }, T0 + 50);
    expect(wipe.revision).toMatchObject({ reason: 'edit', text: stored.text });
    const paste = planSave(stored, { paperKey: stored.paperKey, text: 'Something else entirely, pasted over all of it.', title: null, baseRev: 3, now: T0 + 100 }, T0 + 50);
    expect(paste.revision?.text).toBe(stored.text);
  });

  it('detects a race: another view saved since baseRev -> this (newest) edit wins, the other text is kept as a conflict revision', () => {
    const stored = note({ text: 'Written in tab B', rev: 5, textRev: 5 });
    const plan = planSave(stored, { paperKey: stored.paperKey, text: 'Written in tab A', title: null, baseRev: 4, now: T0 + 10 }, T0);
    expect(plan.conflict).toBe(true);
    expect(plan.note).toMatchObject({ text: 'Written in tab A', rev: 6, textRev: 6 });
    expect(plan.revision).toMatchObject({ reason: 'conflict', text: 'Written in tab B' });
  });

  it('tags/status changes (rev without textRev) do not make the editor conflict', () => {
    const stored = note({ rev: 7, textRev: 3 });
    const plan = planSave(stored, { paperKey: stored.paperKey, text: stored.text + ' x', title: null, baseRev: 3, now: T0 + 1 }, T0);
    expect(plan.conflict).toBe(false);
    expect(plan.note).toMatchObject({ rev: 8, textRev: 8, tags: ['rl'] });
  });

  it('an identical text is no write, and no conflict, whatever the revs', () => {
    const stored = note({ rev: 9, textRev: 9 });
    const plan = planSave(stored, { paperKey: stored.paperKey, text: stored.text, title: null, baseRev: 1, now: T0 + 1 }, T0);
    expect(plan).toEqual({ note: null, revision: null, conflict: false });
  });

  it('reads old rows without textRev as text changed at rev', () => {
    expect(textRevOf({ rev: 4 })).toBe(4);
    expect(toNoteView({ ...note(), textRev: undefined, rev: 2 }).textRev).toBe(2);
  });

  it('never loses either text in any race (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(10), fc.nat(10), (storedText, incoming, storedRev, baseRev) => {
        const stored = note({ text: storedText, rev: storedRev, textRev: storedRev });
        const plan = planSave(stored, { paperKey: stored.paperKey, text: incoming, title: null, baseRev, now: T0 + 5 }, T0);
        const after = plan.note?.text ?? stored.text;
        expect(after).toBe(incoming);
        // The stored text survives as the note or as a revision whenever a race replaced it.
        if (storedText !== incoming && baseRev < storedRev) expect(plan.revision?.text).toBe(storedText);
      }),
    );
  });
});

describe('shouldKeepRevision / changedChars', () => {
  it('counts replaced or removed characters, not appended ones', () => {
    expect(changedChars('hello', 'hello world')).toBe(0);
    expect(changedChars('hello world', 'hello')).toBe(6);
    expect(changedChars('abcdef', 'abXYef')).toBe(2);
    expect(changedChars('abc', '')).toBe(3);
  });
  it('small fixes mid-burst keep nothing; empty previous text keeps nothing', () => {
    expect(shouldKeepRevision('a fairly long note text here', 'a fairly long note text her', T0, T0 + 1)).toBe(false);
    expect(shouldKeepRevision('', 'new', null, T0)).toBe(false);
  });
});

describe('meta, restore, delete', () => {
  it('setNoteMeta normalises tags, creates a note when needed, keeps textRev', () => {
    const created = planMeta(undefined, { paperKey: 'arxiv:1', title: 'T', tags: [' #RL', 'rl', 'Graphs  Nets'], now: T0 })!;
    expect(created).toMatchObject({ tags: ['rl', 'graphs nets'], status: 'none', text: '', rev: 1, textRev: 0 });
    const read = planMeta(created, { paperKey: 'arxiv:1', title: 'T', status: 'read', now: T0 + 1 })!;
    expect(read).toMatchObject({ status: 'read', rev: 2, textRev: 0, tags: ['rl', 'graphs nets'] });
    expect(planMeta(read, { paperKey: 'arxiv:1', title: 'T', status: 'read', now: T0 + 2 })).toBeNull();
  });

  it('restore brings back text and tags and keeps the current text first (undo of the undo)', () => {
    const stored = note({ text: '', tags: [] });
    const rev: RevisionRow = { id: 4, paperKey: stored.paperKey, text: 'the wiped text', tags: ['rl'], savedAt: T0 - 5, reason: 'edit' };
    const empty = planRestore(stored, rev, T0 + 1);
    expect(empty.note).toMatchObject({ text: 'the wiped text', tags: ['rl'], rev: 4, textRev: 4 });
    expect(empty.revision).toBeNull(); // nothing worth keeping in an empty note
    const nonEmpty = planRestore(note({ text: 'current' }), rev, T0 + 1);
    expect(nonEmpty.revision).toMatchObject({ reason: 'restore', text: 'current' });
    const deleted = planRestore(undefined, { ...rev, title: 'Old title' }, T0 + 1);
    expect(deleted.note).toMatchObject({ text: 'the wiped text', title: 'Old title', rev: 1 });
  });

  it('delete keeps the text as a delete revision dated at the deletion', () => {
    expect(planDelete(note(), T0 + 99)).toMatchObject({ reason: 'delete', text: note().text, savedAt: T0 + 99, title: note().title });
    expect(planDelete(note({ text: '', tags: [] }), T0)).toBeNull();
  });
});

describe('revision bound', () => {
  it(`keeps the newest ${MAX_REVISIONS_PER_NOTE}`, () => {
    const revs = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, savedAt: T0 + ((i * 7919) % 60) * 1000 }));
    const drop = revisionsToPrune(revs);
    expect(drop).toHaveLength(10);
    const kept = revs.filter((r) => !drop.includes(r.id));
    expect(Math.min(...kept.map((r) => r.savedAt))).toBeGreaterThan(Math.max(...revs.filter((r) => drop.includes(r.id)).map((r) => r.savedAt)));
    expect(revisionsToPrune(revs.slice(0, 50))).toEqual([]);
  });
});

describe('tags', () => {
  it('normalises, dedupes and bounds', () => {
    expect(normaliseTags(['  RL ', 'rl', '#Graph', '', 'a,b'])).toEqual(['rl', 'graph', 'a b']);
    expect(normaliseTags(Array.from({ length: 30 }, (_, i) => `t${i}`))).toHaveLength(20);
    expect(parseTagInput('rl, graphs ,, ')).toEqual(['rl', 'graphs']);
  });
});
