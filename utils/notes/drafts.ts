// Drafts: what an editor had not saved yet when its page went away or a save failed. They live
// in a small IndexedDB database of the extension's own origin, which only the extension's pages
// (the notes frame included) and its background can open: content scripts and web pages cannot
// read them (storage.local, where drafts used to be, is readable by every content script).
import Dexie, { type Table } from 'dexie';
import { storage } from '#imports';

export interface NoteDraft {
  text: string;
  baseRev: number;
  title: string | null;
  at: number;
}
interface DraftRow extends NoteDraft {
  paperKey: string;
}

export const DRAFTS_DB_NAME = 'summary-lens-drafts';

class DraftsDB extends Dexie {
  drafts!: Table<DraftRow, string>;
  constructor() {
    super(DRAFTS_DB_NAME);
    this.version(1).stores({ drafts: 'paperKey' });
  }
}

let instance: DraftsDB | null = null;
const drafts = () => (instance ??= new DraftsDB()).drafts;

export async function readDraft(paperKey: string): Promise<NoteDraft | null> {
  const row = await drafts().get(paperKey);
  return row ? { text: row.text, baseRev: row.baseRev, title: row.title, at: row.at } : null;
}
export const writeDraft = (paperKey: string, draft: NoteDraft) => drafts().put({ ...draft, paperKey });
export const clearDraft = (paperKey: string) => drafts().delete(paperKey);

const LEGACY_PREFIX = 'noteDraft:';

/** Drafts an older release left in storage.local move here (then leave storage.local). */
export async function moveLegacyDrafts(): Promise<number> {
  const all = (await storage.snapshot('local')) as Record<string, unknown>;
  const keys = Object.keys(all).filter((k) => k.startsWith(LEGACY_PREFIX));
  for (const key of keys) {
    const draft = all[key] as NoteDraft | null;
    const paperKey = key.slice(LEGACY_PREFIX.length);
    if (draft && typeof draft.text === 'string') {
      const current = await readDraft(paperKey);
      if (!current || current.at < draft.at) await writeDraft(paperKey, draft);
    }
    await storage.removeItem(`local:${key}`);
  }
  return keys.length;
}
