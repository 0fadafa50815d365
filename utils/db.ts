// The Dexie database. Opened only in extension contexts (background, and extension pages in
// tests); content scripts reach it through messages, because IndexedDB opened from a content
// script belongs to the web page's origin.
import Dexie, { type Table } from 'dexie';
import type { PackConcept, PackSummary } from './corpus/pack';
import { migrateNotesToPapers } from './identity/migrate';
import type { RecentView } from './search/recent';

/**
 * Corpus rows are stored per pack generation (`gen`, one per install of a pack version) so a new
 * version can be written beside the old one in short transactions while readers still see the
 * old one; the pack row names the live generation (see utils/corpus/live.ts).
 */
export interface SummaryRow extends PackSummary {
  packId: string;
  gen: string;
  arxivId: string | null;
  openreviewId: string | null;
  titleKey: string | null;
  authorKey: string | null;
}
export interface ConceptRow extends PackConcept {
  packId: string;
  gen: string;
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
  /** The generation of corpus rows readers see; rows of any other generation are staged or stale. */
  gen: string;
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
  summaryRows!: Table<SummaryRow, [string, string]>;
  conceptRows!: Table<ConceptRow, [string, string]>;
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
    // Version 4: corpus rows keyed by [generation, id], so an import writes a new version of a
    // pack in short transactions beside the old one and switches it on by rewriting the pack row
    // (IndexedDB cannot change a store's primary key: the rows move to new stores).
    this.version(4)
      .stores({
        summaries: null,
        concepts: null,
        summaryRows: '[gen+id], id, gen, arxivId, openreviewId, [titleKey+authorKey], titleKey',
        conceptRows: '[gen+id], id, gen',
      })
      .upgrade(async (tx) => {
        const gens = new Map<string, string>();
        await tx.table('packs').toCollection().modify((p: PackRow) => {
          p.gen = firstGeneration(p.id, p.corpusVersion);
          gens.set(p.id, p.gen);
        });
        // Rows of no installed pack get a generation no pack names: invisible, swept later.
        const genOf = (packId: string) => gens.get(packId) ?? `${packId}@orphan`;
        const summaries = (await tx.table('summaries').toArray()) as Omit<SummaryRow, 'gen'>[];
        await tx.table('summaryRows').bulkPut(summaries.map((r) => ({ ...r, gen: genOf(r.packId) })));
        const concepts = (await tx.table('concepts').toArray()) as Omit<ConceptRow, 'gen'>[];
        await tx.table('conceptRows').bulkPut(concepts.map((r) => ({ ...r, gen: genOf(r.packId) })));
      });
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

/** The generation given to packs installed before generations existed. */
export const firstGeneration = (packId: string, corpusVersion: string) => `${packId}@${corpusVersion}`;

let instance: SummaryLensDB | null = null;
export function getDb(): SummaryLensDB {
  instance ??= new SummaryLensDB();
  return instance;
}
