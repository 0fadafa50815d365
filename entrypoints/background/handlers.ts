// The background's answers to every protocol message. Dexie is used only here.
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db';
import { findSummary, toSummaryView } from '@/utils/corpus/lookup';
import { paperKeyOf } from '@/utils/paper-ref';
import type { Handlers } from '@/utils/messaging/dispatch';
import { dbStatus, ensureSeeded } from './corpus-state';
import { packsHandlers } from './packs-handlers';
import { notesHandlers } from './notes-handlers';
import { notesFrameHandlers } from './notes-frame-handlers';
import { recordSummaryView, searchHandlers } from './search-handlers';
import { relatedHandlers } from './related-handlers';
import { confirmTabBadge } from './tab-badge';
import { contentUiHandlers } from './content-ui-handlers';

export const handlers: Handlers = {
  ...packsHandlers,
  ...notesHandlers,
  ...notesFrameHandlers,
  ...searchHandlers,
  ...relatedHandlers,
  ...contentUiHandlers,
  ping: async () => ({ version: browser.runtime.getManifest().version, db: await dbStatus() }),

  lookupPaper: async ({ ref }, sender) => {
    await ensureSeeded();
    const db = getDb();
    const row = await findSummary(db, ref);
    // Notes follow the corpus paper when there is one, so every page form of it shares them.
    const paperKey = row ? paperKeyOf({ arxivId: row.arxivId ?? undefined, openreviewId: row.openreviewId ?? undefined, title: row.paper.title ?? undefined }) ?? `summary:${row.id}` : paperKeyOf(ref);
    // A viewed paper joins the popup's "recent" list (kept in storage.local; failures never block the lookup).
    if (row) await recordSummaryView(row).catch(() => {});
    // A content script that found the summary (an OpenReview forum matched by title, say) marks its
    // tab's toolbar button too: the URL alone could not tell the badge code.
    if (row && sender.tab?.id !== undefined && sender.url && sender.url === sender.tab.url)
      void confirmTabBadge(sender.tab.id, sender.url, row.paper.title).catch(() => {});
    return { paperKey, summary: row ? await toSummaryView(db, row) : null };
  },

  lookupMany: async ({ arxivIds }) => {
    await ensureSeeded();
    const rows = await getDb().summaries.where('arxivId').anyOf(arxivIds).toArray();
    return { found: Object.fromEntries(rows.map((r) => [r.arxivId!, { summaryId: r.id, title: r.paper.title }])) };
  },

  getSummary: async ({ id }) => {
    await ensureSeeded();
    const db = getDb();
    const row = await db.summaries.get(id);
    return row ? toSummaryView(db, row) : null;
  },

  getConcept: async ({ id }) => {
    await ensureSeeded();
    const row = await getDb().concepts.get(id);
    return row ? { id: row.id, module: row.module, title: row.title, markdown: row.markdown, html: row.html } : null;
  },
};
