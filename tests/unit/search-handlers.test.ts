// The popup's background messages through the real dispatch gate and handlers (fake-indexeddb,
// WXT's fake browser, the shipped pack): recently viewed papers, and imported packs' indexes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '@/utils/messaging/dispatch';
import { MessageError } from '@/utils/messaging/client';
import type { RequestOf, RequestType, ResponseMap } from '@/utils/messaging/protocol';
import { handlers } from '@/entrypoints/background/handlers';
import { SearchEngine } from '@/utils/search/engine';
import { StoredSource } from '@/utils/search/stored-source';
import { getSearchDb } from '@/utils/search/store';
import { generationOf } from '@/utils/search/postings';
import { getDb } from '@/utils/db';
import { importPackFile } from '@/utils/corpus/import-pack';
import { MAX_RECENT } from '@/utils/search/recent';
import { makePack } from '../fixtures/packs/make-packs';
import { wrapTables } from './support/dexie-tables';

const OWN_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const POPUP = { id: OWN_ID, url: `${ORIGIN}popup.html` };
const CONTENT_SCRIPT = { id: OWN_ID, url: 'https://arxiv.org/abs/2001.04451', tab: { url: 'https://arxiv.org/abs/2001.04451' } };
const PACK_JSON = readFileSync(join(import.meta.dirname, '../../public/corpus/pack.json'), 'utf8');

async function send<K extends RequestType>(type: K, data: RequestOf<K>, sender: { id: string; url: string } = POPUP): Promise<ResponseMap[K]> {
  const reply = await dispatch({ type, data }, sender, handlers, OWN_ID, { ownOrigin: ORIGIN });
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data as ResponseMap[K];
}

beforeAll(() => {
  // The background fetches the shipped pack from the extension: serve the real one.
  vi.stubGlobal('fetch', async () => new Response(PACK_JSON, { status: 200, headers: { 'content-type': 'application/json' } }));
});

beforeEach(async () => {
  await getDb().recent.clear();
});

