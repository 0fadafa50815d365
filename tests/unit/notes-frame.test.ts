// The in-page notes frame's small contracts: the address it is opened with (validated before an
// editor shows), the messages it and the panel exchange, and the background relay's sender rules.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseNotesFrameParams } from '../../entrypoints/notes-frame/params';
import { asNotesFrameMessage, asThemeMessage, MAX_FRAME_HEIGHT, newFrameToken, notesFrameQuery, TOKEN_PATTERN } from '@/utils/notes-frame/protocol';
import { notesFrameHandlers } from '@/entrypoints/background/notes-frame-handlers';
import { MessageError } from '../../utils/messaging/client';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx';

describe('the frame address', () => {
  it('round-trips every paper key form with its title and theme', () => {
    for (const paperKey of ['arxiv:2106.09608', 'arxiv:hep-th/9901001', 'arxiv:math.GT/0309136', 'openreview:SylKikSYDH', 'openreview:r1x-MH_1BtvB', 'title:learning knowledge graph based world models', 'summary:s042']) {
      for (const title of ['Variational Dropout & "Sparsity": 100% = 1/1 + $x^2$?#', null]) {
        const search = notesFrameQuery({ paperKey, title, theme: 'dark', token: TOKEN });
        expect(parseNotesFrameParams(search)).toEqual({ ok: true, params: { paperKey, title, theme: 'dark', token: TOKEN } });
      }
    }
  });

  it('makes unguessable tokens of the expected form', () => {
    const tokens = new Set(Array.from({ length: 200 }, newFrameToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
  });

  it.each([
    ['no paper key', `?theme=light&token=${TOKEN}`, /paperKey/],
    ['a key of no known form', `?paperKey=javascript:alert(1)&theme=light&token=${TOKEN}`, /paper key looks like/],
    ['a key with a control character', `?paperKey=arxiv:1%0A2&theme=light&token=${TOKEN}`, /paper key looks like/],
    ['a key too long', `?paperKey=title:${'a'.repeat(1200)}&theme=light&token=${TOKEN}`, /paperKey/],
    ['a title too long', `?paperKey=arxiv:1&title=${'t'.repeat(1001)}&theme=light&token=${TOKEN}`, /title/],
    ['a title over two lines', `?paperKey=arxiv:1&title=a%0Ab&theme=light&token=${TOKEN}`, /one line/],
    ['an unknown theme', `?paperKey=arxiv:1&theme=sepia&token=${TOKEN}`, /theme/],
    ['no token', '?paperKey=arxiv:1&theme=light', /token/],
    ['a short token', '?paperKey=arxiv:1&theme=light&token=abc', /token/],
    ['a token with odd characters', `?paperKey=arxiv:1&theme=light&token=${TOKEN}%3Cscript%3E`, /token/],
    ['an unexpected parameter', `?paperKey=arxiv:1&theme=light&token=${TOKEN}&debug=1`, /debug/],
    ['a parameter given twice', `?paperKey=arxiv:1&paperKey=arxiv:2&theme=light&token=${TOKEN}`, /"paperKey" is given twice/],
  ])('refuses %s', (_, search, message) => {
    const parsed = parseNotesFrameParams(search);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('treats a blank title as none', () => {
    expect(parseNotesFrameParams(`?paperKey=arxiv:1&title=%20%20&theme=light&token=${TOKEN}`)).toMatchObject({ ok: true, params: { title: null } });
  });
});

describe('messages between the frame and the panel', () => {
  it('accepts the two frame messages, capping heights', () => {
    expect(asNotesFrameMessage({ type: 'summary-lens:notes-frame-hello', token: TOKEN, paperKey: 'arxiv:1' })).toEqual({ type: 'summary-lens:notes-frame-hello', token: TOKEN, paperKey: 'arxiv:1' });
    expect(asNotesFrameMessage({ type: 'summary-lens:notes-frame-size', token: TOKEN, height: 212.3 })).toEqual({ type: 'summary-lens:notes-frame-size', token: TOKEN, height: 213 });
    expect(asNotesFrameMessage({ type: 'summary-lens:notes-frame-size', token: TOKEN, height: 1e9 })).toMatchObject({ height: MAX_FRAME_HEIGHT });
  });

  it.each([
    null,
    'summary-lens:notes-frame-size',
    { type: 'summary-lens:notes-frame-size', token: TOKEN, height: -1 },
    { type: 'summary-lens:notes-frame-size', token: TOKEN, height: Number.NaN },
    { type: 'summary-lens:notes-frame-size', token: TOKEN, height: '200' },
    { type: 'summary-lens:notes-frame-size', token: 'short', height: 200 },
    { type: 'summary-lens:notes-frame-hello', token: TOKEN },
    { type: 'lookupPaper', data: {} },
  ])('ignores %j', (raw) => {
    expect(asNotesFrameMessage(raw)).toBeNull();
  });

  it('takes only light or dark as a theme', () => {
    expect(asThemeMessage({ type: 'summary-lens:notes-frame-theme', theme: 'dark' })).toBe('dark');
    expect(asThemeMessage({ type: 'summary-lens:notes-frame-theme', theme: 'light' })).toBe('light');
    for (const raw of [{ type: 'summary-lens:notes-frame-theme', theme: 'red' }, { theme: 'dark' }, 'dark', null]) expect(asThemeMessage(raw)).toBeNull();
  });
});

describe('background relay', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());
  const frameSender = { id: 'x', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/notes-frame.html?paperKey=arxiv%3A1', tab: { id: 7, url: 'https://arxiv.org/abs/1' } };

  it('forwards the frame’s messages to the top frame of its own tab, and its answer back', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, message: any) => message.type === 'summary-lens:notes-frame-hello');
    expect(await notesFrameHandlers.notesFrameHello({ token: TOKEN, paperKey: 'arxiv:1' }, frameSender)).toEqual({ mine: true });
    expect(await notesFrameHandlers.notesFrameSize({ token: TOKEN, height: 240 }, { ...frameSender, url: frameSender.url.replace('chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f1e2d3c-0000-4000-8000-123456789abc') })).toEqual({ delivered: true });
    expect(sent.mock.calls).toEqual([
      [7, { type: 'summary-lens:notes-frame-hello', token: TOKEN, paperKey: 'arxiv:1' }, { frameId: 0 }],
      [7, { type: 'summary-lens:notes-frame-size', token: TOKEN, height: 240 }, { frameId: 0 }],
    ]);
  });

  it('says "not mine" when no panel answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await notesFrameHandlers.notesFrameHello({ token: TOKEN, paperKey: 'arxiv:1' }, frameSender)).toEqual({ mine: false });
  });

  it.each([
    ['a content script', { id: 'x', url: 'https://arxiv.org/abs/1', tab: { id: 7 } }],
    ['another extension page', { id: 'x', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', tab: { id: 7 } }],
    ['the notes page outside a tab', { id: 'x', url: frameSender.url }],
    ['a web page at the same path', { id: 'x', url: 'https://evil.example/notes-frame.html', tab: { id: 7 } }],
  ])('refuses %s', async (_, sender) => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await expect(Promise.resolve().then(() => notesFrameHandlers.notesFrameSize({ token: TOKEN, height: 1 }, sender))).rejects.toBeInstanceOf(MessageError);
    expect(sent).not.toHaveBeenCalled();
  });
});
