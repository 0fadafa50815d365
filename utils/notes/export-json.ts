// The lossless JSON export: every paper with its aliases, every note (all fields), every
// revision, and the settings.
import type { NoteRow, PaperRow, RevisionRow } from '../db';
import { NOTES_EXPORT_FORMAT, NOTES_EXPORT_VERSION, type ExportedNote, type ExportedPaper, type ExportedRevision, type ExportedSettings, type NotesExport } from './schemas';
import { textRevOf } from './merge';

export function buildJsonExport(
  notes: readonly NoteRow[],
  revisions: readonly RevisionRow[],
  settings: ExportedSettings | null,
  now: Date,
  papers: readonly (Pick<PaperRow, 'id' | 'title'> & { aliases: readonly string[] })[] = [],
): NotesExport {
  const used = new Set([...notes.map((n) => n.paperKey), ...revisions.map((r) => r.paperKey)]);
  return {
    format: NOTES_EXPORT_FORMAT,
    version: NOTES_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    papers: papers
      .filter((p) => used.has(p.id))
      .sort((a, b) => cmp(a.id, b.id))
      .map((p): ExportedPaper => ({ id: p.id, title: p.title ?? null, aliases: [...p.aliases].filter((a) => a !== p.id).sort(cmp) })),
    notes: [...notes].sort((a, b) => cmp(a.paperKey, b.paperKey)).map(exportNote),
    // Revision ids are local autoincrement keys: left out, order kept by time.
    revisions: [...revisions]
      .sort((a, b) => cmp(a.paperKey, b.paperKey) || a.savedAt - b.savedAt || (a.id ?? 0) - (b.id ?? 0))
      .map(exportRevision),
    settings,
  };
}

export function exportNote(n: NoteRow): ExportedNote {
  return {
    paperKey: n.paperKey,
    text: n.text,
    tags: [...(n.tags ?? [])],
    status: n.status ?? 'none',
    title: n.title ?? null,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    rev: n.rev,
    textRev: textRevOf(n),
    ...(n.merged ? { merged: { ...n.merged } } : {}),
  };
}

function exportRevision(r: RevisionRow): ExportedRevision {
  return { paperKey: r.paperKey, text: r.text, tags: [...r.tags], title: r.title ?? null, savedAt: r.savedAt, reason: r.reason };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function exportFilename(ext: string, now: Date): string {
  return `summary-lens-notes-${now.toISOString().slice(0, 10)}.${ext}`;
}
