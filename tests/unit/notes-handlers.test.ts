// The notes messages through the real dispatch gate and handlers (fake-indexeddb, WXT's fake
// browser): live-update signal, who may call what, clear errors for quota and bad input.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../utils/messaging/dispatch';
import { MessageError } from '../../utils/messaging/client';
import type { RequestOf, RequestType, ResponseMap } from '../../utils/messaging/protocol';
import { handlers } from '@/entrypoints/background/handlers';
import { getDb } from '../../utils/db';
import { notesChangedItem } from '../../utils/notes/live';
import { settingsItem } from '../../utils/settings';

const OWN_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const OPTIONS_PAGE = { id: OWN_ID, url: `${ORIGIN}options.html` };
const CONTENT_SCRIPT = { id: OWN_ID, url: 'https://arxiv.org/abs/2106.09608', tab: { url: 'https://arxiv.org/abs/2106.09608' } };
// The panel's editor: an extension page framed in the paper's tab.
const NOTES_FRAME = { id: OWN_ID, url: `${ORIGIN}notes-frame.html?paperKey=arxiv%3A2106.09608`, tab: { url: 'https://arxiv.org/abs/2106.09608' } };

async function send<K extends RequestType>(type: K, data: RequestOf<K>, sender: { id: string; url: string } = OPTIONS_PAGE): Promise<ResponseMap[K]> {
  const reply = await dispatch({ type, data }, sender, handlers, OWN_ID, { ownOrigin: ORIGIN });
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data as ResponseMap[K];
}

const KEY = 'arxiv:2106.09608';

beforeEach(async () => {
  fakeBrowser.reset();
  // No corpus here: the background's seeding fails quietly and notes still work.
  vi.stubGlobal('fetch', async () => new Response('not found', { status: 404 }));
  await getDb().notes.clear();
  await getDb().revisions.clear();
});

