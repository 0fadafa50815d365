// zod schemas for the notes messages (spread into the one protocol map) and for the JSON export
// format, which import validates before anything is written. Background and extension pages only.
import { z } from 'zod';
import { MAX_IMPORT_BYTES, MAX_IMPORT_NOTES, MAX_IMPORT_REVISIONS, MAX_NOTE_CHARS, MAX_PAPER_KEY_CHARS, MAX_TAG_CHARS, MAX_TAGS, MAX_TITLE_CHARS } from './limits';

/**
 * A paper id (from lookupPaper) or alias: arxiv:<id> / openreview:<id> / doi:<doi> /
 * title:<normalised>[|<author>] / summary:<id> (utils/identity/aliases.ts).
 */
export const PaperKeySchema = z
  .string()
  .max(MAX_PAPER_KEY_CHARS)
  .regex(/^(arxiv|openreview|doi|title|summary):[^\u0000-\u001f]+$/, 'a paper key looks like arxiv:<id>, openreview:<id>, doi:<doi>, title:<words> or summary:<id>');

export const NoteTextSchema = z
  .string()
  .max(MAX_NOTE_CHARS, `A note holds at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters.`);
const TagSchema = z.string().max(MAX_TAG_CHARS);
const TagsSchema = z.array(TagSchema).max(MAX_TAGS);
const TitleSchema = z.string().max(MAX_TITLE_CHARS).nullable();
const StatusSchema = z.enum(['none', 'to-read', 'read']);
const ClientIdSchema = z.string().max(64).optional();
const Time = z.number().int().min(0).max(8.64e15);

export const notesRequestSchemas = {
  getNote: z.object({ paperKey: PaperKeySchema }).strict(),
  /**
   * Autosave. baseRev: the textRev the editor last saw; a newer stored one means another view
   * saved meanwhile. A note deleted since (baseRev > 0, no note) is only re-created with recreate.
   */
  saveNote: z
    .object({ paperKey: PaperKeySchema, text: NoteTextSchema, title: TitleSchema, baseRev: z.number().int().min(0), clientId: ClientIdSchema, recreate: z.boolean().optional() })
    .strict(),
  /** The editor showed the "two notes of this paper were joined" notice: it is not shown again. */
  ackMergeNotice: z.object({ paperKey: PaperKeySchema, clientId: ClientIdSchema }).strict(),
  setNoteMeta: z.object({ paperKey: PaperKeySchema, title: TitleSchema, tags: TagsSchema.optional(), status: StatusSchema.optional(), clientId: ClientIdSchema }).strict(),
  listNotes: z
    .object({
      query: z.string().max(500).optional(),
      tag: TagSchema.optional(),
      status: StatusSchema.optional(),
      sort: z.enum(['updated', 'title']).optional(),
    })
    .strict(),
  listRevisions: z.object({ paperKey: PaperKeySchema }).strict(),
  restoreRevision: z.object({ id: z.number().int().min(1), clientId: ClientIdSchema }).strict(),
  /** Soft delete: the text stays in history and can be restored from the dashboard. */
  deleteNote: z.object({ paperKey: PaperKeySchema }).strict(),
  /** Erases every note and all history (the dashboard asks first and offers an export). */
  wipeNotes: z.object({ confirm: z.literal(true) }).strict(),
  exportNotes: z.object({ format: z.enum(['json', 'markdown', 'bibtex']) }).strict(),
  previewImport: z.object({ json: z.string().max(MAX_IMPORT_BYTES + 1) }).strict(),
  applyImport: z.object({ json: z.string().max(MAX_IMPORT_BYTES + 1) }).strict(),
} as const;

// ---- The JSON export format (version 2: papers with their aliases; version 1 still imports) ----

export const NOTES_EXPORT_FORMAT = 'summary-lens-notes';
export const NOTES_EXPORT_VERSION = 2;

/** A paper of the export: its id (the key notes and revisions use) and every alias it is known by. */
export const ExportedPaperSchema = z
  .object({
    id: PaperKeySchema,
    title: TitleSchema,
    aliases: z.array(PaperKeySchema).max(100),
  })
  .strict();

const MergeNoticeSchema = z.object({ otherText: NoteTextSchema, otherTitle: TitleSchema, at: Time }).strict();

export const ExportedNoteSchema = z
  .object({
    paperKey: PaperKeySchema,
    text: NoteTextSchema,
    tags: TagsSchema,
    status: StatusSchema,
    title: TitleSchema,
    createdAt: Time,
    updatedAt: Time,
    rev: z.number().int().min(0),
    textRev: z.number().int().min(0).optional(),
    merged: MergeNoticeSchema.nullable().optional(),
  })
  .strict();

export const ExportedRevisionSchema = z
  .object({
    paperKey: PaperKeySchema,
    text: NoteTextSchema,
    tags: TagsSchema,
    title: TitleSchema.optional(),
    savedAt: Time,
    reason: z.enum(['edit', 'conflict', 'import', 'restore', 'delete', 'merge']),
  })
  .strict();

export const ExportedSettingsSchema = z
  .object({
    showNoSummary: z.boolean().optional(),
    autoLoadImages: z.boolean().optional(),
    panelCollapsed: z.boolean().optional(),
    theme: z.enum(['auto', 'light', 'dark']).optional(),
  })
  .strict();

export const NotesExportSchema = z
  .object({
    format: z.literal(NOTES_EXPORT_FORMAT),
    version: z.union([z.literal(1), z.literal(NOTES_EXPORT_VERSION)]),
    exportedAt: z.string().max(100),
    /** Version 2. A version 1 file has none: its keys are old note keys, resolved on import. */
    papers: z.array(ExportedPaperSchema).max(MAX_IMPORT_NOTES * 2).optional(),
    notes: z.array(ExportedNoteSchema).max(MAX_IMPORT_NOTES),
    revisions: z.array(ExportedRevisionSchema).max(MAX_IMPORT_REVISIONS),
    settings: ExportedSettingsSchema.nullable().optional(),
  })
  .strict();

export type NotesExport = z.infer<typeof NotesExportSchema>;
export type ExportedNote = z.infer<typeof ExportedNoteSchema>;
export type ExportedPaper = z.infer<typeof ExportedPaperSchema>;
export type ExportedRevision = z.infer<typeof ExportedRevisionSchema>;
export type ExportedSettings = z.infer<typeof ExportedSettingsSchema>;
