// Popup search support in the background: the recently viewed papers, and the search index of
// making each imported pack searchable where it is stored (the shipped pack's index is a file).
import { getDb, type SummaryRow } from '@/utils/db';
import type { Handlers } from '@/utils/messaging/dispatch';
import { buildStoredIndex, generationOf } from '@/utils/search/postings';
import { dropGenerations, getSearchDb, writeStoredIndex } from '@/utils/search/store';
import { MAX_RECENT } from '@/utils/search/recent';
import { corpusAliases } from '@/utils/identity/corpus';
import { resolvePaper } from './identity-store';
import { ensureSeeded } from './corpus-state';
import { getSummaryRow, livePackRows } from '@/utils/corpus/live';

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
 * Makes a pack searchable where it is stored (utils/search/store.ts): built from its rows, once
 * per pack version; generations of removed or replaced packs are dropped. Imported packs are
 * indexed on import; the shipped corpus (and a pack imported by an older release) when the popup
 * first asks — until then the popup searches the shipped corpus from its files.
 */
const indexing = new Map<string, Promise<string | null>>();
export function indexPackSearch(packId: string): Promise<string | null> {
  let running = indexing.get(packId);
  if (!running) {
    running = buildPackSearch(packId).finally(() => indexing.delete(packId));
    indexing.set(packId, running);
  }
  return running;
}

async function buildPackSearch(packId: string): Promise<string | null> {
  const db = getDb();
  const search = getSearchDb();
  const pack = await db.packs.get(packId);
  if (!pack) return null;
  if (!(await search.heads.get(generationOf(packId, pack.corpusVersion)))) {
    const rows = await livePackRows(db, packId);
    if (rows) await writeStoredIndex(search, await buildStoredIndex({ id: packId, ...rows }, pack.corpusVersion));
  }
  await dropStaleSearch();
  return pack.corpusVersion;
}

/** Drops the stored search of every pack version no longer installed. */
export async function dropStaleSearch(): Promise<void> {
  const installed = await getDb().packs.toArray();
  await dropGenerations(getSearchDb(), new Set(installed.map((p) => generationOf(p.id, p.corpusVersion))));
}

export const searchHandlers: Pick<Handlers, 'recordView' | 'listRecent' | 'preparePackSearch'> = {
  recordView: async ({ summaryId }) => {
    await ensureSeeded();
    const db = getDb();
    const row = await getSummaryRow(db, summaryId);
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

  preparePackSearch: async ({ packId }) => {
    await ensureSeeded();
    const corpusVersion = await indexPackSearch(packId);
    return corpusVersion === null ? null : { corpusVersion };
  },
};
