// What becomes of two papers' notes when they turn out to be one paper. Pure rules over rows;
// the background applies them in the transaction that merges the identities.
import type { NoteRow, ReadStatus } from '../db';
import { snapshot, type NewRevision } from '../notes/merge';
import { normaliseTags } from '../notes/tags';

export interface MergePlan {
  /** The note the kept paper has afterwards, or null when neither had one. */
  note: NoteRow | null;
  /** The other text, kept in history (reason 'merge'). */
  revision: NewRevision | null;
}

const STATUS_ORDER: ReadStatus[] = ['none', 'to-read', 'read'];

/** The union of two read statuses: having read a paper on either side means it is read. */
export function unionStatus(a: ReadStatus, b: ReadStatus): ReadStatus {
  return STATUS_ORDER[Math.max(STATUS_ORDER.indexOf(a), STATUS_ORDER.indexOf(b))];
}

/**
 * Merges the note of paper `other` into the note of the kept paper `paperKey`. No text is lost:
 * the more recently edited text becomes the note, the other text is kept as a 'merge' revision
 * and named in a notice the editor shows once. Tags are unioned (the kept note's first), statuses
 * unioned. rev grows past both, so an editor open on either note sees a conflict on its next
 * save instead of overwriting.
 */
export function planNoteMerge(paperKey: string, kept: NoteRow | undefined, other: NoteRow | undefined, now: number): MergePlan {
  if (!other) return { note: kept ?? null, revision: null };
  if (!kept) return { note: { ...other, paperKey }, revision: null };
  const newer = other.updatedAt > kept.updatedAt ? other : kept;
  const older = newer === kept ? other : kept;
  const rev = Math.max(kept.rev, other.rev) + 1;
  const sameText = newer.text === older.text;
  const keepOlder = !sameText && older.text.trim() !== '';
  const note: NoteRow = {
    paperKey,
    text: newer.text,
    tags: normaliseTags([...kept.tags, ...other.tags]),
    status: unionStatus(kept.status, other.status),
    title: kept.title ?? other.title ?? null,
    createdAt: Math.min(kept.createdAt, other.createdAt),
    updatedAt: Math.max(now, kept.updatedAt, other.updatedAt),
    rev,
    textRev: rev,
    merged: keepOlder ? { otherText: older.text.slice(0, 2000), otherTitle: older.title ?? null, at: now } : (kept.merged ?? other.merged ?? null),
  };
  return { note, revision: keepOlder ? { ...snapshot(older, 'merge'), paperKey } : null };
}
