// Notes in Dexie: every write is one transaction over notes + revisions that applies a plan from
// utils/notes/merge (pure rules) and keeps each paper's history bounded. Notes hang off paper
// ids (./identity-store.ts): a key that names a paper merged into another is read as that one,
// so an editor opened before a merge keeps working on the merged note. Background only.
import type { NoteRow, RevisionRow, SummaryLensDB, SummaryRow } from '@/utils/db';
import { corpusTables, getSummaryRows, summariesByTitleAndAuthor, summariesWhere } from '@/utils/corpus/live';
import { MAX_NOTE_CHARS, REVISION_BURST_MS } from '@/utils/notes/limits';
import { changedChars, planDelete, planMeta, planRestore, planSave, revisionsToPrune, toNoteView, type NewRevision, type MetaInput, type SaveInput } from '@/utils/notes/merge';
import { aliasesOfPapers, currentPaperId, ensurePaper, identityTables, resolvePaper } from './identity-store';
import { byStrength } from '@/utils/identity/aliases';
import { corpusAliases, legacyKeyAliases } from '@/utils/identity/corpus';
import { corpusRowOfKey } from '@/utils/identity/migrate';
import type { KnownIds } from '@/utils/notes/links';
import { fallbackTitle, paperUrl } from '@/utils/notes/links';
import { planImport, parseNotesExport, remapExport } from '@/utils/notes/import';
import type { ExportedSettings, NotesExport } from '@/utils/notes/schemas';
import type { DeletedNoteItem, ImportPreview, NoteListItem, NotesList, NoteView, ReadStatus, RevisionView, SaveNoteResult } from '@/utils/notes/types';

export async function getNote(db: SummaryLensDB, key: string): Promise<{ note: NoteView | null; revisions: number; paperKey: string }> {
  return db.transaction('r', db.aliases, db.notes, db.revisions, async () => {
    const paperKey = await currentPaperId(db, key);
    const [note, revisions] = await Promise.all([db.notes.get(paperKey), db.revisions.where('paperKey').equals(paperKey).count()]);
    return { note: note ? toNoteView(note) : null, revisions, paperKey };
  });
}

/** Tables every note write touches: the note, its history, and its paper's identity. */
const writeTables = (db: SummaryLensDB) => [db.notes, db.revisions, db.aliases, db.papers];

/**
 * Two views typing at once make a 'conflict' revision on nearly every save. Each one that only
 * extends an earlier conflict revision of the same burst (nothing of it was removed) replaces
 * it, so a race leaves one revision per burst and never pushes real versions out of the history.
 */
async function coalesceConflict(db: SummaryLensDB, revision: NewRevision, now: number): Promise<void> {
  const recent = await db.revisions
    .where('paperKey')
    .equals(revision.paperKey)
    .filter((r) => r.reason === 'conflict' && r.savedAt >= now - REVISION_BURST_MS && changedChars(r.text, revision.text) === 0)
    .primaryKeys();
  if (recent.length) await db.revisions.bulkDelete(recent);
}

async function addRevisions(db: SummaryLensDB, revisions: NewRevision[]): Promise<number[]> {
  if (!revisions.length) return [];
  const ids = (await db.revisions.bulkAdd(revisions as RevisionRow[], { allKeys: true })) as number[];
  for (const paperKey of new Set(revisions.map((r) => r.paperKey))) {
    const rows = await db.revisions.where('paperKey').equals(paperKey).toArray();
    const drop = revisionsToPrune(rows);
    if (drop.length) await db.revisions.bulkDelete(drop);
  }
  return ids;
}

async function lastRevisionAt(db: SummaryLensDB, paperKey: string): Promise<number | null> {
  let last: number | null = null;
  await db.revisions.where('paperKey').equals(paperKey).each((r) => {
    if (last === null || r.savedAt > last) last = r.savedAt;
  });
  return last;
}

export interface WriteOutcome<T> {
  value: T;
  /** The note's rev after the write, or null when nothing was written. */
  rev: number | null;
  conflict: boolean;
}

