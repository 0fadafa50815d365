// Notes in Dexie: every write is one transaction over notes + revisions that applies a plan from
// utils/notes/merge (pure rules) and keeps each paper's history bounded. Background only.
import type { NoteRow, RevisionRow, SummaryLensDB, SummaryRow } from '@/utils/db';
import { normaliseTitle } from '@/utils/paper-ref';
import { MAX_NOTE_CHARS } from '@/utils/notes/limits';
import { planDelete, planMeta, planRestore, planSave, revisionsToPrune, toNoteView, type NewRevision, type MetaInput, type SaveInput } from '@/utils/notes/merge';
import { fallbackTitle, paperUrl } from '@/utils/notes/links';
import { planImport, parseNotesExport } from '@/utils/notes/import';
import type { ExportedSettings, NotesExport } from '@/utils/notes/schemas';
import type { DeletedNoteItem, ImportPreview, NoteListItem, NotesList, NoteView, ReadStatus, RevisionView, SaveNoteResult } from '@/utils/notes/types';

export async function getNote(db: SummaryLensDB, paperKey: string): Promise<{ note: NoteView | null; revisions: number }> {
  const [note, revisions] = await Promise.all([db.notes.get(paperKey), db.revisions.where('paperKey').equals(paperKey).count()]);
  return { note: note ? toNoteView(note) : null, revisions };
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

export async function saveNote(db: SummaryLensDB, input: SaveInput): Promise<WriteOutcome<SaveNoteResult>> {
  if (input.text.length > MAX_NOTE_CHARS) throw new RangeError(`A note holds at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters.`);
  return db.transaction('rw', db.notes, db.revisions, async () => {
    const stored = await db.notes.get(input.paperKey);
    const plan = planSave(stored, input, await lastRevisionAt(db, input.paperKey));
    if (plan.note) await db.notes.put(plan.note);
    const [revisionId] = await addRevisions(db, plan.revision ? [plan.revision] : []);
    const note = plan.note ?? stored!;
    const conflict = plan.conflict && stored ? { revisionId, otherText: stored.text, otherSavedAt: stored.updatedAt } : null;
    return { value: { note: toNoteView(note), conflict }, rev: plan.note ? plan.note.rev : null, conflict: plan.conflict };
  });
}

export async function setNoteMeta(db: SummaryLensDB, input: MetaInput): Promise<WriteOutcome<{ note: NoteView }>> {
  return db.transaction('rw', db.notes, async () => {
    const stored = await db.notes.get(input.paperKey);
    const next = planMeta(stored, input);
    if (next) await db.notes.put(next);
    const note = next ?? stored!;
    return { value: { note: toNoteView(note) }, rev: next?.rev ?? null, conflict: false };
  });
}

export async function listRevisions(db: SummaryLensDB, paperKey: string): Promise<RevisionView[]> {
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

export async function deleteNote(db: SummaryLensDB, paperKey: string, now: number): Promise<WriteOutcome<{ deleted: boolean }>> {
  return db.transaction('rw', db.notes, db.revisions, async () => {
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

/** The corpus summary each paper key refers to, when there is one. */
export async function corpusRowsFor(db: SummaryLensDB, paperKeys: readonly string[]): Promise<Map<string, SummaryRow>> {
  const byKind = { arxiv: [] as string[], openreview: [] as string[], summary: [] as string[], title: [] as string[] };
  for (const key of paperKeys) {
    const i = key.indexOf(':');
    const kind = key.slice(0, i) as keyof typeof byKind;
    if (kind in byKind) byKind[kind].push(key.slice(i + 1));
  }
  const out = new Map<string, SummaryRow>();
  if (byKind.arxiv.length) for (const r of await db.summaries.where('arxivId').anyOf(byKind.arxiv).toArray()) out.set(`arxiv:${r.arxivId}`, r);
  if (byKind.openreview.length) for (const r of await db.summaries.where('openreviewId').anyOf(byKind.openreview).toArray()) out.set(`openreview:${r.openreviewId}`, r);
  if (byKind.summary.length) for (const r of await db.summaries.bulkGet(byKind.summary)) if (r) out.set(`summary:${r.id}`, r);
  if (byKind.title.length) {
    const rows = await db.summaries.where('titleKey').anyOf(byKind.title.map(normaliseTitle)).toArray();
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.titleKey!, (counts.get(r.titleKey!) ?? 0) + 1);
    // A title alone names a corpus paper only when it is unambiguous (as in lookupPaper).
    for (const r of rows) if (counts.get(r.titleKey!) === 1) out.set(`title:${r.titleKey}`, r);
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
  const corpus = await corpusRowsFor(db, all.map((n) => n.paperKey));
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
      url: paperUrl(n.paperKey, row ? { arxivId: row.arxivId, openreviewId: row.openreviewId } : null),
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
  const file = parseNotesExport(json);
  const { plan } = await db.transaction('r', db.notes, db.revisions, async () => ({ plan: await planAgainst(db, file) }));
  return { counts: plan.counts, items: plan.items.slice(0, PREVIEW_ITEMS), settings: settingsDiffer(file, currentSettings), exportedAt: file.exportedAt };
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
  const file = parseNotesExport(json);
  const counts = await db.transaction('rw', db.notes, db.revisions, async () => {
    const plan = await planAgainst(db, file);
    if (plan.notes.length) await db.notes.bulkPut(plan.notes);
    await addRevisions(db, plan.revisions);
    return plan.counts;
  });
  return { file, counts };
}
