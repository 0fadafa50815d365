// Bounds on what notes may hold, in one place: the editor, the background and import all use them.

/** Longest note text, in characters (about 200 KB of plain text). */
export const MAX_NOTE_CHARS = 200_000;
/** Revisions kept per paper; the oldest go first. */
export const MAX_REVISIONS_PER_NOTE = 50;
/** A new 'edit' revision is taken at most this often while someone keeps typing... */
export const REVISION_BURST_MS = 60_000;
/** ...unless a save replaces or removes this share of the text (a wipe, a paste over everything). */
export const BIG_CHANGE_SHARE = 1 / 3;
/** ...and at least this many characters (small fixes never make revisions on their own). */
export const BIG_CHANGE_MIN_CHARS = 10;

export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;
export const MAX_TITLE_CHARS = 1000;
export const MAX_PAPER_KEY_CHARS = 1100;

/** Import files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_NOTES = 20_000;
export const MAX_IMPORT_REVISIONS = MAX_IMPORT_NOTES * MAX_REVISIONS_PER_NOTE;

/** Autosave waits this long after the last keystroke. */
export const AUTOSAVE_DEBOUNCE_MS = 400;