export async function saveNote(db: SummaryLensDB, input: SaveInput & { recreate?: boolean }): Promise<WriteOutcome<SaveNoteResult>> {
  if (input.text.length > MAX_NOTE_CHARS) throw new RangeError(`A note holds at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters.`);
  return db.transaction('rw', writeTables(db), async () => {
    const paperKey = await currentPaperId(db, input.paperKey);
    const stored = await db.notes.get(paperKey);
    // The editor had a saved note (baseRev > 0) that is gone: deleted in another view. Nothing is
    // written until the user chooses to keep the text (recreate) or to let it go.
    if (!stored && input.baseRev > 0 && !input.recreate) return { value: { note: null, conflict: null, deleted: true }, rev: null, conflict: false };
    await ensurePaper(db, paperKey, input.title, input.now);
    const plan = planSave(stored, { ...input, paperKey, baseRev: stored ? input.baseRev : 0 }, await lastRevisionAt(db, paperKey));
    if (plan.note) await db.notes.put(plan.note);
    if (plan.revision?.reason === 'conflict') await coalesceConflict(db, plan.revision, input.now);
    const [revisionId] = await addRevisions(db, plan.revision ? [plan.revision] : []);
    const note = plan.note ?? stored!;
    const conflict = plan.conflict && stored ? { revisionId, otherText: stored.text, otherSavedAt: stored.updatedAt } : null;
    return { value: { note: toNoteView(note), conflict, deleted: false }, rev: plan.note ? plan.note.rev : null, conflict: plan.conflict };
  });
}

export async function setNoteMeta(db: SummaryLensDB, input: MetaInput): Promise<WriteOutcome<{ note: NoteView }>> {
  return db.transaction('rw', writeTables(db), async () => {
    const paperKey = await currentPaperId(db, input.paperKey);
    await ensurePaper(db, paperKey, input.title, input.now);
    const stored = await db.notes.get(paperKey);
    const next = planMeta(stored, { ...input, paperKey });
    if (next) await db.notes.put(next);
    const note = next ?? stored!;
    return { value: { note: toNoteView(note) }, rev: next?.rev ?? null, conflict: false };
  });
}

/** The user has seen that another note of this paper was merged in: the notice goes. */
export async function ackMergeNotice(db: SummaryLensDB, key: string): Promise<WriteOutcome<{ note: NoteView | null }>> {
  return db.transaction('rw', db.notes, db.aliases, async () => {
    const stored = await db.notes.get(await currentPaperId(db, key));
    if (!stored?.merged) return { value: { note: stored ? toNoteView(stored) : null }, rev: null, conflict: false };
    const next = { ...stored, merged: null, rev: stored.rev + 1 };
    await db.notes.put(next);
    return { value: { note: toNoteView(next) }, rev: next.rev, conflict: false };
  });
}

export async function listRevisions(db: SummaryLensDB, key: string): Promise<RevisionView[]> {
  const paperKey = await currentPaperId(db, key);
  const rows = await db.revisions.where('paperKey').equals(paperKey).toArray();
  return rows
    .sort((a, b) => b.savedAt - a.savedAt || b.id! - a.id!)
    .map((r) => ({ id: r.id!, paperKey: r.paperKey, text: r.text, tags: r.tags, title: r.title ?? null, savedAt: r.savedAt, reason: r.reason }));
}

export async function restoreRevision(db: SummaryLensDB, id: number, now: number): Promise<WriteOutcome<{ note: NoteView }>> {
  return db.transaction('rw', db.notes, db.revisions, async () => {
    const revision = await db.revisions.get(id);
    if (!revision) throw new RangeError('That revision no longer exists (it may have been pruned or wiped).');
    const plan = planRestore(await db.notes.get(revision.paperKey), revision, now);
    await db.notes.put(plan.note!);
    await addRevisions(db, plan.revision ? [plan.revision] : []);
    return { value: { note: toNoteView(plan.note!) }, rev: plan.note!.rev, conflict: false };
  });
}

