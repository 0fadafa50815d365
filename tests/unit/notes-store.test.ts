// Notes in Dexie (fake-indexeddb): saves, races, bounded history, restore, delete, list, import.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { SummaryLensDB } from '../../utils/db';
import * as store from '@/entrypoints/background/notes-store';
import { MAX_REVISIONS_PER_NOTE, REVISION_BURST_MS } from '../../utils/notes/limits';
import { buildJsonExport } from '../../utils/notes/export-json';

let db: SummaryLensDB;
beforeEach(async () => {
  db = new SummaryLensDB(`sl-notes-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const KEY = 'arxiv:2106.09608';
const T0 = 1_700_000_000_000;

async function save(text: string, baseRev: number, now: number, paperKey = KEY) {
  return store.saveNote(db, { paperKey, text, title: 'Learning Knowledge Graph-based World Models', baseRev, now });
}

describe('saving', () => {
  it('autosaves of one editor never conflict; rev grows by one per save', async () => {
    let base = 0;
    for (let i = 1; i <= 5; i++) {
      const out = await save('x'.repeat(i), base, T0 + i * 400);
      expect(out.conflict).toBe(false);
      expect(out.rev).toBe(i);
      base = out.value.note!.textRev;
    }
    expect((await store.getNote(db, KEY)).note).toMatchObject({ text: 'xxxxx', rev: 5 });
  });

  it('two views racing: the newest save wins, the other text is kept as a conflict revision and reported', async () => {
    const a0 = await save('shared start', 0, T0);
    const fromB = await save('edit from view B', a0.value.note!.textRev, T0 + 1000);
    const fromA = await save('edit from view A', a0.value.note!.textRev, T0 + 1200); // A never saw B's save
    expect(fromA.conflict).toBe(true);
    expect(fromA.value.conflict).toMatchObject({ otherText: 'edit from view B', otherSavedAt: T0 + 1000 });
    expect((await store.getNote(db, KEY)).note?.text).toBe('edit from view A');
    const revisions = await store.listRevisions(db, KEY);
    expect(revisions.find((r) => r.reason === 'conflict')).toMatchObject({ text: 'edit from view B', id: fromA.value.conflict!.revisionId });
    expect(fromB.conflict).toBe(false);
  });

  it(`keeps at most ${MAX_REVISIONS_PER_NOTE} revisions per paper, dropping the oldest`, async () => {
    let base = 0;
    for (let i = 0; i < 70; i++) {
      const out = await save(`version ${i}`, base, T0 + i * (REVISION_BURST_MS + 1));
      base = out.value.note!.textRev;
    }
    const revisions = await store.listRevisions(db, KEY);
    expect(revisions).toHaveLength(MAX_REVISIONS_PER_NOTE);
    expect(revisions[0].text).toBe('version 68');
    expect(revisions.at(-1)!.text).toBe('version 19');
    // Other papers' history is untouched by the bound.
    await save('other', 0, T0, 'arxiv:1706.03762');
    expect(await store.listRevisions(db, 'arxiv:1706.03762')).toHaveLength(0);
  });

  it('refuses text over the size limit with a clear error and writes nothing', async () => {
    await expect(save('x'.repeat(200_001), 0, T0)).rejects.toThrow(/at most 200,000 characters/);
    expect((await store.getNote(db, KEY)).note).toBeNull();
  });
});

describe('undoing an accidental wipe', () => {
  it('wipe mid-burst is kept; restore brings it back; the restore itself is undoable', async () => {
    const first = await save('My careful notes on the paper, several sentences long.', 0, T0);
    const wiped = await save('', first.value.note!.textRev, T0 + 500);
    expect(wiped.value.note!.text).toBe('');
    const [kept] = await store.listRevisions(db, KEY);
    expect(kept).toMatchObject({ reason: 'edit', text: 'My careful notes on the paper, several sentences long.' });
    await save('oops new text', wiped.value.note!.textRev, T0 + 900);
    const restored = await store.restoreRevision(db, kept.id, T0 + 1000);
    expect(restored.value.note!.text).toBe('My careful notes on the paper, several sentences long.');
    expect((await store.listRevisions(db, KEY))[0]).toMatchObject({ reason: 'restore', text: 'oops new text' });
    await expect(store.restoreRevision(db, 999_999, T0)).rejects.toThrow(/no longer exists/);
  });

  it('a deleted note keeps its history, shows as deleted, and can be restored', async () => {
    await save('to be deleted', 0, T0);
    await store.setNoteMeta(db, { paperKey: KEY, title: null, tags: ['rl'], status: 'to-read', now: T0 + 1 });
    expect((await store.deleteNote(db, KEY, T0 + 2)).value.deleted).toBe(true);
    const list = await store.listNotes(db, {});
    expect(list.total).toBe(0);
    expect(list.deleted).toEqual([
      { paperKey: KEY, title: 'Learning Knowledge Graph-based World Models', deletedAt: T0 + 2, revisions: 1, lastRevisionId: expect.any(Number) },
    ]);
    const back = await store.restoreRevision(db, list.deleted[0].lastRevisionId, T0 + 3);
    expect(back.value.note).toMatchObject({ text: 'to be deleted', tags: ['rl'] });
    expect((await store.listNotes(db, {})).deleted).toEqual([]);
  });
});

describe('dashboard list', () => {
  beforeEach(async () => {
    await db.packs.put({ id: 'builtin', name: 'b', corpusVersion: '1', schemaVersion: 1, summaries: 1, concepts: 0, installedAt: 1, builtin: true, gen: 'g1' });
    await db.summaryRows.add({
      id: 's1', packId: 'builtin', gen: 'g1', arxivId: '2106.09608', openreviewId: null, titleKey: 'learning', authorKey: 'ammanabrolu',
      markdown: '', html: '', truncated: false, sources: [], related: [], concepts: [],
      paper: { arxivId: '2106.09608', openreviewId: null, title: 'Learning Knowledge Graph-based World Models of Textual Environments', authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'], year: 2021, venue: null, confidence: 'high', evidence: [], reason: null },
    });
    await store.saveNote(db, { paperKey: KEY, text: 'graphs as world models', title: null, baseRev: 0, now: T0 + 10 });
    await store.setNoteMeta(db, { paperKey: KEY, title: null, tags: ['rl', 'graphs'], status: 'read', now: T0 + 11 });
    await store.saveNote(db, { paperKey: 'openreview:Hkx_ab-1', text: 'attention notes', title: 'Zebra Attention', baseRev: 0, now: T0 + 20 });
    await store.setNoteMeta(db, { paperKey: 'openreview:Hkx_ab-1', title: null, status: 'to-read', tags: ['rl'], now: T0 + 21 });
    await store.saveNote(db, { paperKey: 'title:a paper with no ids', text: 'plain', title: 'A Paper With No Ids', baseRev: 0, now: T0 + 5 });
  });

  it('names papers by corpus title, else stored title, with open-paper links', async () => {
    const { notes, tags, total } = await store.listNotes(db, {});
    expect(total).toBe(3);
    expect(notes.map((n) => n.paperKey)).toEqual(['openreview:Hkx_ab-1', KEY, 'title:a paper with no ids']);
    expect(notes[1]).toMatchObject({ title: 'Learning Knowledge Graph-based World Models of Textual Environments', url: 'https://arxiv.org/abs/2106.09608', summaryId: 's1', status: 'read' });
    expect(notes[0]).toMatchObject({ title: 'Zebra Attention', url: 'https://openreview.net/forum?id=Hkx_ab-1', summaryId: null });
    expect(notes[2].url).toBeNull();
    expect(tags).toEqual([{ tag: 'rl', count: 2 }, { tag: 'graphs', count: 1 }]);
  });

  it('searches title, authors, tags and text; filters by tag and status; sorts by title', async () => {
    expect((await store.listNotes(db, { query: 'riedl world' })).notes.map((n) => n.paperKey)).toEqual([KEY]);
    expect((await store.listNotes(db, { query: 'ATTENTION' })).notes).toHaveLength(1);
    expect((await store.listNotes(db, { tag: 'rl' })).notes).toHaveLength(2);
    expect((await store.listNotes(db, { status: 'to-read' })).notes.map((n) => n.paperKey)).toEqual(['openreview:Hkx_ab-1']);
    expect((await store.listNotes(db, { sort: 'title' })).notes.map((n) => n.title)).toEqual(['A Paper With No Ids', 'Learning Knowledge Graph-based World Models of Textual Environments', 'Zebra Attention']);
  });
});

describe('import into the database', () => {
  async function exportNow() {
    return JSON.stringify(buildJsonExport(await db.notes.toArray(), await db.revisions.toArray(), { theme: 'dark' }, new Date(T0)));
  }

  it('export -> wipe -> import gives back exactly the same notes and history', async () => {
    let base = 0;
    for (let i = 0; i < 3; i++) base = (await save(`v${i} of a note that is long enough`, base, T0 + i * REVISION_BURST_MS)).value.note!.textRev;
    await store.setNoteMeta(db, { paperKey: KEY, title: null, tags: ['rl'], status: 'read', now: T0 + 5 * REVISION_BURST_MS });
    await save('second paper', 0, T0, 'openreview:abc');
    const json = await exportNow();
    expect(await store.wipeNotes(db)).toEqual({ notes: 2, revisions: 2 });
    const preview = await store.previewImport(db, json, {});
    expect(preview.counts).toEqual({ add: 2, replace: 0, keep: 0, same: 0, revisions: 2 });
    expect(preview.settings).toBe(true);
    await store.applyImport(db, json);
    expect(await exportNow()).toBe(json);
    // A second import of the same file changes nothing.
    const again = await store.applyImport(db, json);
    expect(again.counts).toEqual({ add: 0, replace: 0, keep: 0, same: 2, revisions: 0 });
    expect(await exportNow()).toBe(json);
  });

  it('a malformed file writes nothing and names the problem', async () => {
    await save('keep me', 0, T0);
    const before = await exportNow();
    const bad = JSON.stringify({ format: 'summary-lens-notes', version: 1, exportedAt: 'x', notes: [{ paperKey: 'arxiv:1', text: 5 }], revisions: [] });
    await expect(store.applyImport(db, bad)).rejects.toThrow(/notes\[0\]\.text/);
    await expect(store.applyImport(db, '{"format":')).rejects.toThrow(/not valid JSON/);
    expect(await exportNow()).toBe(before);
  });

  it('a QuotaExceededError mid-import rolls everything back', async () => {
    await save('existing', 0, T0);
    const before = await exportNow();
    const file = JSON.parse(before);
    file.notes.push({ ...file.notes[0], paperKey: 'arxiv:1111.1111', text: 'new one' });
    file.notes[0] = { ...file.notes[0], text: 'newer text', updatedAt: T0 + 10_000 };
    const spy = vi.spyOn(db.revisions, 'bulkAdd').mockImplementation(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never);
    const error = await store.applyImport(db, JSON.stringify(file)).catch((e: unknown) => e);
    spy.mockRestore();
    expect((error as DOMException).name).toBe('QuotaExceededError');
    expect(await exportNow()).toBe(before);
  });
});
