// Importing a pack end to end inside Node: the options page's import (checks, rows, search
// index, switch, on the page's own Dexie) and the real background handlers through the real
// dispatch, on fake-indexeddb.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../utils/messaging/dispatch';
import { MessageError } from '../../utils/messaging/client';
import type { RequestOf, RequestType, ResponseMap } from '../../utils/messaging/protocol';
import { handlers } from '@/entrypoints/background/handlers';
import { getDb } from '../../utils/db';
import { MAX_PACK_BYTES } from '../../utils/corpus/validate';
import { importPackFile, type ImportDeps } from '../../utils/corpus/import-pack';
import { INSTALL_LOCK } from '../../utils/corpus/install-lock';
import { getSearchDb } from '../../utils/search/store';
import { describeDbError } from '../../utils/db-errors';
import { StoredSource } from '../../utils/search/stored-source';
import { generationOf } from '../../utils/search/postings';
import { corpusProgressItem, lastInstallItem, type CorpusProgress } from '../../utils/corpus/progress';
import { badPackFiles, collidingPack, makePack, syntheticArxivId } from '../fixtures/packs/make-packs';

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

const file = (text: string) => ({ size: Buffer.byteLength(text), text: async () => text });

/** What the options page passes (entrypoints/options/PacksSection.tsx), with the messages going through the real gate. */
const page = (extra: Partial<ImportDeps> = {}): ImportDeps => ({
  db: getDb(),
  searchDb: getSearchDb(),
  ready: () => send('listPacks', {}),
  announce: (packId) => send('packInstalled', { packId }),
  ...extra,
});

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