export async function deleteNote(db: SummaryLensDB, key: string, now: number): Promise<WriteOutcome<{ deleted: boolean }>> {
  return db.transaction('rw', db.notes, db.revisions, db.aliases, async () => {
    const paperKey = await currentPaperId(db, key);
    const stored = await db.notes.get(paperKey);
    if (!stored) return { value: { deleted: false }, rev: null, conflict: false };
    const keep = planDelete(stored, now);
    await addRevisions(db, keep ? [keep] : []);
    await db.notes.delete(paperKey);
    return { value: { deleted: true }, rev: stored.rev + 1, conflict: false };
  });
}

export async function wipeNotes(db: SummaryLensDB): Promise<{ notes: number; revisions: number }> {
  return db.transaction('rw', db.notes, db.revisions, async () => {
    const counts = { notes: await db.notes.count(), revisions: await db.revisions.count() };
    await db.notes.clear();
    await db.revisions.clear();
    return counts;
  });
}

// ---- Corpus look-ups: the dashboard and exports name papers by their corpus metadata ----

/** The arXiv id and OpenReview forum a paper's aliases name (for "open paper" links). */
export function idsOfAliases(aliases: readonly string[]): KnownIds {
  const pick = (prefix: string) => aliases.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? null;
  return { arxivId: pick('arxiv:'), openreviewId: pick('openreview:') };
}

/** Each paper's aliases, its own id included (papers from before identities may have no rows). */
export async function paperAliases(db: SummaryLensDB, paperKeys: readonly string[]): Promise<Map<string, string[]>> {
  const out = await aliasesOfPapers(db, paperKeys);
  for (const key of paperKeys) if (!out.get(key)!.includes(key)) out.get(key)!.unshift(key);
  return out;
}

/** The corpus summary each paper refers to, through any of its aliases, when there is one. */
export async function corpusRowsFor(db: SummaryLensDB, paperKeys: readonly string[], known?: Map<string, string[]>): Promise<Map<string, SummaryRow>> {
  const aliases = known ?? (await paperAliases(db, paperKeys));
  const wanted = { arxiv: new Map<string, string>(), openreview: new Map<string, string>(), summary: new Map<string, string>(), title: new Map<string, string>() };
  for (const [paperKey, list] of aliases) {
    for (const alias of list) {
      const i = alias.indexOf(':');
      const kind = alias.slice(0, i) as keyof typeof wanted;
      if (kind in wanted && !wanted[kind].has(alias.slice(i + 1))) wanted[kind].set(alias.slice(i + 1), paperKey);
    }
  }
  const out = new Map<string, SummaryRow>();
  const found = (paperKey: string | undefined, row: SummaryRow) => paperKey && !out.has(paperKey) && out.set(paperKey, row);
  if (wanted.summary.size) for (const r of await getSummaryRows(db, [...wanted.summary.keys()])) found(wanted.summary.get(r.id), r);
  if (wanted.arxiv.size) for (const r of await summariesWhere(db, 'arxivId', [...wanted.arxiv.keys()])) found(wanted.arxiv.get(r.arxivId!), r);
  if (wanted.openreview.size) for (const r of await summariesWhere(db, 'openreviewId', [...wanted.openreview.keys()])) found(wanted.openreview.get(r.openreviewId!), r);
  if (wanted.title.size) {
    const pairs = [...wanted.title.keys()].filter((t) => t.includes('|')).map((t) => t.split('|') as [string, string]);
    if (pairs.length) for (const r of await summariesByTitleAndAuthor(db, pairs)) found(wanted.title.get(`${r.titleKey}|${r.authorKey}`), r);
    const bare = [...wanted.title.keys()].filter((t) => !t.includes('|'));
    if (bare.length) {
      const rows = await summariesWhere(db, 'titleKey', bare);
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.titleKey!, (counts.get(r.titleKey!) ?? 0) + 1);
      // A title alone names a corpus paper only when it is unambiguous (as in lookupPaper).
      for (const r of rows) if (counts.get(r.titleKey!) === 1) found(wanted.title.get(r.titleKey!), r);
    }
  }
  return out;
}

