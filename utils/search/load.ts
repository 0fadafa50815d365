// Loading search sources in an extension page (the popup). The shipped pack's index and docs are
// files in the extension, fetched directly and loaded whole (172 summaries); imported packs are
// read where they are stored, a query at a time. Nothing here builds an index.
import { extensionUrl } from '../extension-url';
import { sendMessage } from '../messaging/client';
import { isSearchDocsFile, SearchSource } from './engine';
import { benchMark } from '../bench-mark';
import { getSearchDb } from './store';
import { StoredSource } from './stored-source';

const url = extensionUrl;

async function fetchOk(path: string): Promise<Response> {
  const res = await fetch(url(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res;
}

/** The corpus that ships with the extension: public/corpus/search-index.json + search-docs.json. */
export async function loadShippedSource(): Promise<SearchSource> {
  const [indexText, docs] = await Promise.all([fetchOk('/corpus/search-index.json').then((r) => r.text()), fetchOk('/corpus/search-docs.json').then((r) => r.json() as Promise<unknown>)]);
  if (!isSearchDocsFile(docs)) throw new Error('The shipped search docs are not in the expected format; rebuild the corpus.');
  benchMark('sl-search-files'); // fetched and docs parsed; loadJSON follows (bench/popup.ts)
  return SearchSource.fromJSON(indexText, docs);
}

/** A pack's stored index if it is ready (no message, no wait), else null. */
export function openStoredSource(packId: string, corpusVersion: string): Promise<StoredSource | null> {
  return StoredSource.open(getSearchDb(), packId, corpusVersion);
}

/**
 * One pack, searched where it is stored (stored-source.ts); null when the pack is gone. The
 * background builds an imported pack's stored index on import, and any other on the first ask.
 */
export async function openPackSource(packId: string, corpusVersion: string): Promise<StoredSource | null> {
  const ready = await openStoredSource(packId, corpusVersion);
  if (ready) return ready;
  const prepared = await sendMessage('preparePackSearch', { packId });
  return prepared ? openStoredSource(packId, prepared.corpusVersion) : null;
}
