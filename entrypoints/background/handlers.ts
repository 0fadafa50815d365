// The background's answers to every protocol message. Dexie is used only here.
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db';
import { getConceptRow, getSummaryRow, summariesWhere } from '@/utils/corpus/live';
import { toSummaryView } from '@/utils/corpus/lookup';
import { currentPaperId, ensurePaper, findPageRow, knownPaperOf, noteHasContent, resolvePageRef } from './identity-store';
import { notesChangedItem } from '@/utils/notes/live';
import type { Handlers, SenderLike } from '@/utils/messaging/dispatch';
import { dbStatus, ensureSeeded } from './corpus-state';
import { retryAborted } from '@/utils/db-errors';
import type { RequestOf } from '@/utils/messaging/protocol';
import { packsHandlers } from './packs-handlers';
import { notesHandlers } from './notes-handlers';
import { notesFrameHandlers } from './notes-frame-handlers';
import { recordSummaryView, searchHandlers } from './search-handlers';
import { settingsHandlers } from './settings-handlers';
import { relatedHandlers } from './related-handlers';
import { confirmTabBadge, updateTabBadge } from './tab-badge';
import { contentUiHandlers } from './content-ui-handlers';

export const handlers: Handlers = {
  ...packsHandlers,
  ...notesHandlers,
  ...notesFrameHandlers,
  ...searchHandlers,
  ...relatedHandlers,
  ...contentUiHandlers,
  ...settingsHandlers,
  ping: async () => ({ version: browser.runtime.getManifest().version, db: await dbStatus() }),

  wake: () => ({ awake: true }),

  lookupPaper: ({ ref }, sender) => retryAborted(() => lookupPaper(ref, sender)),

  setDismissed: async ({ paperKey, dismissed }) => {
    const db = getDb();
    await db.transaction('rw', db.dismissals, db.aliases, db.papers, async () => {
      const id = await currentPaperId(db, paperKey);
      if (dismissed) {
        await ensurePaper(db, id, null, Date.now());
        await db.dismissals.put({ paperKey: id, at: Date.now() });
      } else await db.dismissals.delete(id);
    });
    return { dismissed };
  },

  markTab: async (_, sender) => {
    // The top frame of a paper page only (a frame inside it does not decide the tab's mark).
    if (sender.tab?.id === undefined || !sender.url || sender.url !== sender.tab.url) return { marked: false };
    await ensureSeeded();
    await updateTabBadge(sender.tab.id, sender.url);
    return { marked: true };
  },

  lookupMany: async ({ arxivIds }) => {
    await ensureSeeded();
    const rows = await summariesWhere(getDb(), 'arxivId', arxivIds);
    return { found: Object.fromEntries(rows.map((r) => [r.arxivId!, { summaryId: r.id, title: r.paper.title }])) };
  },

  lookupRefs: ({ refs }) => retryAborted(async () => {
    await ensureSeeded();
    const db = getDb();
    const rows = await Promise.all(refs.map((ref) => findPageRow(db, ref)));
    const papers = await Promise.all(refs.map((ref, i) => knownPaperOf(db, ref, rows[i])));
    const notes = await db.notes.bulkGet(papers.map((p) => p ?? ''));
    return {
      found: rows.map((row, i) => {
        const hasNote = noteHasContent(notes[i]);
        return row || hasNote ? { summaryId: row?.id ?? null, title: row?.paper.title ?? null, hasNote } : null;
      }),
    };
  }),

  getSummary: async ({ id }) => {
    await ensureSeeded();
    const db = getDb();
    const row = await getSummaryRow(db, id);
    return row ? toSummaryView(db, row) : null;
  },

  getConcept: async ({ id }) => {
    await ensureSeeded();
    const row = await getConceptRow(getDb(), id);
    return row ? { id: row.id, module: row.module, title: row.title, markdown: row.markdown, html: row.html } : null;
  },
};

type LookupRef = RequestOf<'lookupPaper'>['ref'];

/** A page's paper: its summary, its paper id (learned from the page's aliases), note flag, dismissal. */
async function lookupPaper(ref: LookupRef, sender: SenderLike) {
  await ensureSeeded();
  const db = getDb();
  const row = await findPageRow(db, ref);
  // Every page form of a paper resolves to one paper id (its aliases: ids, DOI, title + first
  // author, and the corpus row's); notes, dismissals and the recent list hang off that id.
  // Learning the page's aliases writes; when that fails (a full disk), the page still gets its
  // summary and the paper already known, read without writing.
  const resolved = await resolvePageRef(db, ref, row, Date.now()).catch(() => undefined);
  const paperKey = resolved === undefined ? await knownPaperOf(db, ref, row) : (resolved?.paperId ?? null);
  // Two known papers turned out to be one: every open view refetches (their keys still work).
  if (resolved?.merged.length) await notesChangedItem.setValue({ paperKey: '*', rev: 0, at: Date.now(), by: null, conflict: resolved.textsJoined }).catch(() => {});
  // A viewed paper joins the popup's "recent" list; the page's answer does not wait for it.
  if (row && paperKey) void recordSummaryView(paperKey, row).catch(() => {});
  // The page's toolbar mark: a found summary marks its tab (an OpenReview forum matched by
  // title, say, which the URL alone could not tell); none leaves the mark the URL gives.
  if (sender.tab?.id !== undefined && sender.url && sender.url === sender.tab.url)
    void (row ? confirmTabBadge(sender.tab.id, sender.url, row.paper.title) : updateTabBadge(sender.tab.id, sender.url)).catch(() => {});
  const [note, dismissal] = paperKey ? await Promise.all([db.notes.get(paperKey), db.dismissals.get(paperKey)]) : [undefined, undefined];
  return { paperKey, summary: row ? await toSummaryView(db, row) : null, hasNote: noteHasContent(note), dismissed: Boolean(dismissal) };
}