describe('notes messages', () => {
  it('note text never reaches a content script: reading, writing and rendering are refused with a typed error', async () => {
    await send('saveNote', { paperKey: KEY, text: 'private', title: null, baseRev: 0 }, NOTES_FRAME);
    for (const [type, data] of [
      ['getNote', { paperKey: KEY }],
      ['saveNote', { paperKey: KEY, text: 'x', title: null, baseRev: 1 }],
      ['setNoteMeta', { paperKey: KEY, title: null, status: 'read' }],
      ['ackMergeNotice', { paperKey: KEY }],
      ['updateSettings', { patch: { autoLoadImages: true } }],
    ] as const) {
      await expect(send(type, data as never, CONTENT_SCRIPT)).rejects.toMatchObject({ code: 'forbidden' });
    }
    // Another web page framing an extension page that is not the notes frame is refused too.
    const framedOptions = { id: OWN_ID, url: `${ORIGIN}options.html`, tab: { url: 'https://evil.example/' } };
    await expect(send('getNote', { paperKey: KEY }, framedOptions)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getDb().notes.get(KEY))?.text).toBe('private');
  });

  it('the panel (its notes frame) saves and reads its note; every write signals notesChanged', async () => {
    const saved = await send('saveNote', { paperKey: KEY, text: 'hello', title: 'Paper', baseRev: 0, clientId: 'tab-1' }, NOTES_FRAME);
    expect(saved).toMatchObject({ note: { text: 'hello', rev: 1, textRev: 1 }, conflict: null });
    expect(await notesChangedItem.getValue()).toMatchObject({ paperKey: KEY, rev: 1, by: 'tab-1', conflict: false });
    await send('setNoteMeta', { paperKey: KEY, title: null, status: 'read', clientId: 'tab-2' }, NOTES_FRAME);
    expect(await notesChangedItem.getValue()).toMatchObject({ paperKey: KEY, rev: 2, by: 'tab-2' });
    expect((await send('getNote', { paperKey: KEY }, NOTES_FRAME)).note).toMatchObject({ text: 'hello', status: 'read', rev: 2, textRev: 1 });
  });

  it('a race is reported to the writer and flagged in notesChanged for the other views', async () => {
    await send('saveNote', { paperKey: KEY, text: 'one', title: null, baseRev: 0, clientId: 'a' }, NOTES_FRAME);
    await send('saveNote', { paperKey: KEY, text: 'two', title: null, baseRev: 1, clientId: 'b' }, NOTES_FRAME);
    const late = await send('saveNote', { paperKey: KEY, text: 'three', title: null, baseRev: 1, clientId: 'a' }, NOTES_FRAME);
    expect(late.conflict).toMatchObject({ otherText: 'two' });
    expect(await notesChangedItem.getValue()).toMatchObject({ by: 'a', conflict: true, rev: 3 });
  });

  it('dashboard operations are refused to content scripts (a page never reaches all notes)', async () => {
    for (const [type, data] of [
      ['listNotes', {}],
      ['listRevisions', { paperKey: KEY }],
      ['exportNotes', { format: 'json' }],
      ['wipeNotes', { confirm: true }],
      ['applyImport', { json: '{}' }],
      ['deleteNote', { paperKey: KEY }],
      ['restoreRevision', { id: 1 }],
    ] as const) {
      await expect(send(type, data as never, CONTENT_SCRIPT)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await send('listNotes', {})).total).toBe(0);
  });

  it('rejects bad input with clear errors: oversized note, bad key, wrong wipe confirmation', async () => {
    await expect(send('saveNote', { paperKey: KEY, text: 'x'.repeat(200_001), title: null, baseRev: 0 }, NOTES_FRAME)).rejects.toThrow(/at most 200,000 characters/);
    await expect(send('getNote', { paperKey: 'http://evil' }, NOTES_FRAME)).rejects.toThrow(/paper key looks like/);
    await expect(send('wipeNotes', { confirm: false as never })).rejects.toMatchObject({ code: 'bad-request' });
    expect(await getDb().notes.count()).toBe(0);
  });

  it('export JSON carries the settings; import restores them after the notes commit', async () => {
    await settingsItem.setValue({ showNoSummary: false, autoLoadImages: true, panelCollapsed: false, theme: 'dark' });
    await send('saveNote', { paperKey: KEY, text: 'note', title: null, baseRev: 0 }, NOTES_FRAME);
    const file = await send('exportNotes', { format: 'json' });
    expect(file.filename).toMatch(/^summary-lens-notes-\d{4}-\d\d-\d\d\.json$/);
    expect(JSON.parse(file.content).settings).toEqual({ showNoSummary: false, autoLoadImages: true, panelCollapsed: false, theme: 'dark' });
    await send('wipeNotes', { confirm: true });
    expect(await notesChangedItem.getValue()).toMatchObject({ paperKey: '*' });
    await settingsItem.setValue({ showNoSummary: true, autoLoadImages: false, panelCollapsed: false, theme: 'auto' });
    const preview = await send('previewImport', { json: file.content });
    expect(preview).toMatchObject({ counts: { add: 1 }, settings: true });
    expect(await send('applyImport', { json: file.content })).toMatchObject({ counts: { add: 1 }, settings: true });
    expect((await settingsItem.getValue()).theme).toBe('dark');
    const md = await send('exportNotes', { format: 'markdown' });
    expect(md.content).toContain('## arXiv:2106.09608');
    const bib = await send('exportNotes', { format: 'bibtex' });
    expect(bib.content).toContain('note = {note}');
  });

  it('a full disk during import gives a clear message and leaves everything as it was', async () => {
    await send('saveNote', { paperKey: KEY, text: 'before', title: null, baseRev: 0 }, NOTES_FRAME);
    const file = JSON.parse((await send('exportNotes', { format: 'json' })).content);
    file.notes[0] = { ...file.notes[0], text: 'from the file', updatedAt: file.notes[0].updatedAt + 1000 };
    file.notes.push({ ...file.notes[0], paperKey: 'arxiv:1706.03762' });
    const db = getDb();
    const spy = vi.spyOn(db.revisions, 'bulkAdd').mockImplementation(() => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError')) as never);
    await expect(send('applyImport', { json: JSON.stringify(file) })).rejects.toThrow(/no storage space left for Summary Lens, so the import was cancelled and rolled back: nothing was changed/);
    spy.mockRestore();
    expect(await db.notes.toArray()).toEqual([expect.objectContaining({ paperKey: KEY, text: 'before' })]);
  });
});
