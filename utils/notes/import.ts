// Import of a JSON export: parse and validate everything first (a clear error names the first
// problems; nothing is written), then plan the merge by paper key - the newer edit wins, the
// older text is kept as an 'import' revision - so the options page can preview it.
import { z } from 'zod';
import type { NoteRow, RevisionRow } from '../db';
import { PACK_FORMAT } from '../corpus/pack';
import type { ImportAction, ImportPreviewItem } from './types';
import { MAX_IMPORT_BYTES } from './limits';
import { NOTES_EXPORT_FORMAT, NOTES_EXPORT_VERSION, NotesExportSchema, type ExportedNote, type NotesExport } from './schemas';
import { snapshot, textRevOf, type NewRevision } from './merge';
import { exportNote } from './export-json';
import { planNoteMerge } from '../identity/merge';
import { normaliseTags } from './tags';

export class ImportError extends Error {
  override name = 'ImportError';
}

export function parseNotesExport(json: string): NotesExport {
  if (json.length > MAX_IMPORT_BYTES) throw new ImportError(`The file is ${(json.length / 1048576).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1048576} MB.`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ImportError(`The file is not valid JSON (${(error as Error).message.slice(0, 200)}). Nothing was imported.`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ImportError('The file is not a Summary Lens notes export (expected a JSON object). Nothing was imported.');
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format === PACK_FORMAT) throw new ImportError('This file is a corpus pack, not a notes export: add it under "Corpus packs". Nothing was imported.');
  if (head.format !== NOTES_EXPORT_FORMAT)
    throw new ImportError(`The file is not a Summary Lens notes export (its "format" is ${describe(head.format)}, expected "${NOTES_EXPORT_FORMAT}"). Nothing was imported.`);
  if (typeof head.version === 'number' && head.version > NOTES_EXPORT_VERSION)
    throw new ImportError(`This export was made by a newer Summary Lens (format version ${head.version}); update the extension to import it. Nothing was imported.`);
  const parsed = NotesExportSchema.safeParse(raw);
  if (!parsed.success) throw new ImportError(`The file does not match the notes export format: ${describeIssues(parsed.error)}. Nothing was imported.`);
  const seen = new Map<string, number>();
  parsed.data.notes.forEach((note, i) => {
    const first = seen.get(note.paperKey);
    if (first !== undefined) throw new ImportError(`notes[${i}] repeats the paper "${note.paperKey.slice(0, 120)}" (also notes[${first}]). Nothing was imported.`);
    seen.set(note.paperKey, i);
  });
  return parsed.data;
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value)?.slice(0, 60) ?? String(value);
}

/** The first few zod issues as "notes[3].text: Too big ..." */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${path || '(top level)'}: ${issue.message}`;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}

export interface ImportPlan {
  notes: NoteRow[];
  revisions: NewRevision[];
  items: ImportPreviewItem[];
  counts: Record<ImportAction, number> & { revisions: number };
}

type RevisionIdentity = Pick<RevisionRow, 'paperKey' | 'savedAt' | 'text'>;
const identity = (r: RevisionIdentity) => `${r.paperKey}\u0000${r.savedAt}\u0000${r.text}`;

/**
 * What importing `file` over the current notes does. Pure: the background calls it inside the
 * import transaction with the rows it just read, and the preview calls it the same way.
 */
export function planImport(file: NotesExport, current: ReadonlyMap<string, NoteRow>, existingRevisions: Iterable<RevisionIdentity>): ImportPlan {
  const known = new Set<string>();
  for (const r of existingRevisions) known.add(identity(r));
  const revisions: NewRevision[] = [];
  const addRevision = (r: NewRevision) => {
    const id = identity(r);
    if (known.has(id)) return;
    known.add(id);
    revisions.push(r);
  };

  const notes: NoteRow[] = [];
  const items: ImportPreviewItem[] = [];
  const counts = { add: 0, replace: 0, keep: 0, same: 0, revisions: 0 };
  for (const incoming of file.notes) {
    const imported = toRow(incoming);
    const cur = current.get(imported.paperKey);
    let action: ImportAction;
    if (!cur) {
      action = 'add';
      notes.push(imported);
    } else if (cur.text === imported.text && sameList(cur.tags, imported.tags) && cur.status === imported.status) {
      action = 'same';
    } else if (imported.updatedAt > cur.updatedAt) {
      // Newer edit wins; the current note stays in history. rev must grow so open editors notice.
      action = 'replace';
      addRevision(snapshot(cur, 'import'));
      const rev = Math.max(cur.rev + 1, imported.rev);
      notes.push({
        ...imported,
        title: imported.title ?? cur.title ?? null,
        createdAt: Math.min(cur.createdAt, imported.createdAt),
        rev,
        textRev: imported.text === cur.text ? textRevOf(cur) : rev,
      });
    } else {
      // The current note is newer: it stays; the imported text is kept as a revision.
      action = 'keep';
      if (imported.text !== cur.text || !sameList(imported.tags, cur.tags)) addRevision({ ...snapshot(imported, 'import') });
    }
    counts[action]++;
    items.push({ paperKey: imported.paperKey, title: imported.title ?? cur?.title ?? null, action, importedUpdatedAt: imported.updatedAt, currentUpdatedAt: cur?.updatedAt ?? null });
  }
  for (const r of file.revisions) addRevision({ paperKey: r.paperKey, text: r.text, tags: normaliseTags(r.tags), title: r.title ?? null, savedAt: r.savedAt, reason: r.reason });
  counts.revisions = revisions.length;
  return { notes, revisions, items, counts };
}

function toRow(n: ExportedNote): NoteRow {
  return {
    paperKey: n.paperKey,
    text: n.text,
    tags: normaliseTags(n.tags),
    status: n.status,
    title: n.title,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    rev: n.rev,
    textRev: n.textRev ?? n.rev,
    ...(n.merged ? { merged: n.merged } : {}),
  };
}

/**
 * The file with its paper keys replaced by the local papers they name (`local` maps each file
 * key; unmapped keys stay). Two file notes that land on one local paper are joined first by the
 * merge rule (utils/identity/merge), so the import plan sees one note per paper and no text is lost.
 */
export function remapExport(file: NotesExport, local: ReadonlyMap<string, string>, now: number): NotesExport {
  const to = (key: string) => local.get(key) ?? key;
  const notes = new Map<string, NoteRow>();
  const revisions = file.revisions.map((r) => ({ ...r, paperKey: to(r.paperKey) }));
  for (const n of file.notes) {
    const key = to(n.paperKey);
    const plan = planNoteMerge(key, notes.get(key), { ...toRow(n), paperKey: key }, now);
    if (plan.note) notes.set(key, plan.note);
    if (plan.revision) revisions.push({ paperKey: key, text: plan.revision.text, tags: plan.revision.tags, title: plan.revision.title ?? null, savedAt: plan.revision.savedAt, reason: 'merge' });
  }
  return { ...file, notes: [...notes.values()].map(exportNote), revisions };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
