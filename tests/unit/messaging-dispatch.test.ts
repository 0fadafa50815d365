// The background's message gate: only this extension, only protocol messages, privileged types
// only from extension pages, payloads validated, and never a throw whatever arrives.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { dispatch, isExtensionPage, type Handlers, type SenderLike } from '../../utils/messaging/dispatch';
import { messageAccess, requestSchemas, type RequestType } from '../../utils/messaging/protocol';
import { MessageError } from '../../utils/messaging/client';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const TYPES = Object.keys(requestSchemas) as RequestType[];
const PRIVILEGED = TYPES.filter((t) => messageAccess[t] === 'extension-page');

const senders = {
  optionsPage: { id: OWN_ID, url: `${ORIGIN}options.html` },
  optionsTab: { id: OWN_ID, url: `${ORIGIN}options.html#notes`, tab: { url: `${ORIGIN}options.html#notes` } },
  popup: { id: OWN_ID, url: `${ORIGIN}popup.html` },
  contentScript: { id: OWN_ID, url: 'https://arxiv.org/abs/2106.09608', tab: { url: 'https://arxiv.org/abs/2106.09608' } },
  framedExtensionPage: { id: OWN_ID, url: `${ORIGIN}options.html`, tab: { url: 'https://evil.example/' } },
  lookalikeOrigin: { id: OWN_ID, url: `chrome-extension://${OWN_ID}x/options.html` },
  otherExtension: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/page.html' },
  webPage: { url: 'https://evil.example/' },
} satisfies Record<string, SenderLike>;

