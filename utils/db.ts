// The Dexie database. Opened only in extension contexts (background, and extension pages in
// tests); content scripts reach it through messages, because IndexedDB opened from a content
// script belongs to the web page's origin.
import Dexie, { type Table } from 'dexie';
import type { PackConcept, PackSummary } from './corpus/pack';

export interface SummaryRow extends PackSummary {
  packId: string;
  arxivId: string | null;
  openreviewId: string | null;
  titleKey: string | null;
  authorKey: string | null;
}
export interface ConceptRow extends PackConcept {
  packId: string;
}
export interface PackRow {
  id: string;
  name: string;
  corpusVersion: string;
  schemaVersion: number;
  summaries: number;
  concepts: number;
  installedAt: number;
  builtin: boolean;
}
export type ReadStatus = 'none' | 'to-read' | 'read';
export interface NoteRow {
  paperKey: string;
  text: string;
  tags: string[];
  status: ReadStatus;
  /** Paper title when the note was written, so the dashboard can name papers outside the corpus. */
  title: string | null;
  createdAt: number;
  updatedAt: number;
  /** Increments on every save; a writer that saw an older one learns its edit raced another. */
  rev: number;
  /** The rev at which the text last changed (tags/status changes do not race the editor). Missing on old rows: read as rev. */
  textRev?: number;
}
export interface RevisionRow {
  id?: number;
  paperKey: string;
  text: string;
  tags: string[];
  savedAt: number;
  reason: 'edit' | 'conflict' | 'import' | 'restore' | 'delete';
  /** Paper title at the time, so a deleted note's history still names its paper. */
  title?: string | null;
}

export const DB_NAME = 'summary-lens';

export class SummaryLensDB extends Dexie {
  summaries!: Table<SummaryRow, string>;
  concepts!: Table<ConceptRow, string>;
  packs!: Table<PackRow, string>;
  notes!: Table<NoteRow, string>;
  revisions!: Table<RevisionRow, number>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: corpus tables and notes without tags/status.
    this.version(1).stores({
      summaries: 'id, packId, arxivId, openreviewId, [titleKey+authorKey], titleKey',
      concepts: 'id, packId',
      packs: 'id',
      notes: 'paperKey, updatedAt',
      revisions: '++id, paperKey, savedAt',
    });
    // Version 2: tags and read status become indexed; old notes get defaults.
    this.version(2)
      .stores({ notes: 'paperKey, updatedAt, *tags, status' })
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((note: Partial<NoteRow>) => {
            note.tags ??= [];
            note.status ??= 'none';
            note.rev ??= 1;
            note.title ??= null;
          }),
      );
    // Downgrade guard: Dexie 4 opens a database that a newer release already upgraded (it retries
    // without a version). Its rows may have a shape this release does not know, so refuse with a
    // VersionError (describeDbError turns it into a clear message) instead of misreading or
    // overwriting them. Sticky: checked on every (re)open.
    this.on(
      'ready',
      (db) => {
        const declared = Math.round(db.verno * 10);
        const installed = db.backendDB().version;
        if (installed > declared) throw new Dexie.VersionError(`The database is at version ${installed / 10}; this release knows up to ${db.verno}.`);
      },
      true,
    );
  }
}

let instance: SummaryLensDB | null = null;
export function getDb(): SummaryLensDB {
  instance ??= new SummaryLensDB();
  return instance;
}
