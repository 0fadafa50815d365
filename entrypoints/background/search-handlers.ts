// Popup search support in the background: the recently viewed papers, and the search index of
// each imported pack (the shipped pack's index is a file the popup fetches itself).
import { getDb, type SummaryRow } from '@/utils/db';
import { BUILTIN_PACK_ID } from '@/utils/corpus/pack';
import type { Handlers } from '@/utils/messaging/dispatch';
import { buildSearchArtifacts } from '@/utils/search/build-index';
import { SEARCH_INDEX_VERSION } from '@/utils/search/options';
import { MAX_RECENT } from '@/utils/search/recent';
import { corpusAliases } from '@/utils/identity/corpus';
import { resolvePaper } from './identity-store';
import { ensureSeeded } from './corpus-state';

/** Index text travels in pieces: one runtime message stays far below Chromium's 64 MiB cap. */
export const SEARCH_CHUNK_CHARS = 8 * 1024 * 1024;

/** Remembers that paper `paperKey`, which has a summary, was viewed (page panel, side panel or popup). */
export async function recordSummaryView(paperKey: string, row: Pick<SummaryRow, 'id' | 'arxivId' | 'openreviewId' | 'paper'>, viewedAt = Date.now()): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.recent, async () => {
    await db.recent.put({ paperKey, summaryId: row.id, title: row.paper.title, arxivId: row.arxivId, openreviewId: row.openreviewId, year: row.paper.year, viewedAt });
    const stale = await db.recent.orderBy('viewedAt').reverse().offset(MAX_RECENT).primaryKeys();
    if (stale.length) await db.recent.bulkDelete(stale);
  });
}

/**
 * Serialized search artifacts of imported packs. Built from the pack's rows the first time the
 * popup asks for a pack version, then kept: in memory for the worker's life, and in the Cache API
 * (no permission needed, survives worker restarts), so a large pack is indexed once, not on every
 * popup open. Entries of removed or replaced packs are dropped on the next request.
 */
interface PackSearchText {
  corpusVersion: string;
  index: string;
  docs: string;
}
const packSearchMemory = new Map<string, PackSearchText>();
const CACHE_NAME = `summary-lens-search-v${SEARCH_INDEX_VERSION}`;
const cacheUrl = (packId: string, version: string, part: 'index' | 'docs') =>
  `https://search.summary-lens.invalid/${encodeURIComponent(packId)}/${encodeURIComponent(version)}/${part}.json`;

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME);
  } catch {
    return null; // e.g. storage disabled: memory only
  }
}

async function fromCache(cache: Cache, packId: string, version: string): Promise<PackSearchText | null> {
  const [index, docs] = await Promise.all([cache.match(cacheUrl(packId, version, 'index')), cache.match(cacheUrl(packId, version, 'docs'))]);
  return index && docs ? { corpusVersion: version, index: await index.text(), docs: await docs.text() } : null;
}

async function dropStale(cache: Cache, installed: Map<string, string>): Promise<void> {
  for (const request of await cache.keys()) {
    const [packId, version] = new URL(request.url).pathname.split('/').slice(1, 3).map(decodeURIComponent);
    if (installed.get(packId) !== version) await cache.delete(request);
  }
}

/** An imported pack's serialized index and docs (built once per pack version, then cached). */
export async function packSearchText(packId: string): Promise<PackSearchText | null> {
  const db = getDb();
  const pack = await db.packs.get(packId);
  if (!pack) return null;
  const remembered = packSearchMemory.get(packId);
  if (remembered?.corpusVersion === pack.corpusVersion) return remembered;
  const cache = await openCache();
  let entry = cache ? await fromCache(cache, packId, pack.corpusVersion).catch(() => null) : null;
  if (!entry) {
    const [summaries, concepts] = await Promise.all([db.summaries.where('packId').equals(packId).toArray(), db.concepts.where('packId').equals(packId).toArray()]);
    const artifacts = buildSearchArtifacts({ id: packId, summaries, concepts });
    entry = { corpusVersion: pack.corpusVersion, index: JSON.stringify(artifacts.index), docs: JSON.stringify(artifacts.docs) };
    if (cache) {
      const json = { headers: { 'content-type': 'application/json' } };
      await Promise.all([
        cache.put(cacheUrl(packId, pack.corpusVersion, 'index'), new Response(entry.index, json)),
        cache.put(cacheUrl(packId, pack.corpusVersion, 'docs'), new Response(entry.docs, json)),
      ]).catch(() => {}); // full disk: still served from memory
      const installed = new Map((await db.packs.toArray()).map((p) => [p.id, p.corpusVersion]));
      await dropStale(cache, installed).catch(() => {});
    }
  }
  packSearchMemory.set(packId, entry);
  return entry;
}

export const searchHandlers: Pick<Handlers, 'recordView' | 'listRecent' | 'getPackSearchIndex'> = {
  recordView: async ({ summaryId }) => {
    await ensureSeeded();
    const db = getDb();
    const row = await db.summaries.get(summaryId);
    if (!row) return { recorded: false };
    const paper = await resolvePaper(db, { aliases: corpusAliases(row), title: row.paper.title }, Date.now());
    if (!paper) return { recorded: false };
    await recordSummaryView(paper.paperId, row);
    return { recorded: true };
  },

  listRecent: async ({ limit }) => {
    const rows = await getDb().recent.orderBy('viewedAt').reverse().limit(limit ?? MAX_RECENT).toArray();
    return { recent: rows.map(({ summaryId, title, arxivId, openreviewId, year, viewedAt }) => ({ summaryId, title, arxivId, openreviewId, year, viewedAt })) };
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
