// Corpus packs: list, import (in pieces, validated again here before anything is written) and
// remove. Only extension pages may send these (messageAccess in the protocol).
import { getDb, type PackRow } from '@/utils/db';
import { removePack } from '@/utils/corpus/install';
import { refreshAllTabBadges } from './tab-badge';
import { BUILTIN_PACK_ID } from '@/utils/corpus/pack';
import { corpusProgressItem, isLiveProgress, lastInstallItem } from '@/utils/corpus/progress';
import { MAX_PACK_BYTES, PackError, readPack } from '@/utils/corpus/validate';
import { MessageError } from '@/utils/messaging/client';
import type { Handlers } from '@/utils/messaging/dispatch';
import type { PackInfo } from '@/utils/messaging/protocol';
import { describeDbError } from '@/utils/db-errors';
import { ensureSeeded, installWithProgress } from './corpus-state';
import { dropStaleSearch } from './search-handlers';
import { buildStoredIndex } from '@/utils/search/postings';
import { getSearchDb, writeStoredIndex } from '@/utils/search/store';

interface Upload {
  chunks: string[];
  count: number;
  chars: number;
  touchedAt: number;
}

/** Uploads in progress, in memory: a stopped worker loses them and the page is told to retry. */
const uploads = new Map<string, Upload>();
const UPLOAD_IDLE_MS = 2 * 60_000;
const MAX_UPLOADS = 2;
/** Sanitizing on the page may grow the HTML a little; the limit on the file itself is exact. */
const MAX_UPLOAD_CHARS = MAX_PACK_BYTES * 1.25;

function toInfo(row: PackRow): PackInfo {
  const { id, name, corpusVersion, summaries, concepts, installedAt, builtin } = row;
  return { id, name, corpusVersion, summaries, concepts, installedAt, builtin };
}

function dropIdleUploads(now: number): void {
  for (const [id, upload] of uploads) if (now - upload.touchedAt > UPLOAD_IDLE_MS) uploads.delete(id);
}

async function installUploaded(text: string) {
  const started = performance.now();
  let pack;
  try {
    pack = readPack(text);
  } catch (error) {
    if (error instanceof PackError) throw new MessageError('bad-request', error.message);
    throw error;
  }
  await ensureSeeded(); // the builtin ids must be in place before collisions are checked
  try {
    // The search index is written before the switch: the pack is searchable the moment it is live.
    const beforeSwitch = async () => writeStoredIndex(getSearchDb(), await buildStoredIndex(pack, pack.corpusVersion));
    const result = await installWithProgress(pack, 'importing', { builtin: false, rejectForeignIds: true, beforeSwitch }, started);
    const row = await getDb().packs.get(pack.id);
    if (!row) throw new Error('The pack was written but cannot be read back.');
    // The replaced version's index is rebuildable data: failing to drop it never fails the import.
    await dropStaleSearch().catch(() => {});
    // Open paper tabs may have gained a summary: refresh their toolbar marks.
    void refreshAllTabBadges().catch(() => {});
    return { done: true as const, status: result.status, pack: toInfo(row), installMs: result.ms, totalMs: performance.now() - started };
  } catch (error) {
    if (error instanceof PackError) throw new MessageError('bad-request', error.message);
    throw new MessageError('internal', describeDbError(error));
  }
}

export const packsHandlers: Pick<Handlers, 'listPacks' | 'importPackChunk' | 'removePack'> = {
  listPacks: async () => {
    await ensureSeeded();
    const packs = await getDb().packs.toArray();
    packs.sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.installedAt - b.installedAt);
    const progress = await corpusProgressItem.getValue();
    return { packs: packs.map(toInfo), progress: isLiveProgress(progress) ? progress : null, lastInstall: await lastInstallItem.getValue() };
  },

  importPackChunk: async ({ uploadId, index, count, text }) => {
    const now = Date.now();
    dropIdleUploads(now);
    let upload = uploads.get(uploadId);
    if (index === 0) {
      if (!upload && uploads.size >= MAX_UPLOADS) throw new MessageError('bad-request', 'Another import is still running; wait for it to finish.');
      upload = { chunks: [], count, chars: 0, touchedAt: now };
      uploads.set(uploadId, upload);
    }
    if (!upload) throw new MessageError('bad-request', 'The import was interrupted (the extension restarted). Please import the file again.');
    if (index !== upload.chunks.length || count !== upload.count) {
      uploads.delete(uploadId);
      throw new MessageError('bad-request', 'The import arrived out of order. Please import the file again.');
    }
    upload.chars += text.length;
    if (upload.chars > MAX_UPLOAD_CHARS) {
      uploads.delete(uploadId);
      throw new MessageError('bad-request', `The pack is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; it was not imported.`);
    }
    upload.chunks.push(text);
    upload.touchedAt = now;
    if (upload.chunks.length < upload.count) return { done: false, received: upload.chunks.length };
    uploads.delete(uploadId);
    return installUploaded(upload.chunks.join(''));
  },

  removePack: async ({ id }) => {
    if (id === BUILTIN_PACK_ID) throw new MessageError('bad-request', 'The corpus that ships with the extension cannot be removed.');
    const db = getDb();
    const existed = (await db.packs.get(id)) !== undefined;
    await removePack(db, id);
    await dropStaleSearch().catch(() => {}); // rebuilt-from-rows data: a failure here loses nothing
    void refreshAllTabBadges().catch(() => {});
    return { removed: existed };
  },
};
