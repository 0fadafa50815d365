// Loading search sources in an extension page (the popup). The shipped pack's index and docs are
// files in the extension, fetched directly; imported packs' come from the background in pieces.
// Nothing here builds an index: loadJSON of what the corpus build (or the background) serialized.
import { extensionUrl } from '../extension-url';
import { sendMessage } from '../messaging/client';
import { isSearchDocsFile, SearchSource } from './engine';
import { benchMark } from '../bench-mark';

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

async function fetchPart(packId: string, part: 'index' | 'docs'): Promise<string | null> {
  const first = await sendMessage('getPackSearchIndex', { packId, part, chunk: 0 });
  if (!first) return null;
  const rest = await Promise.all(Array.from({ length: first.chunks - 1 }, (_, i) => sendMessage('getPackSearchIndex', { packId, part, chunk: i + 1 })));
  if (rest.some((r) => !r || r.corpusVersion !== first.corpusVersion)) throw new Error(`The pack "${packId}" changed while its index was loading.`);
  return [first.text, ...rest.map((r) => r!.text)].join('');
}

/** One imported pack's source, or null when the pack is gone. */
export async function loadImportedSource(packId: string): Promise<SearchSource | null> {
  const [indexText, docsText] = await Promise.all([fetchPart(packId, 'index'), fetchPart(packId, 'docs')]);
  if (indexText === null || docsText === null) return null;
  const docs: unknown = JSON.parse(docsText);
  if (!isSearchDocsFile(docs)) throw new Error(`The search docs of pack "${packId}" are not in the expected format.`);
  return SearchSource.fromJSON(indexText, docs);
}
