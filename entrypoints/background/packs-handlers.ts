// Corpus packs: list, remove, and what follows an import (the options page writes the pack
// itself, utils/corpus/import-pack.ts). Only extension pages may send these (messageAccess).
import { getDb, type PackRow } from '@/utils/db';
import { removePack } from '@/utils/corpus/install';
import { refreshAllTabBadges } from './tab-badge';
import { BUILTIN_PACK_ID } from '@/utils/corpus/pack';
import { corpusProgressItem, isLiveProgress, lastInstallItem } from '@/utils/corpus/progress';
import { MessageError } from '@/utils/messaging/client';
import type { Handlers } from '@/utils/messaging/dispatch';
import type { PackInfo } from '@/utils/messaging/protocol';
import { ensureSeeded } from './corpus-state';
import { dropStaleSearch } from './search-handlers';

function toInfo(row: PackRow): PackInfo {
  const { id, name, corpusVersion, summaries, concepts, installedAt, builtin } = row;
  return { id, name, corpusVersion, summaries, concepts, installedAt, builtin };
}

export const packsHandlers: Pick<Handlers, 'listPacks' | 'packInstalled' | 'removePack'> = {
  listPacks: async () => {
    await ensureSeeded();
    const packs = await getDb().packs.toArray();
    packs.sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.installedAt - b.installedAt);
    const progress = await corpusProgressItem.getValue();
    return { packs: packs.map(toInfo), progress: isLiveProgress(progress) ? progress : null, lastInstall: await lastInstallItem.getValue() };
  },

  packInstalled: async ({ packId }) => {
    const installed = (await getDb().packs.get(packId)) !== undefined;
    // The replaced version's index is rebuildable data: failing to drop it loses nothing.
    await dropStaleSearch().catch(() => {});
    // Open paper tabs may have gained a summary: refresh their toolbar marks.
    void refreshAllTabBadges().catch(() => {});
    return { installed };
  },

  removePack: async ({ id }) => {
    if (id === BUILTIN_PACK_ID) throw new MessageError('bad-request', 'The corpus that ships with the extension cannot be removed.');
    const db = getDb();
    const existed = (await db.packs.get(id)) !== undefined;
    await removePack(db, id);
    await dropStaleSearch().catch(() => {}); // rebuilt-from-rows data: a failure here loses nothing
    void refreshAllTabBadges().catch(() => {});
    return { removed: existed };
  },
};
