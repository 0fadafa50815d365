// The frame's address, validated before anything is shown: a paper id as lookupPaper
// returns it (utils/notes/schemas.ts), a bounded title, a theme, and the token the
// panel issued. Anything else -> a clear error, no editor.
import { z } from 'zod';
import { PaperKeySchema } from '@/utils/notes/schemas';
import { MAX_TITLE_CHARS } from '@/utils/notes/limits';
import { TOKEN_PATTERN, type NotesFrameParams } from '@/utils/notes-frame/protocol';

const ParamsSchema = z
  .object({
    paperKey: PaperKeySchema,
    title: z
      .string()
      .max(MAX_TITLE_CHARS)
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'a title is one line of text')
      .transform((t) => t.trim() || null)
      .nullable()
      .default(null),
    theme: z.enum(['light', 'dark']),
    token: z.string().regex(TOKEN_PATTERN, 'the frame token is missing or malformed'),
  })
  .strict();

export type ParsedParams = { ok: true; params: NotesFrameParams } | { ok: false; error: string };

export function parseNotesFrameParams(search: string): ParsedParams {
  const query = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const [key, value] of query) {
    if (Object.hasOwn(raw, key)) return { ok: false, error: `"${key.slice(0, 40)}" is given twice.` };
    raw[key] = value;
  }
  const parsed = ParamsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error).slice(0, 300) };
  return { ok: true, params: parsed.data };
}