describe('recently viewed papers', () => {
  it('a page lookup that finds a summary records the view; the popup lists it, newest first, once', async () => {
    await send('lookupPaper', { ref: { arxivId: '2001.04451' } }, CONTENT_SCRIPT);
    await send('lookupPaper', { ref: { arxivId: '1810.04805v2' } }, CONTENT_SCRIPT);
    await send('lookupPaper', { ref: { arxivId: '2001.04451' } }, CONTENT_SCRIPT);
    await send('lookupPaper', { ref: { arxivId: '2401.99999' } }, CONTENT_SCRIPT); // no summary: not a view
    const { recent } = await send('listRecent', {});
    expect(recent.map((r) => [r.arxivId, r.title])).toEqual([
      ['2001.04451', 'Reformer: The Efficient Transformer'],
      ['1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
    ]);
    expect((await send('listRecent', { limit: 1 })).recent).toHaveLength(1);
  });

  it('keeps one row per paper, whatever page form it was seen on, and at most MAX_RECENT', async () => {
    // Reformer's arXiv page and its OpenReview forum are one paper: one entry.
    await send('lookupPaper', { ref: { arxivId: '2001.04451' } }, CONTENT_SCRIPT);
    await send('lookupPaper', { ref: { openreviewId: 'rkgNKkHtvB' } }, CONTENT_SCRIPT);
    expect((await send('listRecent', {})).recent.map((r) => r.arxivId)).toEqual(['2001.04451']);
    const ids = JSON.parse(PACK_JSON).summaries.slice(0, MAX_RECENT + 5).map((s: { id: string }) => s.id) as string[];
    for (const summaryId of ids) await send('recordView', { summaryId });
    const { recent } = await send('listRecent', { limit: 50 });
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0].summaryId).toBe(ids.at(-1));
  });

  it('recordView adds a summary opened in the popup; unknown ids are not recorded', async () => {
    const { recent: none } = await send('listRecent', {});
    expect(none).toEqual([]);
    const summaryId = JSON.parse(PACK_JSON).summaries.find((s: { paper: { arxivId: string } }) => s.paper.arxivId === '1801.04381').id as string;
    expect(await send('recordView', { summaryId })).toEqual({ recorded: true });
    expect(await send('recordView', { summaryId: 'no-such-summary' })).toEqual({ recorded: false });
    expect((await send('listRecent', {})).recent.map((r) => r.summaryId)).toEqual([summaryId]);
  });

  it('what the user read stays private: pages (content scripts) cannot list or record views', async () => {
    await expect(send('listRecent', {}, CONTENT_SCRIPT)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(send('recordView', { summaryId: 'x' }, CONTENT_SCRIPT)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(send('preparePackSearch', { packId: 'x' }, CONTENT_SCRIPT)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('a page lookup on a full disk', () => {
  it('answers although Chromium aborted its first reads (a full disk aborts reads in flight too)', async () => {
    const db = getDb();
    let aborts = 0;
    let failing = 2;
    const abortNow = (table: string) => table === 'summaryRows' && failing > 0 && (failing--, aborts++, true);
    const aborted = () => Promise.reject(new DOMException('The transaction was aborted.', 'AbortError'));
    db.close();
    wrapTables(db, 'aborting-reads', (t, name) => ({
      ...t,
      get: (req) => (abortNow(name) ? aborted() : t.get(req)),
      query: (req) => (abortNow(name) ? aborted() : t.query(req)),
      openCursor: (req) => (abortNow(name) ? aborted() : t.openCursor(req)),
    }));
    await db.open();
    const reply = await send('lookupPaper', { ref: { arxivId: '2001.04451' } }, CONTENT_SCRIPT);
    expect(aborts).toBe(2);
    expect(reply.summary?.paper.title).toBe('Reformer: The Efficient Transformer');
    // A lasting failure is still reported, not retried for ever.
    failing = 100;
    await expect(send('lookupPaper', { ref: { arxivId: '2001.04451' } }, CONTENT_SCRIPT)).rejects.toThrow();
    expect(aborts).toBeLessThanOrEqual(2 + 3 * 2);
    failing = 0;
  });
});

describe('imported packs are searchable', () => {
  it('an imported pack is stored for search when it is imported; the popup reads it there; removal drops it', async () => {
    const pack = makePack({ id: 'private-notes', summaries: 40, concepts: 3 });
    pack.summaries[7].paper.title = 'Zyxomorphic Hashing for Private Retrieval';
    // Imported as the options page does it: written by the page, then the background told.
    const text = JSON.stringify(pack);
    const reply = await importPackFile(
      { size: text.length, text: async () => text },
      { db: getDb(), searchDb: getSearchDb(), ready: () => send('listPacks', {}), announce: (packId) => send('packInstalled', { packId }) },
    );
    expect(reply).toMatchObject({ status: 'installed' });

    // Already stored: the popup opens it without asking the background to build anything.
    const source = await StoredSource.open(getSearchDb(), 'private-notes', pack.corpusVersion);
    expect(source?.size).toBe(43);
    const engine = new SearchEngine([source!]);
    const hit = (await engine.searchAll('zyxomorphic hashing')).hits[0];
    expect(hit).toMatchObject({ packId: 'private-notes', doc: { title: 'Zyxomorphic Hashing for Private Retrieval' } });

    // A pack stored by an older release (rows only): prepared on the first ask, then found.
    await getSearchDb().heads.delete(generationOf('private-notes', pack.corpusVersion));
    expect(await StoredSource.open(getSearchDb(), 'private-notes', pack.corpusVersion)).toBeNull();
    expect(await send('preparePackSearch', { packId: 'private-notes' })).toEqual({ corpusVersion: pack.corpusVersion });
    expect(await StoredSource.open(getSearchDb(), 'private-notes', pack.corpusVersion)).not.toBeNull();

    // The shipped corpus too, on the popup's first ask (until then the popup uses its files).
    const builtin = await send('preparePackSearch', { packId: 'builtin' });
    expect(await StoredSource.open(getSearchDb(), 'builtin', builtin!.corpusVersion)).not.toBeNull();
    expect(await send('preparePackSearch', { packId: 'no-such-pack' })).toBeNull();
    await send('removePack', { id: 'private-notes' });
    const g = generationOf('private-notes', pack.corpusVersion);
    expect(await getSearchDb().terms.where('[g+f+w]').between([g], [g, []]).count()).toBe(0);
    expect(await getSearchDb().heads.toCollection().primaryKeys()).toEqual([generationOf('builtin', builtin!.corpusVersion)]);
  });
});
