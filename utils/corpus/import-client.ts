// The options page's half of a pack import: check the file (size, JSON, format) before anything
// is sent, sanitize every piece of HTML with the page's DOM (the background has none), then send
// the pack in pieces. The background validates again before it writes.
import { IMPORT_CHUNK_CHARS, IMPORT_MAX_CHUNKS, type ResponseMap } from '../messaging/protocol';
import type { sendMessage as SendMessage } from '../messaging/client';
import { checkPackSize, PackError, parsePackText, validatePack } from './validate';

export type ImportStage =
  | { stage: 'reading' }
  | { stage: 'checking' }
  | { stage: 'sanitizing'; done: number; total: number }
  | { stage: 'sending'; done: number; total: number }
  | { stage: 'installing' };

export type ImportResult = Extract<ResponseMap['importPackChunk'], { done: true }> & { clientMs: number };

interface FileLike {
  size: number;
  text(): Promise<string>;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function importPackFile(
  file: FileLike,
  deps: { send: typeof SendMessage; sanitize: (html: string) => string; onStage?: (stage: ImportStage) => void; chunkChars?: number },
): Promise<ImportResult> {
  const started = performance.now();
  const report = deps.onStage ?? (() => {});
  checkPackSize(file.size);
  report({ stage: 'reading' });
  const text = await file.text();
  report({ stage: 'checking' });
  const pack = validatePack(parsePackText(text));

  // Imported HTML is untrusted: clean it here, where a DOM exists (it is cleaned again at display).
  const total = pack.summaries.length + pack.concepts.length;
  let done = 0;
  for (const item of [...pack.summaries, ...pack.concepts]) {
    item.html = deps.sanitize(item.html);
    if (++done % 500 === 0) {
      report({ stage: 'sanitizing', done, total });
      await yieldToUi();
    }
  }

  const json = JSON.stringify(pack);
  const size = Math.min(deps.chunkChars ?? IMPORT_CHUNK_CHARS, IMPORT_CHUNK_CHARS);
  const count = Math.ceil(json.length / size);
  if (count > IMPORT_MAX_CHUNKS) throw new PackError('too-large', 'The pack is too large to import.');
  const uploadId = crypto.randomUUID();
  for (let index = 0; index < count; index++) {
    report(index === count - 1 ? { stage: 'installing' } : { stage: 'sending', done: index, total: count });
    const reply = await deps.send('importPackChunk', { uploadId, index, count, text: json.slice(index * size, (index + 1) * size) });
    if (reply.done) return { ...reply, clientMs: performance.now() - started };
  }
  throw new Error('The background did not confirm the import.');
}
