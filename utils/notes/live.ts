// Live updates without a page-visible channel: after every notes write the background sets
// storage.local `notesChanged`; every view (panel, popup, side panel, options) watches it and
// refetches. It carries only a paper id and a revision number, never text.
import { storage } from '#imports';
import type { NotesChanged } from './types';

export const notesChangedItem = storage.defineItem<NotesChanged | null>('local:notesChanged', { fallback: null });

/** Calls back on every notes write by anyone (including other views of this same browser). */
export function watchNotesChanged(callback: (change: NotesChanged) => void): () => void {
  return notesChangedItem.watch((change) => {
    if (change) callback(change);
  });
}
