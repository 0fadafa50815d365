// Background side: validates every incoming message against the protocol before handling it.
import { z } from 'zod';
import { messageAccess, requestSchemas, type Envelope, type ErrorCode, type RequestOf, type RequestType, type ResponseMap } from './protocol';
import { MessageError } from './client';
import { NOTES_FRAME_PATH } from '../notes-frame/protocol';

/** A handler gets the validated request and who sent it (most ignore the sender). */
export type Handlers = { [K in RequestType]: (data: RequestOf<K>, sender: SenderLike) => Promise<ResponseMap[K]> | ResponseMap[K] };

const EnvelopeSchema = z.object({ type: z.string().max(64), data: z.unknown() }).strict();

export interface SenderLike {
  id?: string;
  /** The sending frame's URL: an extension page's own URL, or the web page a content script runs in. */
  url?: string;
  /** Set for senders inside a tab (content scripts, and extension pages opened as a tab or framed in one). */
  tab?: { id?: number; url?: string };
  /** The sending frame within its tab (0: the top frame). */
  frameId?: number;
}

/**
 * True when the sender is one of this extension's own pages: its URL is on the extension's
 * origin, and if it sits in a tab, that tab shows an extension page too, or it is the panel's
 * notes frame (the one page made to be framed in paper pages; it shows nothing until the panel
 * of its own tab confirms it opened it). A content script's URL is the web page's: never one.
 */
export function isExtensionPage(sender: SenderLike, ownOrigin: string | undefined): boolean {
  if (!ownOrigin || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const tabUrl = sender.tab?.url;
  if (sender.url.startsWith(ownOrigin) && (tabUrl === undefined || tabUrl.startsWith(ownOrigin))) return true;
  // Framed in a web page: only the notes frame. Chromium serves it from a per-session origin
  // (use_dynamic_url), so its scheme and path are checked; dispatch has checked the sender id.
  return /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === NOTES_FRAME_PATH && sender.tab !== undefined;
}

export interface DispatchOptions {
  /** The extension's origin with a trailing slash (chrome-extension://id/, moz-extension://uuid/). Without it, extension-page-only messages are refused. */
  ownOrigin?: string;
  /** Turns a handler's failure into a sentence for the user (e.g. IndexedDB errors). */
  describeError?: (error: unknown) => string;
}

/**
 * Validates a raw message (sender, shape, type, who may send it, payload) and runs its handler.
 * Never throws: anything wrong comes back as a typed error envelope.
 */
export async function dispatch(raw: unknown, sender: SenderLike, handlers: Handlers, ownId: string, opts: DispatchOptions = {}): Promise<Envelope<unknown>> {
  const { ownOrigin, describeError } = opts;
  if (!sender || sender.id !== ownId) return fail('forbidden', 'Messages are accepted only from this extension.');
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) return fail('bad-request', 'A message must be {type, data}.');
  const { type, data } = envelope.data;
  if (!Object.hasOwn(requestSchemas, type)) return fail('unknown-type', `Unknown message type "${type.slice(0, 64)}".`);
  if (Object.hasOwn(messageAccess, type) && messageAccess[type as RequestType] === 'extension-page' && !isExtensionPage(sender, ownOrigin))
    return fail('forbidden', `"${type}" is accepted only from the extension's own pages.`);
  const schema = requestSchemas[type as RequestType];
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) return fail('bad-request', `Invalid "${type}" request: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  try {
    const handler = handlers[type as RequestType] as (d: unknown, s: SenderLike) => unknown;
    return { ok: true, data: await handler(parsed.data, sender) };
  } catch (error) {
    const message = error instanceof MessageError || !describeError ? (error instanceof Error ? error.message : String(error)) : describeError(error);
    return fail(error instanceof MessageError ? error.code : 'internal', message.slice(0, 1000));
  }
}

function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
