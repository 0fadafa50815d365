// Schema upgrades keep every note: a database written by schema v1 (notes without tags, status,
// rev or title) opens with the current SummaryLensDB and every note and revision is still there.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SummaryLensDB } from '../../utils/db';
import { getNote, listNotes, saveNote } from '@/entrypoints/background/notes-store';

// The v1 schema exactly as release 1 declared it (utils/db.ts version(1)).
const V1_STORES = {
  summaries: 'id, packId, arxivId, openreviewId, [titleKey+authorKey], titleKey',
  concepts: 'id, packId',
  packs: 'id',
  notes: 'paperKey, updatedAt',
  revisions: '++id, paperKey, savedAt',
};

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function writeV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('notes').bulkAdd([
    { paperKey: 'arxiv:2106.09608', text: 'A v1 note with $x^2$ and *markdown*.', createdAt: 1000, updatedAt: 2000 },
    { paperKey: 'title:some paper outside the corpus', text: 'Second', createdAt: 3000, updatedAt: 4000 },
  ]);
  await v1.table('revisions').add({ paperKey: 'arxiv:2106.09608', text: 'older text', tags: [], savedAt: 1500, reason: 'edit' });
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('notes database migration from schema v1', () => {
  it('keeps every note, fills defaults, and makes tags/status queryable', async () => {
    const name = `sl-migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    await writeV1(name);

    const db = new SummaryLensDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    const notes = await db.notes.orderBy('paperKey').toArray();
    expect(notes).toHaveLength(2);
    expect(notes[0]).toEqual({
      paperKey: 'arxiv:2106.09608',
      text: 'A v1 note with $x^2$ and *markdown*.',
      createdAt: 1000,
      updatedAt: 2000,
      tags: [],
      status: 'none',
      rev: 1,
      title: null,
    });
    expect(await db.revisions.where('paperKey').equals('arxiv:2106.09608').count()).toBe(1);
    // The v2 indexes work on migrated rows.
    expect(await db.notes.where('status').equals('none').count()).toBe(2);

    // The migrated note behaves like any other: the editor sees textRev = rev = 1 and can save.
    const { note } = await getNote(db, 'arxiv:2106.09608');
    expect(note).toMatchObject({ rev: 1, textRev: 1, tags: [], status: 'none' });
    const saved = await saveNote(db, { paperKey: 'arxiv:2106.09608', text: 'edited after the upgrade', title: null, baseRev: note!.textRev, now: 5000 });
    expect(saved.conflict).toBe(false);
    expect(saved.value.note).toMatchObject({ text: 'edited after the upgrade', rev: 2 });
    await db.notes.update('title:some paper outside the corpus', { tags: ['later'] });
    expect(await db.notes.where('tags').equals('later').count()).toBe(1);
    const list = await listNotes(db, {});
    expect(list.total).toBe(2);
    db.close();
  });

  it('reopening an already-migrated database changes nothing', async () => {
    const name = `sl-migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    await writeV1(name);
    const first = new SummaryLensDB(name);
    const before = await first.notes.toArray();
    first.close();
    const second = new SummaryLensDB(name);
    expect(await second.notes.toArray()).toEqual(before);
    second.close();
  });
});
