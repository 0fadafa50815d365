// Popup search support in the background: the recently viewed papers, and the search index of
// each imported pack (the shipped pack's index is a file the popup fetches itself).
import { getDb, type SummaryRow } from '../db';
import { BUILTIN_PACK_ID } from '../corpus/pack';
import type { Handlers } from '../messaging/dispatch';
import { buildSearchArtifacts } from '../search/build-index';
import { recentViewsItem, withView } from '../search/recent';
import { ensureSeeded } from './corpus-state';

/** Index text travels in pieces: one runtime message stays far below Chromium's 64 MiB cap. */
export const SEARCH_CHUNK_CHARS = 8 * 1024 * 1024;

/** Remembers that a paper with a summary was viewed (page panel, side panel or popup). */
export async function recordSummaryView(row: Pick<SummaryRow, 'id' | 'arxivId' | 'openreviewId' | 'paper'>): Promise<void> {
  const list = await recentViewsItem.getValue();
  await recentViewsItem.setValue(
    withView(list, { summaryId: row.id, title: row.paper.title, arxivId: row.arxivId, openreviewId: row.openreviewId, year: row.paper.year, viewedAt: Date.now() }),
  );
}

/**
 * Serialized search artifacts of imported packs, by pack id and version. Built from the pack's
 * rows the first time the popup asks after a (re)start of the background, then served from here.
 * TODO(pack import): persisting buildSearchArtifacts(pack) at import time would spare that build.
 */
const packSearchCache = new Map<string, { corpusVersion: string; index: string; docs: string }>();

async function packSearchText(packId: string): Promise<{ corpusVersion: string; index: string; docs: string } | null> {
  const db = getDb();
  const pack = await db.packs.get(packId);
  if (!pack) return null;
  const cached = packSearchCache.get(packId);
  if (cached?.corpusVersion === pack.corpusVersion) return cached;
  const [summaries, concepts] = await Promise.all([db.summaries.where('packId').equals(packId).toArray(), db.concepts.where('packId').equals(packId).toArray()]);
  const artifacts = buildSearchArtifacts({ id: packId, summaries, concepts });
  const entry = { corpusVersion: pack.corpusVersion, index: JSON.stringify(artifacts.index), docs: JSON.stringify(artifacts.docs) };
  packSearchCache.set(packId, entry);
  return entry;
}

export const searchHandlers: Pick<Handlers, 'recordView' | 'listRecent' | 'getPackSearchIndex'> = {
  recordView: async ({ summaryId }) => {
    await ensureSeeded();
    const row = await getDb().summaries.get(summaryId);
    if (!row) return { recorded: false };
    await recordSummaryView(row);
    return { recorded: true };
  },

  listRecent: async ({ limit }) => {
    const list = await recentViewsItem.getValue();
    return { recent: list.slice(0, limit ?? list.length) };
  },

  getPackSearchIndex: async ({ packId, part, chunk }) => {
    if (packId === BUILTIN_PACK_ID) return null; // shipped as files: the popup fetches those
    await ensureSeeded();
    const entry = await packSearchText(packId);
    if (!entry) return null;
    const text = part === 'index' ? entry.index : entry.docs;
    const chunks = Math.max(1, Math.ceil(text.length / SEARCH_CHUNK_CHARS));
    return { corpusVersion: entry.corpusVersion, chunks, text: text.slice(chunk * SEARCH_CHUNK_CHARS, (chunk + 1) * SEARCH_CHUNK_CHARS) };
  },
};
