import { browser } from 'wxt/browser';
import type { Envelope, ErrorCode, RequestOf, RequestType, ResponseMap } from './protocol';

// Types only: the content script must not bundle zod or the schemas.
export type * from './protocol';

export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Sends a typed request to the background and unwraps its envelope (errors become MessageError). */
export async function sendMessage<K extends RequestType>(type: K, data: RequestOf<K>): Promise<ResponseMap[K]> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Envelope<ResponseMap[K]> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new MessageError('internal', 'No answer from the extension background.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}