function fakeHandlers() {
  const calls: { type: string; data: unknown }[] = [];
  const handlers = Object.fromEntries(
    TYPES.map((type) => [
      type,
      vi.fn(async (data: unknown) => {
        calls.push({ type, data });
        return { handled: type };
      }),
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const send = (raw: unknown, sender: SenderLike = senders.optionsPage, handlers = fakeHandlers().handlers) =>
  dispatch(raw, sender, handlers, OWN_ID, { ownOrigin: ORIGIN });

/** A valid payload for each type that has a simple one (used to prove the gate, not the schema). */
const validData: Partial<Record<RequestType, unknown>> = {
  ping: {},
  lookupPaper: { ref: { arxivId: '2106.09608' } },
  lookupMany: { arxivIds: ['2106.09608'] },
  lookupRefs: { refs: [{ doi: '10.18653/v1/P19-1472', title: 'HellaSwag' }] },
  getSummary: { id: 's1' },
  getConcept: { id: 'c1' },
  listPacks: {},
  packInstalled: { packId: 'extra' },
  removePack: { id: 'extra' },
};

describe('dispatch: who may send', () => {
  it('answers this extension’s own pages', async () => {
    for (const sender of [senders.optionsPage, senders.optionsTab, senders.popup]) {
      expect(await send({ type: 'ping', data: {} }, sender)).toEqual({ ok: true, data: { handled: 'ping' } });
    }
  });

  it('refuses other extensions, web pages and senders without an id, before reading the message', async () => {
    const { handlers, calls } = fakeHandlers();
    for (const sender of [senders.otherExtension, senders.webPage, {}, { id: '' }, null as unknown as SenderLike]) {
      const reply = await send({ type: 'ping', data: {} }, sender, handlers);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it('lets content scripts use the reading messages', async () => {
    for (const type of TYPES.filter((t) => !messageAccess[t] && validData[t])) {
      expect(await send({ type, data: validData[type] }, senders.contentScript), type).toMatchObject({ ok: true });
    }
  });

  it('keeps privileged messages (packs) to extension pages', async () => {
    expect(PRIVILEGED).toEqual(expect.arrayContaining(['listPacks', 'packInstalled', 'removePack']));
    const { handlers, calls } = fakeHandlers();
    for (const type of PRIVILEGED) {
      const data = validData[type] ?? {};
      for (const sender of [senders.contentScript, senders.framedExtensionPage, senders.lookalikeOrigin]) {
        expect(await send({ type, data }, sender, handlers), `${type} from ${sender.url}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      // Without knowing its own origin the background cannot tell: it refuses.
      expect(await dispatch({ type, data }, senders.optionsPage, handlers, OWN_ID)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
    for (const type of PRIVILEGED.filter((t) => validData[t])) {
      expect(await send({ type, data: validData[type] }, senders.optionsTab), type).toMatchObject({ ok: true });
    }
  });

  it('classifies senders', () => {
    expect(isExtensionPage(senders.optionsPage, ORIGIN)).toBe(true);
    expect(isExtensionPage(senders.optionsTab, ORIGIN)).toBe(true);
    expect(isExtensionPage(senders.contentScript, ORIGIN)).toBe(false);
    expect(isExtensionPage(senders.framedExtensionPage, ORIGIN)).toBe(false);
    expect(isExtensionPage(senders.lookalikeOrigin, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: OWN_ID }, ORIGIN)).toBe(false);
    expect(isExtensionPage(senders.optionsPage, undefined)).toBe(false);
  });

  it('lists only real message types as privileged', () => {
    for (const type of Object.keys(messageAccess)) expect(TYPES).toContain(type);
  });
});

describe('dispatch: what may be sent', () => {
  it('refuses anything that is not {type, data}', async () => {
    for (const raw of [null, undefined, 0, 'ping', ['ping', {}], { type: 1 }, { data: {} }, { type: 'ping', data: {}, extra: 1 }, { type: 'x'.repeat(65) }]) {
      expect(await send(raw), JSON.stringify(raw)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('refuses unknown types, including Object.prototype names', async () => {
    const { handlers, calls } = fakeHandlers();
    for (const type of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'PING', ' ping']) {
      expect(await send({ type, data: {} }, senders.optionsPage, handlers), type).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    }
    expect(calls).toEqual([]);
  });

  it('validates payloads before any handler runs', async () => {
    const { handlers, calls } = fakeHandlers();
    const bad: [RequestType, unknown][] = [
      ['ping', { extra: true }],
      ['ping', JSON.parse('{"__proto__": {"polluted": 1}}')],
      ['lookupPaper', { ref: { arxivId: 42 } }],
      ['lookupPaper', { ref: { arxivId: 'x'.repeat(65) } }],
      ['lookupPaper', { ref: JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}') }],
      ['lookupMany', { arxivIds: Array.from({ length: 501 }, () => '1') }],
      ['lookupRefs', { refs: Array.from({ length: 201 }, () => ({ title: 't' })) }],
      ['lookupRefs', { refs: [{ doi: 'x'.repeat(301) }] }],
      ['getSummary', { id: null }],
      ['packInstalled', { packId: '' }],
      ['packInstalled', { packId: 'x'.repeat(101) }],
      ['packInstalled', { packId: 'extra', text: '{}' }],
      ['removePack', { id: '' }],
    ];
    for (const [type, data] of bad) {
      const reply = await send({ type, data }, senders.optionsPage, handlers);
      expect(reply, `${type} ${JSON.stringify(data).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining(`Invalid "${type}" request`) } });
    }
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hands handlers the parsed payload, not the raw one', async () => {
    const { handlers, calls } = fakeHandlers();
    await send({ type: 'lookupPaper', data: { ref: { arxivId: '2106.09608', title: 'T' } } }, senders.contentScript, handlers);
    expect(calls).toEqual([{ type: 'lookupPaper', data: { ref: { arxivId: '2106.09608', title: 'T' } } }]);
  });
});

describe('dispatch: handler failures', () => {
  const failing = (error: unknown) => ({ ...fakeHandlers().handlers, ping: async () => Promise.reject(error) }) as Handlers;

  it('keeps a MessageError’s code and message', async () => {
    expect(await send({ type: 'ping', data: {} }, senders.popup, failing(new MessageError('not-ready', 'Still seeding.')))).toEqual({
      ok: false,
      error: { code: 'not-ready', message: 'Still seeding.' },
    });
  });

  it('reports other errors as internal, described for the user when a describer is given, and capped', async () => {
    const dbError = Object.assign(new Error('Dexie: VersionError blah'), { name: 'VersionError' });
    const plain = await dispatch({ type: 'ping', data: {} }, senders.popup, failing(dbError), OWN_ID, { ownOrigin: ORIGIN });
    expect(plain).toEqual({ ok: false, error: { code: 'internal', message: 'Dexie: VersionError blah' } });
    const described = await dispatch({ type: 'ping', data: {} }, senders.popup, failing(dbError), OWN_ID, {
      ownOrigin: ORIGIN,
      describeError: (e) => `Described: ${(e as Error).name}`,
    });
    expect(described).toEqual({ ok: false, error: { code: 'internal', message: 'Described: VersionError' } });
    const long = await send({ type: 'ping', data: {} }, senders.popup, failing(new Error('x'.repeat(5000))));
    expect(long.ok === false && long.error.message.length).toBe(1000);
    expect(await send({ type: 'ping', data: {} }, senders.popup, failing('a string'))).toEqual({ ok: false, error: { code: 'internal', message: 'a string' } });
  });
});

describe('dispatch: fuzz', () => {
  const senderArb = fc.oneof(
    fc.constantFrom<SenderLike>(...Object.values(senders)),
    fc.record({ id: fc.oneof(fc.constant(OWN_ID), fc.string()), url: fc.option(fc.oneof(fc.webUrl(), fc.constant(`${ORIGIN}x.html`)), { nil: undefined }) }),
  );
  const keyArb = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'data', 'ref', 'id', 'toString'), fc.string({ maxLength: 12 }));
  const valueArb = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.anything({ maxDepth: 2 }),
      fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
      fc.array(tie('value'), { maxLength: 4 }),
    ),
  })).value;
  const messageArb = fc.oneof(
    valueArb,
    fc.record({ type: fc.oneof(fc.constantFrom(...TYPES, '__proto__', 'constructor'), fc.string({ maxLength: 70 })), data: valueArb }),
    fc.record({ type: fc.constantFrom(...TYPES), data: fc.dictionary(keyArb, valueArb, { maxKeys: 5 }) }),
  );

  it('never throws, always answers an envelope, runs handlers only with schema-valid data, pollutes nothing', async () => {
    const { handlers, calls } = fakeHandlers();
    await fc.assert(
      fc.asyncProperty(messageArb, senderArb, async (raw, sender) => {
        const reply = await dispatch(raw, sender, handlers, OWN_ID, { ownOrigin: ORIGIN });
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(['bad-request', 'unknown-type', 'forbidden']).toContain(reply.error.code);
      }),
      { numRuns: 4000, seed: 20261123 }, // (more runs as the protocol grows: enough of them must be valid)
    );
    expect(calls.length, 'some fuzzed messages were valid and reached a handler').toBeGreaterThan(10);
    for (const { type, data } of calls) expect(requestSchemas[type as RequestType].safeParse(data).success, type).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});
