// The Dexie database. Opened only in extension contexts (background, and extension pages in
// tests); content scripts reach it through messages, because IndexedDB opened from a content
// script belongs to the web page's origin.
import Dexie, { type Table } from 'dexie';
import type { PackConcept, PackSummary } from './corpus/pack';
import { migrateNotesToPapers } from './identity/migrate';
import type { RecentView } from './search/recent';

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

/**
 * A paper the user has met. Its id is the alias it was first known by (`arxiv:2106.09608`,
 * `openreview:…`, `title:…|…`, or an old note key) and never changes: notes, history,
 * dismissals and the recent list hang off it. When two papers turn out to be one, the other id
 * stays behind as an alias of the kept one.
 */
export interface PaperRow {
  id: string;
  /** Latest title a page or the corpus showed (names papers outside the corpus). */
  title: string | null;
  createdAt: number;
}
/** One name of a paper (see utils/identity/aliases.ts); each alias belongs to one paper. */
export interface AliasRow {
  alias: string;
  paperId: string;
  /** Where it was learned: a page, the corpus, an imported notes file, or a note key before schema v3. */
  source: 'page' | 'corpus' | 'import' | 'legacy';
}
/** A paper with a summary viewed recently (the popup's empty state), one row per paper. */
export interface RecentRow extends RecentView {
  paperKey: string;
}
/** A paper whose in-page panel the user dismissed. */
export interface DismissalRow {
  paperKey: string;
  at: number;
}
/** Told once: the note absorbed another note of the same paper (its text is a 'merge' revision). */
export interface MergeNotice {
  otherText: string;
  otherTitle: string | null;
  at: number;
}

export interface NoteRow {
  /** The paper's id (PaperRow.id). */
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
  /** Set when another note of the same paper was merged in, until the user has seen it. */
  merged?: MergeNotice | null;
}
export interface RevisionRow {
  id?: number;
  paperKey: string;
  text: string;
  tags: string[];
  savedAt: number;
  reason: 'edit' | 'conflict' | 'import' | 'restore' | 'delete' | 'merge';
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
  papers!: Table<PaperRow, string>;
  aliases!: Table<AliasRow, string>;
  recent!: Table<RecentRow, string>;
  dismissals!: Table<DismissalRow, string>;

  constructor(name = DB_NAME) {
    let declaredVersion = 0; // IndexedDB's version number for the last db.version() below
    super(name, { indexedDB: refuseNewerDatabases(() => declaredVersion) });
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
    // Version 3: paper identities. Every note key becomes a paper (named after that key) with
    // aliases from the key and from the corpus row it names; keys naming one paper merge.
    this.version(3)
      .stores({ papers: 'id', aliases: 'alias, paperId', recent: 'paperKey, viewedAt', dismissals: 'paperKey' })
      .upgrade((tx) => migrateNotesToPapers(tx, Date.now()));
    declaredVersion = Math.round(this.verno * 10);
  }
}

/**
 * Downgrade guard. When the installed database is newer than this release declares, Dexie 4
 * retries the open without a version and may then patch the newer schema to fit ours. Opening
 * "whatever version is there" is refused here instead: the open fails with a VersionError
 * (describeDbError turns it into a clear message) and the newer database stays as it was.
 */
function refuseNewerDatabases(declaredVersion: () => number): IDBFactory {
  const idb = () => Dexie.dependencies.indexedDB;
  return {
    open: (name: string, version?: number) => idb().open(name, version ?? declaredVersion()),
    deleteDatabase: (name: string) => idb().deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => idb().cmp(a, b),
    databases: () => idb().databases(),
  };
}

let instance: SummaryLensDB | null = null;
export function getDb(): SummaryLensDB {
  instance ??= new SummaryLensDB();
  return instance;
}
