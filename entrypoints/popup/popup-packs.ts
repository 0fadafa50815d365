// The popup's packs, opened as early as possible (entrypoints/popup/main.tsx), before React:
// nothing here imports the UI. Every pack is searched where it is stored — opening one reads a
// small head row; the search database opens while the background lists the packs, and every
// pack's head is read at once. Until the shipped corpus's stored index exists (the first popup
// after an install or update asks the background to write it), the shipped corpus is searched
// from its files, loaded whole (172 summaries).
import { sendMessage } from '@/utils/messaging/client';
import type { PackInfo } from '@/utils/messaging/protocol';
import type { SearchSource } from '@/utils/search/engine';
import { loadShippedSource, openPackSource, openStoredSource } from '@/utils/search/load';
import { getSearchDb } from '@/utils/search/store';
import type { StoredSource } from '@/utils/search/stored-source';

export interface ImportedPack {
  pack: PackInfo;
  /** Its stored index if it is ready now; null when the background must write it first (`openPackSource`). */
  ready: Promise<StoredSource | null>;
}

export interface PopupPacks {
  /** The shipped corpus: stored, or from its files. */
  shipped: Promise<SearchSource | StoredSource>;
  /** Imported packs, their ready stored indexes opening alongside the shipped one's. */
  imported: Promise<ImportedPack[]>;
}

let started: PopupPacks | null = null;

export function preloadPacks(): PopupPacks {
  if (started) return started;
  void getSearchDb()
    .open()
    .catch(() => {}); // a failure shows where the packs are opened
  const packs = sendMessage('listPacks', {}).then((r) => r.packs);
  const shipped = packs.then(async (list) => {
    const builtin = list.find((p) => p.builtin);
    const stored = builtin ? await openStoredSource(builtin.id, builtin.corpusVersion).catch(() => null) : null;
    if (stored) return stored;
    if (builtin) void openPackSource(builtin.id, builtin.corpusVersion).catch(() => {}); // ready for the next open
    return loadShippedSource();
  });
  const imported = packs.then((list) => list.filter((p) => !p.builtin).map((pack) => ({ pack, ready: openStoredSource(pack.id, pack.corpusVersion).catch(() => null) })));
  started = { shipped, imported };
  return started;
}
