// The popup's packs, opened as early as possible (entrypoints/popup/main.tsx), before React:
// nothing here imports the UI. Every pack is searched where it is stored — opening one reads a
// small head row. Until the shipped corpus's stored index exists (the first popup after an
// install or update asks the background to write it), the shipped corpus is searched from its
// files, loaded whole (172 summaries).
import { sendMessage } from '@/utils/messaging/client';
import type { PackInfo } from '@/utils/messaging/protocol';
import type { SearchSource } from '@/utils/search/engine';
import { loadShippedSource, openPackSource, openStoredSource } from '@/utils/search/load';
import type { StoredSource } from '@/utils/search/stored-source';

export interface PopupPacks {
  /** The shipped corpus: stored, or from its files. */
  shipped: Promise<SearchSource | StoredSource>;
  /** Imported packs, each opened on demand (`open`), after the shipped corpus. */
  imported: Promise<PackInfo[]>;
}

let started: PopupPacks | null = null;

export function preloadPacks(): PopupPacks {
  if (started) return started;
  const packs = sendMessage('listPacks', {}).then((r) => r.packs);
  const shipped = packs.then(async (list) => {
    const builtin = list.find((p) => p.builtin);
    const stored = builtin ? await openStoredSource(builtin.id, builtin.corpusVersion).catch(() => null) : null;
    if (stored) return stored;
    if (builtin) void openPackSource(builtin.id, builtin.corpusVersion).catch(() => {}); // ready for the next open
    return loadShippedSource();
  });
  started = { shipped, imported: packs.then((list) => list.filter((p) => !p.builtin)) };
  return started;
}