describe('pack import from the options page', () => {
  it('lists the shipped pack after seeding', async () => {
    const { packs } = await send('listPacks', {});
    expect(packs).toEqual([expect.objectContaining({ id: 'builtin', builtin: true, summaries: 172 })]);
  });

  it('writes the pack, its search index and the switch itself, then tells the background; its papers are findable', async () => {
    const pack = makePack({ id: 'mine', summaries: 40, concepts: 3 });
    const stages: string[] = [];
    const progress: (CorpusProgress | null)[] = [];
    const announced: string[] = [];
    const unwatch = corpusProgressItem.watch((p) => progress.push(p));
    const result = await importPackFile(
      file(JSON.stringify(pack)),
      page({ onStage: (s) => stages.push(s.stage), announce: (packId) => (announced.push(packId), send('packInstalled', { packId })) }),
    );
    unwatch();
    expect(result).toMatchObject({ status: 'installed', pack: { id: 'mine', summaries: 40, concepts: 3 } });
    expect([...new Set(stages)]).toEqual(['reading', 'checking', 'writing', 'indexing', 'switching']);
    expect(announced).toEqual(['mine']);
    expect(progress.some((p) => p?.phase === 'importing' && p.packId === 'mine')).toBe(true);
    expect(progress.at(-1)).toBeNull();
    expect(await lastInstallItem.getValue()).toMatchObject({ packId: 'mine', status: 'installed', summaries: 40 });

    const found = await send('lookupPaper', { ref: { arxivId: `${syntheticArxivId(7)}v3` } }, CONTENT_SCRIPT);
    expect(found.summary?.id).toBe('mine-s7');
    expect((await send('listPacks', {})).packs.map((p) => p.id)).toEqual(['builtin', 'mine']);
    // Searchable the moment it is on: its index was written before the switch.
    expect((await StoredSource.open(getSearchDb(), 'mine', pack.corpusVersion))?.size).toBe(43);

    // The same file again is a no-op.
    const again = await importPackFile(file(JSON.stringify(pack)), page());
    expect(again.status).toBe('unchanged');
  });

  it('a new version replaces the old one; the background drops the old version’s search index when told', async () => {
    const v2 = makePack({ id: 'mine', summaries: 40, concepts: 3, corpusVersion: 'v2' });
    const old = (await getDb().packs.get('mine'))!;
    expect(await getSearchDb().heads.get(generationOf('mine', old.corpusVersion))).toBeDefined();
    await importPackFile(file(JSON.stringify(v2)), page());
    expect(await getSearchDb().heads.get(generationOf('mine', old.corpusVersion))).toBeUndefined();
    expect(await getSearchDb().heads.get(generationOf('mine', 'v2'))).toBeDefined();
    expect((await getDb().packs.get('mine'))?.corpusVersion).toBe('v2');
  });

  it('rejects every bad file with its message and writes nothing', async () => {
    const before = await counts();
    for (const bad of badPackFiles()) await expect(importPackFile(file(bad.text), page()), bad.name).rejects.toThrow(bad.says);
    expect(await counts()).toEqual(before);
  });

  it('refuses ids that collide with the shipped corpus, writing nothing', async () => {
    const before = await counts();
    await expect(importPackFile(file(JSON.stringify(collidingPack())), page())).rejects.toThrow(/already belongs to the pack "builtin"/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file over the limit before reading it', async () => {
    const huge = { size: MAX_PACK_BYTES + 1, text: vi.fn(async () => '') };
    await expect(importPackFile(huge, page())).rejects.toThrow(/larger than 200\.0 MB/);
    expect(huge.text).not.toHaveBeenCalled();
  });

  it('refuses a pack the disk has no room for before writing anything, with the full-disk sentence', async () => {
    const before = await counts();
    const text = JSON.stringify(makePack({ id: 'no-room', summaries: 30, concepts: 0 }));
    const estimate = vi.spyOn(navigator.storage, 'estimate').mockResolvedValue({ quota: 1_000_000, usage: 1_000_000 - text.length + 1 });
    const error = await importPackFile(file(text), page()).catch((e: unknown) => e);
    estimate.mockRestore();
    expect(describeDbError(error)).toBe('The browser has no storage space left for Summary Lens. Free some disk space; nothing was lost.');
    expect(await counts()).toEqual(before);
  });

  it('refuses a second import while one runs (another tab, or seeding), before reading its file; the first lands', async () => {
    const first = makePack({ id: 'first', summaries: 600, concepts: 1 });
    let second: unknown;
    const text = vi.fn(async () => JSON.stringify(makePack({ id: 'second', summaries: 3, concepts: 0 })));
    await importPackFile(
      file(JSON.stringify(first)),
      page({
        onStage: (s) => {
          if (s.stage === 'writing' && s.done > 0 && second === undefined) second = importPackFile({ size: 100, text }, page()).catch((e: unknown) => e);
        },
      }),
    );
    expect(await second).toMatchObject({ problem: 'busy', message: expect.stringMatching(/Another import or corpus update is running/) });
    expect(text, 'the second file is not even read').not.toHaveBeenCalled();
    expect((await counts()).packs).toEqual(['builtin', 'first', 'mine']);

    // The background seeding the shipped corpus holds the same lock.
    let release!: () => void;
    const seeding = navigator.locks.request(INSTALL_LOCK, () => new Promise<void>((r) => (release = r)));
    await expect(importPackFile(file(JSON.stringify(makePack({ id: 'third', summaries: 3, concepts: 0 }))), page())).rejects.toMatchObject({ problem: 'busy' });
    release();
    await seeding;
    await send('removePack', { id: 'first' });
  });

  it('keeps pack messages away from content scripts, and checks what the page sends', async () => {
    for (const [type, data] of [
      ['listPacks', {}],
      ['removePack', { id: 'mine' }],
      ['packInstalled', { packId: 'mine' }],
    ] as const) {
      await expect(send(type, data as never, CONTENT_SCRIPT)).rejects.toMatchObject({ code: 'forbidden' });
    }
    for (const data of [{}, { packId: '' }, { packId: 'x'.repeat(101) }, { packId: 'mine', extra: 1 }])
      await expect(send('packInstalled', data as never)).rejects.toMatchObject({ code: 'bad-request' });
    expect(await send('packInstalled', { packId: 'no-such-pack' })).toEqual({ installed: false });
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
