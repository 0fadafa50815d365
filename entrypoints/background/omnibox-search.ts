// The search the address-bar keyword uses: the popup's engine (utils/search), loaded in the
// background on the first keystroke after "sl " — the shipped corpus from its files, imported
// packs where they are stored — and kept for the worker's life.
import { getDb } from '@/utils/db';
import { SearchEngine } from '@/utils/search/engine';
import { loadShippedSource } from '@/utils/search/load';
import { getSearchDb } from '@/utils/search/store';
import { StoredSource } from '@/utils/search/stored-source';
import type { SearchDocMeta } from '@/utils/search/build-index';
import { ensureSeeded } from './corpus-state';
import { indexPackSearch } from './search-handlers';
import type { OmniboxSearch } from './omnibox';

let loading: { packs: string; engine: Promise<SearchEngine> } | null = null;

/** Which imported packs (and versions) the engine holds: a pack imported or removed since reloads them. */
async function importedPacks(): Promise<{ id: string; corpusVersion: string }[]> {
  await ensureSeeded().catch(() => {});
  return (await getDb().packs.toArray().catch(() => [])).filter((p) => !p.builtin);
}

async function loadEngine(packs: { id: string }[]): Promise<SearchEngine> {
  const engine = new SearchEngine([await loadShippedSource()]);
  for (const pack of packs) {
    const version = await indexPackSearch(pack.id).catch(() => null);
    const source = version === null ? null : await StoredSource.open(getSearchDb(), pack.id, version).catch(() => null);
    if (source) engine.add(source);
  }
  return engine;
}

export const omniboxSearch: OmniboxSearch = async (query, limit): Promise<SearchDocMeta[]> => {
  const packs = await importedPacks();
  const signature = packs.map((p) => `${p.id}@${p.corpusVersion}`).join('|');
  if (!loading || loading.packs !== signature) {
    const engine = loadEngine(packs);
    loading = { packs: signature, engine };
    engine.catch(() => {
      if (loading?.engine === engine) loading = null; // try again on the next keystroke
    });
  }
  return (await (await loading.engine).searchAll(query, { limit, snippets: false })).hits.map((h) => h.doc);
};
