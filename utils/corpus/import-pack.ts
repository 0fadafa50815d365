// A pack import, done by the options page itself: extension pages share the background's
// IndexedDB origin, so the page reads, checks and writes the pack (rows, then its search index,
// then the one-row switch) and the background, which serves every tab's lookups, never parses
// or holds the 100 MB. The background is told once the pack is on.
//
// HTML is stored as the pack gives it: it is untrusted data, sanitized where it is shown
// (components/panel/SafeHtml.tsx, utils/render/preview.ts: every display path), as before.
import type { SummaryLensDB } from '../db';
import { buildStoredIndex, type StoredIndex } from '../search/postings';
import { writeStoredIndex, type SearchStoreDB } from '../search/store';
import { BUSY_MESSAGE, installRunning } from './install-lock';
import type { InstallResult } from './install';
import { installWithProgress } from './progress';
import { checkPackSize, PackError, parsePackText, validatePack } from './validate';

export type ImportStage =
  | { stage: 'reading' }
  | { stage: 'checking' }
  | { stage: 'writing'; done: number; total: number }
  | { stage: 'indexing'; done: number; total: number }
  | { stage: 'switching' };

export interface ImportResult extends InstallResult {
  pack: { id: string; name: string; summaries: number; concepts: number };
  /** File chosen → switched on, everything included. */
  totalMs: number;
}

interface FileLike {
  size: number;
  text(): Promise<string>;
}

export interface ImportDeps {
  db: SummaryLensDB;
  searchDb: SearchStoreDB;
  /** Resolves once the shipped corpus is in place (its ids are checked for collisions). */
  ready: () => Promise<unknown>;
  /** Tells the background the pack is on (it drops replaced search data and refreshes badges). */
  announce: (packId: string) => Promise<unknown>;
  onStage?: (stage: ImportStage) => void;
}

/** Lets the page paint its progress between the long synchronous steps. */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Refuses a pack the browser has no room for before a row is written: a disk that fills up in
 * the middle of IndexedDB's writes can cost more than the import (Chromium may then discard the
 * origin's database). The rows hold about the file's text (the search index adds more), so less
 * free quota than the file's size cannot fit.
 */
async function assertRoomFor(bytes: number): Promise<void> {
  const { quota, usage } = await navigator.storage.estimate();
  if (quota !== undefined && usage !== undefined && quota - usage < bytes) throw new DOMException(`${bytes} bytes needed, ${quota - usage} free`, 'QuotaExceededError');
}

export async function importPackFile(file: FileLike, deps: ImportDeps): Promise<ImportResult> {
  const started = performance.now();
  const report = deps.onStage ?? (() => {});
  checkPackSize(file.size);
  // Refused before 100 MB are read; the install lock taken below is the real gate.
  if (await installRunning()) throw new PackError('busy', BUSY_MESSAGE);
  report({ stage: 'reading' });
  const text = await file.text();
  report({ stage: 'checking' });
  await paint();
  const pack = validatePack(parsePackText(text));
  await deps.ready();
  await assertRoomFor(file.size);
  // The index is built while the rows are written: the writes are the browser's IndexedDB work,
  // the build is this page's, so they overlap (started with the first write, once the lock is held).
  let building: Promise<StoredIndex> | null = null;
  const total = pack.summaries.length + pack.concepts.length;
  const result = await installWithProgress(
    deps.db,
    pack,
    'importing',
    {
      builtin: false,
      rejectForeignIds: true,
      onProgress: (done, rows) => {
        if (!building) {
          building = buildStoredIndex(pack, pack.corpusVersion);
          building.catch(() => {}); // awaited (and its failure reported) before the switch
        }
        report({ stage: 'writing', done, total: rows });
      },
      // The search index is written before the switch: the pack is searchable the moment it is live.
      beforeSwitch: async () => {
        report({ stage: 'indexing', done: 0, total });
        const index = await (building ?? buildStoredIndex(pack, pack.corpusVersion));
        await writeStoredIndex(deps.searchDb, index, (done, rows) => report({ stage: 'indexing', done: Math.round((done / rows) * total), total }));
        report({ stage: 'switching' });
      },
    },
    started,
  );
  // The pack is on whatever the background answers: what it does next is rebuildable housekeeping.
  if (result.status === 'installed') await deps.announce(pack.id).catch(() => {});
  return { ...result, pack: { id: pack.id, name: pack.name, summaries: result.summaries, concepts: result.concepts }, totalMs: performance.now() - started };
}
