// Database faults a user can meet: a database written by a newer release (downgrade) and a full
// disk during an install. Each gives a clear sentence and loses nothing.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { wrapTables } from './support/dexie-tables';
import { SummaryLensDB } from '../../utils/db';
import { installPack, sweepStaleRows } from '../../utils/corpus/install';
import { getSummaryRow } from '../../utils/corpus/live';
import { describeDbError } from '@/utils/db-errors';
import { makePack } from '../fixtures/packs/make-packs';

const names: string[] = [];
const dbName = () => {
  const name = `fault-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function rawOpen(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('downgrade (a newer release wrote the database)', () => {
  it('refuses to open it with a clear message and changes nothing', async () => {
    const name = dbName();
    // What a future release might leave: our stores plus one we do not know, at version 5.
    const newer = await rawOpen(name, 50, (db) => {
      for (const store of ['summaries', 'concepts', 'packs']) db.createObjectStore(store, { keyPath: 'id' });
      db.createObjectStore('notes', { keyPath: 'paperKey' }).put({ paperKey: 'arxiv:1', text: 'future shape', body: { blocks: [] } });
      db.createObjectStore('revisions', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('highlights', { keyPath: 'id' });
    });
    newer.close();

    const db = new SummaryLensDB(name);
    const error = await db.notes.toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(describeDbError(error)).toMatch(/written by a newer version of Summary Lens\. Update the extension/);
    // A second attempt fails the same way (it does not half-open).
    expect(describeDbError(await db.packs.count().catch((e: unknown) => e))).toMatch(/newer version/);
    db.close();

    const after = await rawOpen(name);
    expect(after.version).toBe(50);
    expect([...after.objectStoreNames]).toContain('highlights');
    const row = await new Promise((resolve) => {
      const req = after.transaction('notes').objectStore('notes').get('arxiv:1');
      req.onsuccess = () => resolve(req.result);
    });
    expect(row).toEqual({ paperKey: 'arxiv:1', text: 'future shape', body: { blocks: [] } });
    after.close();
  });

  it('still opens a database at its own version', async () => {
    const name = dbName();
    const db = new SummaryLensDB(name);
    await db.notes.put({ paperKey: 'k', text: 't', tags: [], status: 'none', title: null, createdAt: 1, updatedAt: 1, rev: 1 });
    db.close();
    const again = new SummaryLensDB(name);
    expect(await again.notes.count()).toBe(1);
    again.close();
  });
});

describe('quota exceeded during an install', () => {
  /** Makes the Nth summaries write fail the way a full disk does. */
  function failWritesWithQuota(db: Dexie, afterWrites: number) {
    let writes = 0;
    wrapTables(db, 'full-disk', (t, name) => ({
      ...t,
      mutate: (req) => {
        if (name === 'summaryRows' && (req.type === 'put' || req.type === 'add') && ++writes > afterWrites)
          return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
        return t.mutate(req);
      },
    }));
  }

  it('maps to a clear message and keeps every existing row', async () => {
    const db = new SummaryLensDB(dbName());
    await installPack(db, makePack({ id: 'first', summaries: 50, concepts: 2 }), { builtin: false });
    await db.notes.put({ paperKey: 'arxiv:9999.00001', text: 'mine', tags: [], status: 'read', title: null, createdAt: 1, updatedAt: 1, rev: 1 });
    db.close();
    failWritesWithQuota(db, 1);
    await db.open();

    const error = await installPack(db, makePack({ id: 'second', summaries: 2500, concepts: 0 }), { builtin: false }).catch((e: unknown) => e);
    expect(describeDbError(error)).toBe('The browser has no storage space left for Summary Lens. Free some disk space; nothing was lost.');
    expect(await db.packs.toCollection().primaryKeys()).toEqual(['first']);
    // The rows written before the failure stay hidden (no pack names them; deleting more on a full
    // disk is what made Chromium discard a database) and go with the next sweep.
    expect(await db.summaryRows.filter((r) => r.packId === 'second').count()).toBeGreaterThan(0);
    expect(await getSummaryRow(db, 'second-s3'), 'no reader sees them').toBeUndefined();
    expect(await sweepStaleRows(db)).toBe(1);
    expect(await db.summaryRows.count()).toBe(50);
    expect(await db.notes.get('arxiv:9999.00001')).toMatchObject({ text: 'mine' });
    db.close();
  });
});

describe('describeDbError', () => {
  it('reads the error name or the wrapped inner error', () => {
    expect(describeDbError({ name: 'VersionError' })).toMatch(/newer version/);
    expect(describeDbError({ name: 'DatabaseClosedError', inner: { name: 'VersionError' } })).toMatch(/newer version/);
    expect(describeDbError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/no storage space/);
    expect(describeDbError(new Error('plain'))).toBe('plain');
    expect(describeDbError('text')).toBe('text');
    expect(describeDbError({ name: 'QuotaExceededError' }, 'the import')).toMatch(/so the import was cancelled and rolled back: nothing was changed/);
    expect(describeDbError(new Error('plain'), 'the export')).toBe('The export failed: plain');
    expect(describeDbError(null)).toBe('null');
  });
});
