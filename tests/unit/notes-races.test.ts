// Races between views and tabs, each through the real dispatch gate and background handlers
// (fake-indexeddb, WXT's fake browser): settings and dismissals written from several tabs at
// once, two views typing into one note, and an editor still open on a note the dashboard deleted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/utils/messaging/dispatch';
import { MessageError } from '@/utils/messaging/client';
import type { RequestOf, RequestType, ResponseMap } from '@/utils/messaging/protocol';
import { handlers } from '@/entrypoints/background/handlers';
import { getDb } from '@/utils/db';
import { DEFAULT_SETTINGS, getSettings, settingsItem } from '@/utils/settings';
import { MAX_REVISIONS_PER_NOTE, REVISION_BURST_MS } from '@/utils/notes/limits';
import * as store from '@/entrypoints/background/notes-store';

const OWN_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const OPTIONS_PAGE = { id: OWN_ID, url: `${ORIGIN}options.html` };
const tab = (n: number) => ({ id: OWN_ID, url: `https://arxiv.org/abs/2106.0960${n}`, tab: { id: n, url: `https://arxiv.org/abs/2106.0960${n}` } });

async function send<K extends RequestType>(type: K, data: RequestOf<K>, sender: object = OPTIONS_PAGE): Promise<ResponseMap[K]> {
  const reply = await dispatch({ type, data }, sender, handlers, OWN_ID, { ownOrigin: ORIGIN });
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data as ResponseMap[K];
}

const PACK_JSON = readFileSync(join(import.meta.dirname, '../../public/corpus/pack.json'), 'utf8');
beforeAll(() => {
  // Page look-ups wait for the corpus: the background fetches the shipped pack, served here.
  vi.stubGlobal('fetch', async () => new Response(PACK_JSON, { status: 200, headers: { 'content-type': 'application/json' } }));
});

beforeEach(async () => {
  fakeBrowser.reset();
  const db = getDb();
  await Promise.all([db.notes.clear(), db.revisions.clear(), db.dismissals.clear(), db.papers.clear(), db.aliases.clear()]);
});

describe('settings and dismissals from several tabs at once', () => {
  it('control: unordered read-modify-writes of the settings item lose patches', async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    const rmw = async (patch: object) => settingsItem.setValue({ ...(await getSettings()), ...patch });
    await Promise.all([rmw({ theme: 'dark' }), rmw({ autoLoadImages: true }), rmw({ panelCollapsed: true })]);
    const s = await getSettings();
    expect([s.theme === 'dark', s.autoLoadImages, s.panelCollapsed].filter(Boolean).length).toBeLessThan(3);
  });

  it('patches sent at once by tabs and the options page all land', async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await Promise.all([
      send('updateSettings', { patch: { theme: 'dark' } }),
      send('setPanelCollapsed', { collapsed: true }, tab(1)),
      send('updateSettings', { patch: { autoLoadImages: true } }),
      send('updateSettings', { patch: { showNoSummary: false } }),
    ]);
    expect(await getSettings()).toEqual({ theme: 'dark', panelCollapsed: true, autoLoadImages: true, showNoSummary: false });
  });

  it('panels in several tabs dismissing papers at once: every dismissal is kept, by paper', async () => {
    const looked = await Promise.all([1, 2, 3, 4, 5].map((n) => send('lookupPaper', { ref: { arxivId: `2106.0960${n}` } }, tab(n))));
    await Promise.all(looked.map((l, i) => send('setDismissed', { paperKey: l.paperKey!, dismissed: true }, tab(i + 1))));
    for (const [i, l] of looked.entries()) expect((await send('lookupPaper', { ref: { arxivId: `2106.0960${i + 1}` } }, tab(i + 1))).dismissed, l.paperKey!).toBe(true);
    await send('setDismissed', { paperKey: looked[0].paperKey!, dismissed: false }, tab(1));
    expect((await send('lookupPaper', { ref: { arxivId: '2106.09601' } }, tab(1))).dismissed).toBe(false);
  });
});

describe('two views typing into one note at once', () => {
  it('keeps the real revisions: the race leaves one conflict revision per burst, not one per keystroke', async () => {
    const db = getDb();
    const KEY = 'arxiv:2106.09608';
    const T0 = 1_700_000_000_000;
    // Five real versions, one per editing session.
    let base = 0;
    for (let i = 0; i < 6; i++) base = (await store.saveNote(db, { paperKey: KEY, text: `Session ${i}: a real version worth keeping.`, title: null, baseRev: base, now: T0 + i * REVISION_BURST_MS })).value.note!.textRev;
    const real = (await db.revisions.where('paperKey').equals(KEY).toArray()).map((r) => r.text);
    expect(real).toHaveLength(5);
    // Two views, each typing on from the text it loaded, saving every 400 ms without seeing the other.
    const start = T0 + 10 * REVISION_BURST_MS;
    let a = { text: 'Session 5: a real version worth keeping.', base }, b = { ...a };
    for (let i = 0; i < 150; i++) {
      const now = start + i * 400;
      const view = i % 2 === 0 ? a : b;
      view.text += i % 2 === 0 ? 'a' : 'b';
      const out = await store.saveNote(db, { paperKey: KEY, text: view.text, title: null, baseRev: view.base, now });
      view.base = out.value.note!.textRev;
      if (i % 2 === 0) a = view;
      else b = view;
    }
    const after = await db.revisions.where('paperKey').equals(KEY).toArray();
    for (const text of real) expect(after.map((r) => r.text)).toContain(text);
    expect(after.length).toBeLessThan(MAX_REVISIONS_PER_NOTE);
    // And both views' latest texts are still there: one is the note, the other the newest conflict revision.
    const note = (await db.notes.get(KEY))!;
    expect([note.text, ...after.map((r) => r.text)]).toEqual(expect.arrayContaining([a.text, b.text]));
  });
});

describe('an editor open on a note the dashboard deleted', () => {
  it('is told instead of silently re-creating it; re-created only when the user chooses', async () => {
    const FRAME = { id: OWN_ID, url: `${ORIGIN}notes-frame.html`, tab: { id: 1, url: 'https://arxiv.org/abs/2106.09608' } };
    const { paperKey } = await send('lookupPaper', { ref: { arxivId: '2106.09608' } }, tab(8));
    const saved = await send('saveNote', { paperKey: paperKey!, text: 'first', title: null, baseRev: 0 }, FRAME);
    await send('deleteNote', { paperKey: paperKey! });
    const late = await send('saveNote', { paperKey: paperKey!, text: 'first, typed on', title: null, baseRev: saved.note!.textRev }, FRAME);
    expect(late).toEqual({ note: null, conflict: null, deleted: true });
    expect(await getDb().notes.get(paperKey!)).toBeUndefined();
    const kept = await send('saveNote', { paperKey: paperKey!, text: 'first, typed on', title: null, baseRev: saved.note!.textRev, recreate: true }, FRAME);
    expect(kept.note).toMatchObject({ text: 'first, typed on' });
    // The deleted text is still in the history (restorable from the dashboard).
    expect((await send('listRevisions', { paperKey: paperKey! })).revisions.map((r) => r.text)).toContain('first');
  });
});
