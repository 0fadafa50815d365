// Shapes the notes messages answer with. Types only: safe for the content script bundle.
import type { NoteRow, ReadStatus, RevisionRow } from '../db';

export type { ReadStatus };
export type RevisionReason = RevisionRow['reason'];

/** A note as every view sees it (old rows normalised: textRev always set). */
export type NoteView = Omit<NoteRow, 'textRev'> & {
  /** The rev at which the text last changed: the editor sends it back as baseRev. */
  textRev: number;
};

export interface RevisionView {
  id: number;
  paperKey: string;
  text: string;
  tags: string[];
  title: string | null;
  savedAt: number;
  reason: RevisionReason;
}

export interface SaveNoteResult {
  /** The note after the save; null only when `deleted`. */
  note: NoteView | null;
  /** Set when another view had saved a different text since baseRev: this save won, theirs is kept as a revision. */
  conflict: { revisionId: number; otherText: string; otherSavedAt: number } | null;
  /** The note was deleted in another view since the editor loaded it: nothing was written; the user chooses (save again with recreate). */
  deleted: boolean;
}

/** One row of the dashboard. */
export interface NoteListItem {
  paperKey: string;
  /** Corpus title, else the title stored with the note, else null. */
  title: string | null;
  /** arXiv abs / OpenReview forum page, when the key or the corpus names one. */
  url: string | null;
  /** Corpus summary id, when the paper has a summary. */
  summaryId: string | null;
  tags: string[];
  status: ReadStatus;
  createdAt: number;
  updatedAt: number;
  rev: number;
  excerpt: string;
  chars: number;
  revisions: number;
}

/** A paper whose note was deleted but whose history remains (restorable). */
export interface DeletedNoteItem {
  paperKey: string;
  title: string | null;
  deletedAt: number;
  revisions: number;
  lastRevisionId: number;
}

export interface NotesList {
  notes: NoteListItem[];
  /** All notes' tags with counts, for the filter. */
  tags: { tag: string; count: number }[];
  total: number;
  deleted: DeletedNoteItem[];
}

export type ImportAction = 'add' | 'replace' | 'keep' | 'same';

export interface ImportPreviewItem {
  paperKey: string;
  title: string | null;
  action: ImportAction;
  importedUpdatedAt: number;
  currentUpdatedAt: number | null;
}

export interface ImportPreview {
  counts: Record<ImportAction, number> & { revisions: number };
  /** First items (the list is capped for display; counts are complete). */
  items: ImportPreviewItem[];
  settings: boolean;
  exportedAt: string;
}

export interface ImportResult {
  counts: ImportPreview['counts'];
  settings: boolean;
}

export type ExportFormat = 'json' | 'markdown' | 'bibtex';

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** What the background writes to storage.local after every notes write; every view watches it. */
export interface NotesChanged {
  /** '*' after imports and wipes (many notes changed). */
  paperKey: string;
  rev: number;
  at: number;
  /** The editor instance that wrote it (views ignore their own writes). */
  by: string | null;
  conflict: boolean;
}
