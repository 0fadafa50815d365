// Where imported packs' search indexes live: their own IndexedDB database, one generation per
// pack version (`${packId}@${corpusVersion}`). The rows of a generation are written in many short
// transactions and its head row last: a generation without a head is unfinished (an import that
// was stopped) and is never read; it is swept on the next write.
//
// A separate database from the corpus and notes (utils/db.ts): it holds nothing that cannot be
// rebuilt from the pack rows, has its own schema version, and the popup opens only it.
import Dexie, { type Table } from 'dexie';
import type { DocRow, HeadRow, StoredIndex, TermRow, VocabularyRow } from './postings';
import { writeInTimedChunks, type TimedChunks } from '../timed-chunks';

export const SEARCH_DB_NAME = 'summary-lens-search';

export class SearchStoreDB extends Dexie {
  terms!: Table<TermRow, [string, string, string]>;
  docs!: Table<DocRow, [string, number]>;
  heads!: Table<HeadRow, string>;
  vocabularies!: Table<VocabularyRow, string>;

  constructor(name = SEARCH_DB_NAME) {
    super(name);
    this.version(1).stores({
      terms: '[g+f+w]',
      docs: '[g+n], [g+a], [g+o]',
      heads: 'g',
      vocabularies: 'g',
    });
  }
}

let instance: SearchStoreDB | null = null;
export function getSearchDb(): SearchStoreDB {
  instance ??= new SearchStoreDB();
  return instance;
}

/**
 * Write transactions sized by time: the origin's databases share one IndexedDB backend, so even
 * a corpus lookup in another tab waits behind a long index write.
 */
const WRITE_CHUNKS: TimedChunks = { targetMs: 40, first: 200, min: 50, max: 4000 };
/** Rows per delete transaction. */
const WRITE_CHUNK = 2000;

/** Writes one generation; its head row last, so a stopped write leaves nothing that is read. */
export async function writeStoredIndex(db: SearchStoreDB, index: StoredIndex, onProgress?: (done: number, total: number) => void): Promise<void> {
  const { g } = index.head;
  await db.heads.delete(g); // a rewrite of the same generation is unfinished until its new head lands
  const total = index.terms.length + index.docs.length;
  let before = 0;
  for (const [table, rows] of [
    [db.terms, index.terms],
    [db.docs, index.docs],
  ] as const) {
    await writeInTimedChunks(rows as unknown[], (slice) => (table as Table<unknown>).bulkPut(slice), WRITE_CHUNKS, (done) => onProgress?.(before + done, total));
    before += rows.length;
  }
  await db.vocabularies.put(index.vocabulary);
  await db.heads.put(index.head);
}

/** The tables whose keys begin with the generation. */
const generationTables = (db: SearchStoreDB) => [db.terms, db.docs] as unknown as Table<unknown, unknown[]>[];

/** Deletes every generation not in `keep` (finished or not), a chunk at a time. */
export async function dropGenerations(db: SearchStoreDB, keep: ReadonlySet<string>): Promise<string[]> {
  const found = new Set<string>(await db.heads.toCollection().primaryKeys());
  // Generations are key prefixes: skip from one to the next instead of reading every key.
  for (const table of generationTables(db)) {
    let key = (await table.toCollection().limit(1).primaryKeys())[0];
    while (key) {
      const g = key[0] as string;
      found.add(g);
      key = (await table.where(':id').above([g, []]).limit(1).primaryKeys())[0];
    }
  }
  const stale = [...found].filter((g) => !keep.has(g));
  for (const g of stale) {
    await db.heads.delete(g);
    await db.vocabularies.delete(g);
    for (const table of generationTables(db)) {
      for (;;) {
        const keys = await table.where(':id').between([g], [g, []]).limit(WRITE_CHUNK).primaryKeys();
        if (!keys.length) break;
        await table.bulkDelete(keys);
      }
    }
  }
  return stale;
}