export function displayTitle(note: Pick<NoteRow, 'paperKey' | 'title'>, row: SummaryRow | undefined): string {
  return row?.paper.title ?? note.title ?? fallbackTitle(note.paperKey);
}

export interface ListQuery {
  query?: string;
  tag?: string;
  status?: ReadStatus;
  sort?: 'updated' | 'title';
}

export async function listNotes(db: SummaryLensDB, q: ListQuery): Promise<NotesList> {
  const all = await db.notes.toArray();
  const aliases = await paperAliases(db, all.map((n) => n.paperKey));
  const corpus = await corpusRowsFor(db, all.map((n) => n.paperKey), aliases);
  const revisionKeys = (await db.revisions.orderBy('paperKey').keys()) as string[];
  const revisionCounts = new Map<string, number>();
  for (const k of revisionKeys) revisionCounts.set(k, (revisionCounts.get(k) ?? 0) + 1);

  const tagCounts = new Map<string, number>();
  for (const n of all) for (const t of n.tags ?? []) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);

  const words = (q.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const items: NoteListItem[] = [];
  for (const n of all) {
    const row = corpus.get(n.paperKey);
    const title = row?.paper.title ?? n.title ?? null;
    if (q.tag && !(n.tags ?? []).includes(q.tag)) continue;
    if (q.status && (n.status ?? 'none') !== q.status) continue;
    if (words.length) {
      // Every word must appear in the title, authors, tags, key or text.
      const hay = [title ?? '', row?.paper.authors.join(' ') ?? '', (n.tags ?? []).join(' '), n.paperKey, n.text].join('\n').toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
    }
    items.push({
      paperKey: n.paperKey,
      title,
      url: paperUrl(n.paperKey, row ? { arxivId: row.arxivId, openreviewId: row.openreviewId } : idsOfAliases(aliases.get(n.paperKey) ?? [])),
      summaryId: row?.id ?? null,
      tags: n.tags ?? [],
      status: n.status ?? 'none',
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      rev: n.rev,
      excerpt: n.text.slice(0, 280),
      chars: n.text.length,
      revisions: revisionCounts.get(n.paperKey) ?? 0,
    });
  }
  if (q.sort === 'title') items.sort((a, b) => (a.title ?? fallbackTitle(a.paperKey)).localeCompare(b.title ?? fallbackTitle(b.paperKey), 'en', { sensitivity: 'base' }));
  else items.sort((a, b) => b.updatedAt - a.updatedAt);

  const live = new Set(all.map((n) => n.paperKey));
  const deletedKeys = [...revisionCounts.keys()].filter((k) => !live.has(k));
  const deletedCorpus = await corpusRowsFor(db, deletedKeys);
  const deleted: DeletedNoteItem[] = [];
  for (const paperKey of deletedKeys) {
    const revs = await db.revisions.where('paperKey').equals(paperKey).toArray();
    const last = revs.reduce((a, b) => (b.savedAt > a.savedAt || (b.savedAt === a.savedAt && b.id! > a.id!) ? b : a));
    deleted.push({
      paperKey,
      title: deletedCorpus.get(paperKey)?.paper.title ?? revs.find((r) => r.title)?.title ?? null,
      deletedAt: last.savedAt,
      revisions: revs.length,
      lastRevisionId: last.id!,
    });
  }
  deleted.sort((a, b) => b.deletedAt - a.deletedAt);
  const tags = [...tagCounts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  return { notes: items, tags, total: all.length, deleted };
}

// ---- Import ----

const PREVIEW_ITEMS = 500;

export async function previewImport(db: SummaryLensDB, json: string, currentSettings: ExportedSettings): Promise<ImportPreview> {
  const parsed = parseNotesExport(json);
  const { plan, file } = await db.transaction('r', [db.notes, db.revisions, db.aliases, ...corpusTables(db)], async () => {
    const file = remapExport(parsed, await localPapers(db, parsed, false, Date.now()), Date.now());
    return { plan: await planAgainst(db, file), file };
  });
  return { counts: plan.counts, items: plan.items.slice(0, PREVIEW_ITEMS), settings: settingsDiffer(file, currentSettings), exportedAt: file.exportedAt };
}

/**
 * The local paper each paper key of the file names, through the aliases the file lists (format
 * 2) or, for a format-1 file, the old key and the corpus row it names (as the schema migration
 * does). The preview only reads; the import also learns the aliases and merges what they join.
 */
async function localPapers(db: SummaryLensDB, file: NotesExport, apply: boolean, now: number): Promise<Map<string, string>> {
  const keys = [...new Set([...file.notes.map((n) => n.paperKey), ...file.revisions.map((r) => r.paperKey)])];
  const declared = new Map((file.papers ?? []).map((p) => [p.id, p]));
  const titles = new Map(file.notes.map((n) => [n.paperKey, n.title]));
  const out = new Map<string, string>();
  for (const key of keys) {
    const paper = declared.get(key);
    const own = paper ? [key, ...paper.aliases].sort(byStrength) : legacyKeyAliases(key);
    const row = paper ? undefined : await corpusRowOfKey((index, value, limit) => (index === 'id' ? getSummaryRows(db, [value]) : summariesWhere(db, index, [value], limit)), key);
    const aliases = [...own, ...(row ? corpusAliases(row).filter((a) => !own.includes(a)) : [])];
    if (apply) {
      const sources = new Map(aliases.map((a) => [a, own.includes(a) ? ('import' as const) : ('corpus' as const)]));
      const resolved = await resolvePaper(db, { aliases, sources, preferId: key, title: paper?.title ?? titles.get(key) ?? null }, now);
      out.set(key, resolved?.paperId ?? key);
    } else {
      const owners = await db.aliases.bulkGet(aliases);
      out.set(key, owners.find((o) => o)?.paperId ?? key);
    }
  }
  return out;
}

async function planAgainst(db: SummaryLensDB, file: NotesExport) {
  const keys = [...new Set([...file.notes.map((n) => n.paperKey), ...file.revisions.map((r) => r.paperKey)])];
  const current = new Map((await db.notes.bulkGet(keys)).filter((n): n is NoteRow => Boolean(n)).map((n) => [n.paperKey, n]));
  const existing = await db.revisions.where('paperKey').anyOf(keys).toArray();
  return planImport(file, current, existing);
}

export function settingsDiffer(file: NotesExport, current: ExportedSettings): boolean {
  if (!file.settings) return false;
  return Object.entries(file.settings).some(([k, v]) => current[k as keyof ExportedSettings] !== v);
}

/** Validates, then applies the whole merge in one transaction: any failure (quota, bad row) writes nothing. */
export async function applyImport(db: SummaryLensDB, json: string): Promise<{ file: NotesExport; counts: ImportPreview['counts'] }> {
  const parsed = parseNotesExport(json);
  const counts = await db.transaction('rw', [...identityTables(db), ...corpusTables(db)], async () => {
    const now = Date.now();
    const file = remapExport(parsed, await localPapers(db, parsed, true, now), now);
    const plan = await planAgainst(db, file);
    if (plan.notes.length) await db.notes.bulkPut(plan.notes);
    await addRevisions(db, plan.revisions);
    return plan.counts;
  });
  return { file: parsed, counts };
}

/** Every paper with a note or history, with its aliases: the JSON export's `papers`. */
export async function exportedPapers(db: SummaryLensDB, paperKeys: readonly string[]) {
  const aliases = await paperAliases(db, paperKeys);
  const rows = await db.papers.bulkGet([...paperKeys]);
  return paperKeys.map((id, i) => ({ id, title: rows[i]?.title ?? null, aliases: aliases.get(id) ?? [] }));
}
