// Checks a corpus pack file before anything is written, and says in one sentence what is wrong.
// Runs in the options page, which imports packs itself (utils/corpus/import-pack.ts).
import type { z } from 'zod';
import { BUILTIN_PACK_ID, PACK_FORMAT, PACK_SCHEMA_VERSION, PackSchema, type Pack } from './pack';

/**
 * Largest pack file we accept. A 10,000-summary pack cut from the shipped corpus (markdown plus
 * pre-rendered KaTeX HTML with its TeX annotation, ~10 KB a summary) is ~101 MB; 200 MB leaves
 * room for longer summaries while the text and the parsed pack are held in memory at once.
 */
export const MAX_PACK_BYTES = 200 * 1024 * 1024;

export type PackProblem =
  | 'too-large'
  | 'empty'
  | 'not-json'
  | 'truncated'
  | 'not-a-pack'
  | 'wrong-version'
  | 'reserved-id'
  | 'wrong-types'
  | 'duplicate-ids'
  | 'collision'
  | 'busy';

export class PackError extends Error {
  override name = 'PackError';
  constructor(
    readonly problem: PackProblem,
    message: string,
  ) {
    super(message);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function checkPackSize(bytes: number): void {
  if (bytes === 0) throw new PackError('empty', 'The file is empty.');
  if (bytes > MAX_PACK_BYTES)
    throw new PackError('too-large', `The file is ${mb(bytes)}; packs larger than ${mb(MAX_PACK_BYTES)} are not accepted.`);
}

/** JSON.parse with errors a user understands: a cut-off download reads "truncated", not "position 7". */
export function parsePackText(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) throw new PackError('empty', 'The file is empty.');
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    // A pack is one JSON object: text that opens one and never closes it was cut off.
    const cutOff =
      /end of (JSON input|data)|Unterminated string/i.test(message) ||
      position >= trimmed.length ||
      (trimmed.startsWith('{') && !trimmed.endsWith('}'));
    if (cutOff) throw new PackError('truncated', 'The file ends early: it looks truncated (an interrupted download or copy?). Nothing was imported.');
    throw new PackError('not-json', `The file is not valid JSON (${message.slice(0, 160)}).`);
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(top level)';
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${pathOf(i.path)}: ${i.message}`);
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `${shown.join('; ')}${more}`;
}

function firstDuplicate(ids: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

/** Validates a parsed pack against the format; throws PackError naming the first problem. */
export function validatePack(raw: unknown): Pack {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new PackError('not-a-pack', `This JSON is not a Summary Lens corpus pack (expected an object with "format": "${PACK_FORMAT}").`);
  const head = raw as Record<string, unknown>;
  if (head.format !== PACK_FORMAT)
    throw new PackError('not-a-pack', `This JSON is not a Summary Lens corpus pack: "format" is ${JSON.stringify(head.format ?? null)?.slice(0, 60)}, expected "${PACK_FORMAT}".`);
  if (head.schemaVersion !== PACK_SCHEMA_VERSION) {
    const newer = typeof head.schemaVersion === 'number' && head.schemaVersion > PACK_SCHEMA_VERSION;
    throw new PackError(
      'wrong-version',
      `This pack uses format version ${JSON.stringify(head.schemaVersion ?? null)?.slice(0, 20)}; this version of Summary Lens reads version ${PACK_SCHEMA_VERSION}.${newer ? ' Update the extension to import it.' : ''}`,
    );
  }
  if (head.id === BUILTIN_PACK_ID) throw new PackError('reserved-id', `The pack id "${BUILTIN_PACK_ID}" is reserved for the corpus that ships with the extension; give the pack another id.`);
  const parsed = PackSchema.safeParse(raw);
  if (!parsed.success) throw new PackError('wrong-types', `The pack has fields of the wrong type or size: ${describeIssues(parsed.error.issues)}.`);
  const pack = parsed.data;
  const dupSummary = firstDuplicate(pack.summaries.map((s) => s.id));
  if (dupSummary) throw new PackError('duplicate-ids', `Two summaries in the pack share the id "${dupSummary}"; summary ids must be unique.`);
  const dupConcept = firstDuplicate(pack.concepts.map((c) => c.id));
  if (dupConcept) throw new PackError('duplicate-ids', `Two concepts in the pack share the id "${dupConcept}"; concept ids must be unique.`);
  return pack;
}

/** Parses and validates pack text in one step. */
export function readPack(text: string): Pack {
  checkPackSize(text.length); // characters, not bytes: no second 100 MB buffer
  return validatePack(parsePackText(text));
}
