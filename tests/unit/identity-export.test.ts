// The JSON export carries paper identities (format 2): a note written on a paper's arXiv page,
// exported and imported into an empty profile, still shows on that paper's OpenReview forum.
// A format-1 file (notes keyed per page form) still imports, keys resolved like the migration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/utils/messaging/dispatch';
import { MessageError } from '@/utils/messaging/client';
import type { RequestOf, RequestType, ResponseMap } from '@/utils/messaging/protocol';
import { handlers } from '@/entrypoints/background/handlers';
import { getDb } from '@/utils/db';

const OWN_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const OPTIONS_PAGE = { id: OWN_ID, url: `${ORIGIN}options.html` };
const CONTENT_SCRIPT = { id: OWN_ID, url: 'https://openreview.net/forum?id=x', tab: { id: 3, url: 'https://openreview.net/forum?id=x' } };
async function send<K extends RequestType>(type: K, data: RequestOf<K>, sender: object = OPTIONS_PAGE): Promise<ResponseMap[K]> {
  const reply = await dispatch({ type, data }, sender, handlers, OWN_ID, { ownOrigin: ORIGIN });
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data as ResponseMap[K];
}
const PACK_JSON = readFileSync(join(import.meta.dirname, '../../public/corpus/pack.json'), 'utf8');
beforeAll(() => vi.stubGlobal('fetch', async () => new Response(PACK_JSON, { status: 200, headers: { 'content-type': 'application/json' } })));
async function emptyProfile() {
  const db = getDb();
  await Promise.all([db.notes.clear(), db.revisions.clear(), db.papers.clear(), db.aliases.clear(), db.recent.clear(), db.dismissals.clear()]);
}
beforeEach(async () => {
  fakeBrowser.reset();
  await emptyProfile();
});

const DDPM_ABS = { arxivId: '2006.11239', title: 'Denoising Diffusion Probabilistic Models', firstAuthor: 'Ho, Jonathan' };
const DDPM_FORUM = { openreviewId: 'FixtureHo2020', title: 'Denoising Diffusion Probabilistic Models', firstAuthor: 'Jonathan Ho' };

describe('JSON export with identities', () => {
  it('format 2 carries papers and aliases; an import into an empty profile keeps the note on every page form', async () => {
    const { paperKey } = await send('lookupPaper', { ref: DDPM_ABS }, CONTENT_SCRIPT);
    expect(paperKey).toBe('arxiv:2006.11239');
    await send('saveNote', { paperKey: paperKey!, text: 'Noise schedules matter.', title: DDPM_ABS.title, baseRev: 0 });
    const file = JSON.parse((await send('exportNotes', { format: 'json' })).content);
    expect(file.version).toBe(2);
    expect(file.papers).toEqual([{ id: 'arxiv:2006.11239', title: 'Denoising Diffusion Probabilistic Models', aliases: ['title:denoising diffusion probabilistic models|ho'] }]);

    await emptyProfile();
    expect(await send('applyImport', { json: JSON.stringify(file) })).toMatchObject({ counts: { add: 1 } });
    const forum = await send('lookupPaper', { ref: DDPM_FORUM }, CONTENT_SCRIPT);
    expect(forum).toMatchObject({ paperKey: 'arxiv:2006.11239', hasNote: true });
    expect((await send('getNote', { paperKey: forum.paperKey! })).note?.text).toBe('Noise schedules matter.');
  });

  it('an import whose aliases join two local papers merges them, keeping both texts', async () => {
    // Locally: the arXiv page and the OpenReview forum were seen apart (no title match: no author on one).
    const a = await send('lookupPaper', { ref: { arxivId: '2006.11239' } }, CONTENT_SCRIPT);
    const b = await send('lookupPaper', { ref: { openreviewId: 'FixtureHo2020' } }, CONTENT_SCRIPT);
    expect(a.paperKey).not.toBe(b.paperKey);
    await send('saveNote', { paperKey: a.paperKey!, text: 'local arXiv note', title: null, baseRev: 0 });
    await send('saveNote', { paperKey: b.paperKey!, text: 'local forum note', title: null, baseRev: 0 });
    const file = {
      format: 'summary-lens-notes', version: 2, exportedAt: 'x', revisions: [], settings: null,
      papers: [{ id: 'arxiv:2006.11239', title: null, aliases: ['openreview:FixtureHo2020'] }],
      notes: [{ paperKey: 'arxiv:2006.11239', text: 'local arXiv note', tags: ['diffusion'], status: 'none', title: null, createdAt: 1, updatedAt: 2, rev: 1 }],
    };
    await send('applyImport', { json: JSON.stringify(file) });
    const after = await send('lookupPaper', { ref: { openreviewId: 'FixtureHo2020' } }, CONTENT_SCRIPT);
    expect(after.paperKey).toBe(a.paperKey);
    const { note } = await send('getNote', { paperKey: after.paperKey! });
    const history = (await send('listRevisions', { paperKey: after.paperKey! })).revisions.map((r) => r.text);
    expect([note!.text, ...history]).toEqual(expect.arrayContaining(['local arXiv note', 'local forum note']));
  });

  it('a format-1 file (keys per page form) still imports; a corpus paper’s keys join its paper', async () => {
    const v1 = {
      format: 'summary-lens-notes', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', settings: null,
      notes: [
        { paperKey: 'arxiv:2001.04451', text: 'Reformer, from the arXiv page.', tags: [], status: 'none', title: null, createdAt: 1, updatedAt: 2, rev: 1 },
        { paperKey: 'openreview:rkgNKkHtvB', text: 'Reformer, from the forum.', tags: ['iclr'], status: 'read', title: null, createdAt: 1, updatedAt: 3, rev: 1 },
        { paperKey: 'title:some paper nobody knows', text: 'A title-keyed note.', tags: [], status: 'none', title: null, createdAt: 1, updatedAt: 2, rev: 1 },
      ],
      revisions: [{ paperKey: 'arxiv:2001.04451', text: 'older', tags: [], savedAt: 1, reason: 'edit' }],
    };
    expect((await send('previewImport', { json: JSON.stringify(v1) })).counts.add).toBeGreaterThanOrEqual(2);
    await send('applyImport', { json: JSON.stringify(v1) });
    const reformer = await send('lookupPaper', { ref: { openreviewId: 'rkgNKkHtvB' } }, CONTENT_SCRIPT);
    const viaArxiv = await send('lookupPaper', { ref: { arxivId: '2001.04451v2' } }, CONTENT_SCRIPT);
    expect(viaArxiv.paperKey).toBe(reformer.paperKey);
    const { note } = await send('getNote', { paperKey: reformer.paperKey! });
    const history = (await send('listRevisions', { paperKey: reformer.paperKey! })).revisions.map((r) => r.text);
    expect([note!.text, ...history]).toEqual(expect.arrayContaining(['Reformer, from the arXiv page.', 'Reformer, from the forum.', 'older']));
    expect(note).toMatchObject({ status: 'read', tags: ['iclr'] });
    expect((await send('getNote', { paperKey: 'title:some paper nobody knows' })).note?.text).toBe('A title-keyed note.');
  });
});
