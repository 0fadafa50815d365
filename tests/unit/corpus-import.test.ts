// Importing a pack end to end inside Node: the options page's client (checks, sanitizing,
// pieces) talking through the real dispatch to the real background handlers on fake-indexeddb.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import DOMPurify from 'dompurify';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../utils/messaging/dispatch';
import { MessageError } from '../../utils/messaging/client';
import type { RequestOf, RequestType, ResponseMap } from '../../utils/messaging/protocol';
import { handlers } from '@/entrypoints/background/handlers';
import { getDb } from '../../utils/db';
import { MAX_PACK_BYTES } from '../../utils/corpus/validate';
import { importPackFile } from '../../utils/corpus/import-client';
import { corpusProgressItem, lastInstallItem, type CorpusProgress } from '../../utils/corpus/progress';
import { sanitizeWith } from '../../utils/render/sanitize';
import { badPackFiles, collidingPack, makePack, syntheticArxivId } from '../fixtures/packs/make-packs';
import { getSummaryRow } from '../../utils/corpus/live';

const OWN_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const OPTIONS_PAGE = { id: OWN_ID, url: `${ORIGIN}options.html` };
const CONTENT_SCRIPT = { id: OWN_ID, url: 'https://arxiv.org/abs/1', tab: { url: 'https://arxiv.org/abs/1' } };

/** sendMessage as the options page would call it, through the real gate. */
async function send<K extends RequestType>(type: K, data: RequestOf<K>, sender = OPTIONS_PAGE): Promise<ResponseMap[K]> {
  const reply = await dispatch({ type, data }, sender, handlers, OWN_ID, { ownOrigin: ORIGIN });
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data as ResponseMap[K];
}

const purify = DOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
const sanitize = (html: string) => sanitizeWith(purify, html);
const file = (text: string) => ({ size: Buffer.byteLength(text), text: async () => text });

beforeAll(() => {
  // The background fetches the shipped pack from the extension package.
  const shipped = readFileSync(new URL('../../public/corpus/pack.json', import.meta.url), 'utf8');
  vi.stubGlobal('fetch', async () => new Response(shipped));
});
beforeEach(() => fakeBrowser.reset());

async function counts() {
  const db = getDb();
  return { summaries: await db.summaryRows.count(), concepts: await db.conceptRows.count(), packs: (await db.packs.toCollection().primaryKeys()).sort() };
}

describe('pack import through the messages', () => {
  it('lists the shipped pack after seeding', async () => {
    const { packs } = await send('listPacks', {});
    expect(packs).toEqual([expect.objectContaining({ id: 'builtin', builtin: true, summaries: 172 })]);
  });

  it('imports a pack in pieces, sanitizes its HTML, and makes its papers findable', async () => {
    const pack = makePack({ id: 'mine', summaries: 40, concepts: 3 });
    pack.summaries[0].html = '<p>ok</p><img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    const stages: string[] = [];
    const progress: (CorpusProgress | null)[] = [];
    const unwatch = corpusProgressItem.watch((p) => progress.push(p));
    // Small pieces so this test crosses several messages (the real size is 8 MiB).
    const result = await importPackFile(file(JSON.stringify(pack)), { send, sanitize, onStage: (s) => stages.push(s.stage), chunkChars: 50_000 });
    unwatch();
    expect(result).toMatchObject({ done: true, status: 'installed', pack: { id: 'mine', summaries: 40, concepts: 3, builtin: false } });
    expect(stages.filter((s) => s === 'sending').length).toBeGreaterThan(1);
    expect(stages.at(-1)).toBe('installing');
    expect(progress.some((p) => p?.phase === 'importing' && p.packId === 'mine')).toBe(true);
    expect(progress.at(-1)).toBeNull();
    expect(await lastInstallItem.getValue()).toMatchObject({ packId: 'mine', status: 'installed', summaries: 40 });

    const stored = await getSummaryRow(getDb(), 'mine-s0');
    expect(stored!.html).toContain('<p>ok</p>');
    expect(stored!.html).not.toMatch(/onerror|<script|javascript:/i);

    const found = await send('lookupPaper', { ref: { arxivId: `${syntheticArxivId(7)}v3` } }, CONTENT_SCRIPT);
    expect(found.summary?.id).toBe('mine-s7');
    expect((await send('listPacks', {})).packs.map((p) => p.id)).toEqual(['builtin', 'mine']);

    // The same file again is a no-op.
    const again = await importPackFile(file(JSON.stringify(pack)), { send, sanitize });
    expect(again.status).toBe('unchanged');
  });

  it('rejects every bad file with its message and writes nothing — on the page and again in the background', async () => {
    const before = await counts();
    for (const bad of badPackFiles()) {
      await expect(importPackFile(file(bad.text), { send, sanitize }), bad.name).rejects.toThrow(bad.says);
      // The background does not trust the page: the same text sent directly is refused the same way.
      if (bad.text) {
        await expect(send('importPackChunk', { uploadId: `bad-${bad.name.replace(/\W/g, '')}`, index: 0, count: 1, text: bad.text }), bad.name).rejects.toThrow(bad.says);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses ids that collide with the shipped corpus, writing nothing', async () => {
    const before = await counts();
    await expect(importPackFile(file(JSON.stringify(collidingPack())), { send, sanitize })).rejects.toThrow(/already belongs to the pack "builtin"/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file over the limit before reading it', async () => {
    const huge = { size: MAX_PACK_BYTES + 1, text: vi.fn(async () => '') };
    await expect(importPackFile(huge, { send, sanitize })).rejects.toThrow(/larger than 200\.0 MB/);
    expect(huge.text).not.toHaveBeenCalled();
  });

  it('tells the page to retry when pieces are lost or out of order', async () => {
    await expect(send('importPackChunk', { uploadId: 'never-started', index: 1, count: 2, text: '}' })).rejects.toThrow(/interrupted .* import the file again/);
    await send('importPackChunk', { uploadId: 'out-of-order', index: 0, count: 3, text: '{' });
    await expect(send('importPackChunk', { uploadId: 'out-of-order', index: 2, count: 3, text: '}' })).rejects.toThrow(/out of order/);
  });

  it('keeps pack messages away from content scripts', async () => {
    for (const [type, data] of [
      ['listPacks', {}],
      ['removePack', { id: 'mine' }],
      ['importPackChunk', { uploadId: 'from-content', index: 0, count: 1, text: '{}' }],
    ] as const) {
      await expect(send(type, data as never, CONTENT_SCRIPT)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await counts()).packs).toContain('mine');
  });

  it('removes an imported pack (not the shipped one), keeping notes', async () => {
    await getDb().notes.put({ paperKey: `arxiv:${syntheticArxivId(7)}`, text: 'my note on an imported paper', tags: [], status: 'none', title: null, createdAt: 1, updatedAt: 1, rev: 1 });
    await expect(send('removePack', { id: 'builtin' })).rejects.toThrow(/cannot be removed/);
    expect(await send('removePack', { id: 'mine' })).toEqual({ removed: true });
    expect(await send('removePack', { id: 'mine' })).toEqual({ removed: false });
    expect(await counts()).toMatchObject({ summaries: 172, packs: ['builtin'] });
    expect((await send('lookupPaper', { ref: { arxivId: syntheticArxivId(7) } }, CONTENT_SCRIPT)).summary).toBeNull();
    expect(await getDb().notes.count()).toBe(1);
  });
});
