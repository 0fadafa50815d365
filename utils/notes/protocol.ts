// The notes part of the one protocol map: utils/messaging/protocol.ts spreads the schemas from
// ./schemas into `requestSchemas` and extends `ResponseMap` with these answers.
import type { notesRequestSchemas } from './schemas';
import type { ExportFile, ImportPreview, ImportResult, NoteView, NotesList, RevisionView, SaveNoteResult } from './types';

export type NotesRequestType = keyof typeof notesRequestSchemas;

export interface NotesResponseMap {
  /** paperKey: the paper the asked key names now (a paper merged into another names that one). */
  getNote: { note: NoteView | null; revisions: number; paperKey: string };
  saveNote: SaveNoteResult;
  ackMergeNotice: { note: NoteView | null };
  setNoteMeta: { note: NoteView };
  listNotes: NotesList;
  listRevisions: { revisions: RevisionView[] };
  restoreRevision: { note: NoteView };
  deleteNote: { deleted: boolean };
  wipeNotes: { notes: number; revisions: number };
  exportNotes: ExportFile;
  previewImport: ImportPreview;
  applyImport: ImportResult;
}
