// The one protocol between content scripts, extension pages and the background.
// Every request type has a zod schema, checked on receipt; responses are typed here.
import { z } from 'zod';
import { PaperRefSchema } from '../paper-ref';
import type { PackConcept, PaperMeta, Related } from '../corpus/pack';
import type { CorpusProgress, LastInstall } from '../corpus/progress';
import { ExportedSettingsSchema, notesRequestSchemas, PaperKeySchema } from '../notes/schemas';
import type { NotesResponseMap } from '../notes/protocol';
import { notesFrameRequestSchemas, type NotesFrameResponseMap } from '../notes-frame/schemas';
import type { RecentView } from '../search/recent';
import type { Settings } from '../settings';

export const requestSchemas = {
  ping: z.object({}).strict(),
  /** Starts a stopped background while a paper page loads (costs a running one nothing); the lookup follows at the page's load. */
  wake: z.object({}).strict(),
  /**
   * What a page shows of its paper (ids, DOI, title, first author): the background resolves it
   * to the paper's stable id, learns the aliases it did not know and merges papers they reveal
   * to be one, and answers with the summary (or none), whether the user has a note (never its
   * text) and whether the panel was dismissed for this paper. Every page form and site calls this.
   */
  lookupPaper: z.object({ ref: PaperRefSchema }).strict(),
  /** Hides (or shows again) the in-page panel for a paper. */
  setDismissed: z.object({ paperKey: PaperKeySchema, dismissed: z.boolean() }).strict(),
  /** The panel's collapse toggle (shared by every tab); written in order by the background. */
  setPanelCollapsed: z.object({ collapsed: z.boolean() }).strict(),
  /** Settings from the options page; written in order by the background. */
  updateSettings: z.object({ patch: ExportedSettingsSchema }).strict(),
  /** Which of these arXiv ids have summaries (listing-page badges). */
  lookupMany: z.object({ arxivIds: z.array(z.string().max(64)).max(500) }).strict(),
  /**
   * Which of these papers (result lists on other sites: arXiv id, OpenReview id, DOI or title +
   * first author each) have summaries, and which have a note (a flag only: never its text).
   */
  lookupRefs: z.object({ refs: z.array(PaperRefSchema).max(200) }).strict(),
  getSummary: z.object({ id: z.string().max(64) }).strict(),
  /** A content script's page changed (a PDF tab, an in-page navigation): recompute its tab's toolbar mark. */
  markTab: z.object({}).strict(),
  /** A content script's page gets a panel or badges: inject the bundle that draws them into its frame. */
  loadContentUi: z.object({}).strict(),
  getConcept: z.object({ id: z.string().max(64) }).strict(),
  /**
   * Opens a course-notes section on the extension's concept page in a new tab. The
   * in-page panel asks for it: a content script cannot reliably open extension pages by link.
   */
  openConcept: z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/) }).strict(),
  /** Installed corpus packs and any install in progress (options page). */
  listPacks: z.object({}).strict(),
  /**
   * The options page switched an imported pack on (it writes packs itself, utils/corpus/import-pack.ts):
   * the background drops the replaced version's search data and refreshes the toolbar marks.
   */
  packInstalled: z.object({ packId: z.string().min(1).max(100) }).strict(),
  /** Removes an imported pack and its rows (never the shipped one). */
  removePack: z.object({ id: z.string().min(1).max(100) }).strict(),
  /** Personal notes: get/save/meta/list/revisions/restore/delete/wipe/export/import/render. */
  ...notesRequestSchemas,
  /** The in-page panel's notes frame: relayed to its tab's content script (utils/notes-frame/schemas.ts). */
  ...notesFrameRequestSchemas,
  /** Popup search: remember a paper opened in the popup (lookupPaper records page views itself). */
  recordView: z.object({ summaryId: z.string().min(1).max(64) }).strict(),
  /** Recently viewed papers with summaries, newest first (the popup's empty state). */
  listRecent: z.object({ limit: z.number().int().min(1).max(50).optional() }).strict(),
  /** Makes sure an imported pack's search index is stored (built once per version); the popup then reads it itself. */
  preparePackSearch: z.object({ packId: z.string().min(1).max(100) }).strict(),
} as const;

export type RequestType = keyof typeof requestSchemas;
export type RequestOf<K extends RequestType> = z.infer<(typeof requestSchemas)[K]>;

/**
 * Who may send a message. 'extension-page': only this extension's own pages (options, popup,
 * side panel), never a content script, which runs inside pages we do not control. Types not
 * listed may come from any context of this extension (dispatch checks the sender id for all).
 */
export type MessageAccess = 'extension-page';
export const messageAccess: Partial<Record<RequestType, MessageAccess>> = {
  listPacks: 'extension-page',
  packInstalled: 'extension-page',
  removePack: 'extension-page',
  // Note text and history only ever reach the extension's own pages (the panel's notes frame is
  // one): a content script runs inside a page we do not control and gets a has-note flag only.
  getNote: 'extension-page',
  saveNote: 'extension-page',
  setNoteMeta: 'extension-page',
  ackMergeNotice: 'extension-page',
  listNotes: 'extension-page',
  listRevisions: 'extension-page',
  restoreRevision: 'extension-page',
  deleteNote: 'extension-page',
  wipeNotes: 'extension-page',
  exportNotes: 'extension-page',
  previewImport: 'extension-page',
  applyImport: 'extension-page',
  // What the user read is private: pages never see the recent list.
  recordView: 'extension-page',
  listRecent: 'extension-page',
  preparePackSearch: 'extension-page',
  updateSettings: 'extension-page',
};

export interface DbStatus {
  ready: boolean;
  summaries: number;
  concepts: number;
  corpusVersion: string | null;
  /** Set when seeding or opening failed: shown to the user instead of a blank panel. */
  error: string | null;
}

export interface SummaryView {
  id: string;
  paper: PaperMeta;
  html: string;
  truncated: boolean;
  sources: string[];
  related: Related[];
  concepts: { id: string; title: string; module: string }[];
}

export interface ResponseMap extends NotesResponseMap, NotesFrameResponseMap {
  ping: { version: string; db: DbStatus };
  wake: { awake: true };
  lookupPaper: { paperKey: string | null; summary: SummaryView | null; hasNote: boolean; dismissed: boolean };
  setDismissed: { dismissed: boolean };
  setPanelCollapsed: { collapsed: boolean };
  updateSettings: { settings: Settings };
  lookupMany: { found: Record<string, { summaryId: string; title: string | null }> };
  /** One entry per ref, in order: null when the paper has neither a summary nor a note. */
  lookupRefs: { found: ({ summaryId: string | null; title: string | null; hasNote: boolean } | null)[] };
  getSummary: SummaryView | null;
  loadContentUi: { loaded: true };
  markTab: { marked: boolean };
  getConcept: PackConcept | null;
  openConcept: { opened: true };
  listPacks: { packs: PackInfo[]; progress: CorpusProgress | null; lastInstall: LastInstall | null };
  packInstalled: { installed: boolean };
  removePack: { removed: boolean };
  recordView: { recorded: boolean };
  listRecent: { recent: RecentView[] };
  preparePackSearch: { corpusVersion: string } | null;
}

/** An installed corpus pack as the options page lists it. */
export interface PackInfo {
  id: string;
  name: string;
  corpusVersion: string;
  summaries: number;
  concepts: number;
  installedAt: number;
  builtin: boolean;
}

export type ErrorCode = 'bad-request' | 'unknown-type' | 'forbidden' | 'internal' | 'not-ready';
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
