// Live updates without a page-visible channel: after every notes write the background sets
// storage.local `notesChanged`; every view (panel, popup, side panel, options) watches it and
// refetches. Drafts: what an editor had not saved yet when its page went away or a save failed.
import { storage } from '#imports';
import type { NotesChanged } from './types';

export const notesChangedItem = storage.defineItem<NotesChanged | null>('local:notesChanged', { fallback: null });

/** Calls back on every notes write by anyone (including other views of this same browser). */
export function watchNotesChanged(callback: (change: NotesChanged) => void): () => void {
  return notesChangedItem.watch((change) => {
    if (change) callback(change);
  });
}

export interface NoteDraft {
  text: string;
  baseRev: number;
  title: string | null;
  at: number;
}

const draftKey = (paperKey: string) => `local:noteDraft:${paperKey}` as const;

export const readDraft = (paperKey: string) => storage.getItem<NoteDraft>(draftKey(paperKey));
export const writeDraft = (paperKey: string, draft: NoteDraft) => storage.setItem(draftKey(paperKey), draft);
export const clearDraft = (paperKey: string) => storage.removeItem(draftKey(paperKey));
