// Background side: validates every incoming message against the protocol before handling it.
import { z } from 'zod';
import { requestSchemas, type Envelope, type ErrorCode, type RequestOf, type RequestType, type ResponseMap } from './protocol';
import { MessageError } from './client';

export type Handlers = { [K in RequestType]: (data: RequestOf<K>) => Promise<ResponseMap[K]> | ResponseMap[K] };

const EnvelopeSchema = z.object({ type: z.string().max(64), data: z.unknown() }).strict();

interface SenderLike {
  id?: string;
}

/**
 * Validates a raw message (shape, type, payload, sender) and runs its handler. Never throws:
 * anything wrong comes back as a typed error envelope.
 */
export async function dispatch(raw: unknown, sender: SenderLike, handlers: Handlers, ownId: string): Promise<Envelope<unknown>> {
  if (sender.id !== ownId) return fail('forbidden', 'Messages are accepted only from this extension.');
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) return fail('bad-request', 'A message must be {type, data}.');
  const { type, data } = envelope.data;
  if (!Object.hasOwn(requestSchemas, type)) return fail('unknown-type', `Unknown message type "${type.slice(0, 64)}".`);
  const schema = requestSchemas[type as RequestType];
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) return fail('bad-request', `Invalid "${type}" request: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  try {
    const handler = handlers[type as RequestType] as (d: unknown) => unknown;
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(error instanceof MessageError ? error.code : 'internal', message.slice(0, 1000));
  }
}

function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
