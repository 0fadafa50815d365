// The rules for every change to a note, as pure functions over rows: what the new row is, which
// revision (if any) keeps the old text, and whether two views raced. The background applies the
// result in one Dexie transaction.
import type { NoteRow, ReadStatus, RevisionRow } from '../db';
import type { NoteView } from './types';
import { BIG_CHANGE_MIN_CHARS, BIG_CHANGE_SHARE, MAX_REVISIONS_PER_NOTE, REVISION_BURST_MS } from './limits';
import { normaliseTags } from './tags';

export type NewRevision = Omit<RevisionRow, 'id'>;

/** Old rows (schema v1/v2) have no textRev: their text last changed at their rev. */
export function textRevOf(note: Pick<NoteRow, 'rev' | 'textRev'>): number {
  return note.textRev ?? note.rev;
}

export function toNoteView(note: NoteRow): NoteView {
  return {
    paperKey: note.paperKey,
    text: note.text,
    tags: note.tags ?? [],
    status: note.status ?? 'none',
    title: note.title ?? null,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    rev: note.rev,
    textRev: textRevOf(note),
    ...(note.merged ? { merged: note.merged } : {}),
  };
}

export function emptyNote(paperKey: string, title: string | null, now: number): NoteRow {
  return { paperKey, text: '', tags: [], status: 'none', title, createdAt: now, updatedAt: now, rev: 0, textRev: 0 };
}

export function snapshot(note: NoteRow, reason: RevisionRow['reason']): NewRevision {
  // savedAt is when that text was saved, so history reads "the version from 10:32".
  return { paperKey: note.paperKey, text: note.text, tags: [...note.tags], title: note.title ?? null, savedAt: note.updatedAt, reason };
}

/**
 * Characters of `before` that `after` replaced or removed (after trimming the common prefix and
 * suffix). Typing at the end of a note changes none; select-all + delete changes all of them.
 */
export function changedChars(before: string, after: string): number {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return before.length - prefix - suffix;
}

/**
 * Whether a save should keep the previous text as an 'edit' revision. Autosave runs every few
 * hundred ms while typing, so keeping every one would fill the history with keystrokes and push
 * out the versions worth keeping. A revision is taken when the previous text starts a new editing
 * burst (the last revision is older than REVISION_BURST_MS) or when the save replaces or removes
 * a large share of it (an accidental wipe or paste-over is always undoable).
 */
export function shouldKeepRevision(before: string, after: string, lastRevisionAt: number | null, now: number): boolean {
  if (!before || before === after) return false;
  if (lastRevisionAt === null || now - lastRevisionAt >= REVISION_BURST_MS) return true;
  return changedChars(before, after) >= Math.max(BIG_CHANGE_MIN_CHARS, before.length * BIG_CHANGE_SHARE);
}

export interface SaveInput {
  paperKey: string;
  text: string;
  title: string | null;
  /** The textRev the editor last saw (0 for a note it never loaded). */
  baseRev: number;
  now: number;
}

export interface WritePlan {
  /** The row to put, or null when nothing changes. */
  note: NoteRow | null;
  revision: NewRevision | null;
  conflict: boolean;
}

/**
 * A text save. When the stored text changed since the editor's baseRev (another view saved in
 * between) the newest edit - this one - wins, and the other text is kept as a 'conflict' revision
 * so nothing is silently dropped; the caller tells the user.
 */
export function planSave(stored: NoteRow | undefined, input: SaveInput, lastRevisionAt: number | null): WritePlan {
  const title = input.title ?? stored?.title ?? null;
  if (!stored) {
    const note = { ...emptyNote(input.paperKey, title, input.now), text: input.text, rev: 1, textRev: 1 };
    return { note, revision: null, conflict: false };
  }
  if (stored.text === input.text) {
    // Same text (for example two tabs typed the same thing): only fill in a missing title.
    return { note: title !== stored.title && !stored.title ? { ...stored, title } : null, revision: null, conflict: false };
  }
  const conflict = textRevOf(stored) > input.baseRev;
  const revision = conflict
    ? snapshot(stored, 'conflict')
    : shouldKeepRevision(stored.text, input.text, lastRevisionAt, input.now)
      ? snapshot(stored, 'edit')
      : null;
  const rev = stored.rev + 1;
  return { note: { ...stored, text: input.text, title, updatedAt: input.now, rev, textRev: rev }, revision, conflict };
}

export interface MetaInput {
  paperKey: string;
  title: string | null;
  tags?: string[];
  status?: ReadStatus;
  now: number;
}

/** Tags/status: last write wins per field; they never race the text (textRev stays). */
export function planMeta(stored: NoteRow | undefined, input: MetaInput): NoteRow | null {
  const base = stored ?? emptyNote(input.paperKey, input.title, input.now);
  const tags = input.tags ? normaliseTags(input.tags) : base.tags;
  const status = input.status ?? base.status;
  const title = base.title ?? input.title;
  if (stored && sameList(tags, stored.tags) && status === stored.status && title === stored.title) return null;
  return { ...base, tags, status, title, updatedAt: input.now, rev: base.rev + 1 };
}

/** Brings back a revision's text and tags; the current text is kept first, so a restore is undoable too. */
export function planRestore(stored: NoteRow | undefined, revision: RevisionRow, now: number): WritePlan {
  const base = stored ?? { ...emptyNote(revision.paperKey, revision.title ?? null, now), status: 'none' as const };
  const keep = stored && (stored.text !== revision.text || !sameList(stored.tags, revision.tags)) && stored.text ? snapshot(stored, 'restore') : null;
  const rev = base.rev + 1;
  return {
    note: { ...base, text: revision.text, tags: [...revision.tags], title: base.title ?? revision.title ?? null, updatedAt: now, rev, textRev: rev },
    revision: keep,
    conflict: false,
  };
}

/** Deleting keeps the last text in history (restorable from the dashboard), dated at the deletion. */
export function planDelete(stored: NoteRow, now: number): NewRevision | null {
  return stored.text || stored.tags.length ? { ...snapshot(stored, 'delete'), savedAt: Math.max(stored.updatedAt, now) } : null;
}

/** Ids of the revisions to drop so a paper keeps the newest MAX_REVISIONS_PER_NOTE. */
export function revisionsToPrune(revisions: readonly Pick<RevisionRow, 'id' | 'savedAt'>[], max = MAX_REVISIONS_PER_NOTE): number[] {
  if (revisions.length <= max) return [];
  const newestFirst = [...revisions].sort((a, b) => b.savedAt - a.savedAt || (b.id ?? 0) - (a.id ?? 0));
  return newestFirst.slice(max).map((r) => r.id!).filter((id) => id !== undefined);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
