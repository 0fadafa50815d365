// Answers to the notes messages (spread into `handlers`). After every write the background sets
// storage.local `notesChanged` so every open view refetches within a second.
import { getDb } from '@/utils/db';
import { getSettings, updateSettings } from '@/utils/settings';
import { MessageError } from '@/utils/messaging/client';
import type { Handlers } from '@/utils/messaging/dispatch';
import { notesChangedItem } from '@/utils/notes/live';
import { buildJsonExport, exportFilename } from '@/utils/notes/export-json';
import { buildMarkdownExport } from '@/utils/notes/export-markdown';
import { buildBibtex } from '@/utils/notes/export-bibtex';
import { ImportError } from '@/utils/notes/import';
import { paperUrl } from '@/utils/notes/links';
import type { NotesRequestType } from '@/utils/notes/protocol';
import * as store from './notes-store';
import { ensureSeeded } from './corpus-state';
import { describeDbError } from '@/utils/db-errors';

async function notify(paperKey: string, rev: number | null, by: string | undefined, conflict = false): Promise<void> {
  if (rev === null) return;
  await notesChangedItem.setValue({ paperKey, rev, at: Date.now(), by: by ?? null, conflict });
}

/** Corpus titles are nice to have: a corpus that failed to seed must not block notes. */
async function corpusReady(): Promise<void> {
  await ensureSeeded().catch(() => undefined);
}

/** Database failures (quota, version) become sentences; validation failures keep their message. */
function userError(error: unknown, what: string): never {
  if (error instanceof MessageError) throw error;
  if (error instanceof ImportError || error instanceof RangeError) throw new MessageError('bad-request', error.message);
  throw new MessageError('internal', describeDbError(error, what));
}

export const notesHandlers: Pick<Handlers, NotesRequestType> = {
  getNote: ({ paperKey }) => store.getNote(getDb(), paperKey),

  saveNote: async ({ paperKey, text, title, baseRev, clientId, recreate }) => {
    const out = await store.saveNote(getDb(), { paperKey, text, title, baseRev, recreate, now: Date.now() }).catch((e) => userError(e, 'saving the note'));
    await notify(out.value.note?.paperKey ?? paperKey, out.rev, clientId, out.conflict);
    return out.value;
  },

  ackMergeNotice: async ({ paperKey, clientId }) => {
    const out = await store.ackMergeNotice(getDb(), paperKey).catch((e) => userError(e, 'saving the note'));
    await notify(out.value.note?.paperKey ?? paperKey, out.rev, clientId);
    return out.value;
  },

  setNoteMeta: async ({ paperKey, title, tags, status, clientId }) => {
    const out = await store.setNoteMeta(getDb(), { paperKey, title, tags, status, now: Date.now() }).catch((e) => userError(e, 'saving tags and status'));
    await notify(out.value.note.paperKey, out.rev, clientId);
    return out.value;
  },

  listNotes: async (query) => {
    await corpusReady();
    return store.listNotes(getDb(), query);
  },

  listRevisions: async ({ paperKey }) => ({ revisions: await store.listRevisions(getDb(), paperKey) }),

  restoreRevision: async ({ id, clientId }) => {
    const out = await store.restoreRevision(getDb(), id, Date.now()).catch((e) => userError(e, 'restoring'));
    await notify(out.value.note.paperKey, out.rev, clientId);
    return out.value;
  },

  deleteNote: async ({ paperKey }) => {
    const out = await store.deleteNote(getDb(), paperKey, Date.now()).catch((e) => userError(e, 'deleting the note'));
    await notify(paperKey, out.rev, undefined);
    return out.value;
  },

  wipeNotes: async () => {
    const counts = await store.wipeNotes(getDb()).catch((e) => userError(e, 'deleting all notes'));
    await notify('*', 0, undefined);
    return counts;
  },

  exportNotes: async ({ format }) => {
    await corpusReady();
    const db = getDb();
    const now = new Date();
    const notes = await db.notes.toArray();
    if (format === 'json') {
      const revisions = await db.revisions.toArray();
      const papers = await store.exportedPapers(db, [...new Set([...notes.map((n) => n.paperKey), ...revisions.map((r) => r.paperKey)])]);
      const doc = buildJsonExport(notes, revisions, await getSettings(), now, papers);
      return { filename: exportFilename('json', now), mimeType: 'application/json', content: JSON.stringify(doc, null, 2) + '\n' };
    }
    const corpus = await store.corpusRowsFor(db, notes.map((n) => n.paperKey));
    if (format === 'markdown') {
      const entries = notes.map((note) => {
        const row = corpus.get(note.paperKey);
        return { note, title: store.displayTitle(note, row), url: paperUrl(note.paperKey, row ? { arxivId: row.arxivId, openreviewId: row.openreviewId } : null) };
      });
      return { filename: exportFilename('md', now), mimeType: 'text/markdown', content: buildMarkdownExport(entries, now) };
    }
    const entries = notes.map((note) => {
      const row = corpus.get(note.paperKey);
      const paper = row ? { title: row.paper.title, authors: row.paper.authors, year: row.paper.year, arxivId: row.arxivId, openreviewId: row.openreviewId } : null;
      return { note, paper };
    });
    return { filename: exportFilename('bib', now), mimeType: 'application/x-bibtex', content: buildBibtex(entries) };
  },

  previewImport: async ({ json }) => {
    const settings = await getSettings();
    return store.previewImport(getDb(), json, settings).catch((e) => userError(e, 'reading the import'));
  },

  applyImport: async ({ json }) => {
    const { file, counts } = await store.applyImport(getDb(), json).catch((e) => userError(e, 'the import'));
    // Settings live in extension storage, outside the database transaction: applied after it committed.
    let settings = false;
    if (file.settings && store.settingsDiffer(file, await getSettings())) {
      await updateSettings(file.settings);
      settings = true;
    }
    await notify('*', 0, undefined);
    return { counts, settings };
  },
};
