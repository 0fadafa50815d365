import { MAX_TAG_CHARS, MAX_TAGS } from './limits';

/** One tag as stored: trimmed, lower-case, inner spaces collapsed, no leading '#', no commas. */
export function normaliseTag(raw: string): string {
  return raw
    .replace(/[,\u0000-\u001f]/g, ' ')
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .slice(0, MAX_TAG_CHARS)
    .trim();
}

/** A tag list as stored: normalised, without empties or repeats, at most MAX_TAGS, in input order. */
export function normaliseTags(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of raw.map(normaliseTag)) {
    if (tag && !out.includes(tag)) out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}

/** Splits typed input ("rl, graphs") into tags. */
export function parseTagInput(input: string): string[] {
  return input.split(',').map(normaliseTag).filter(Boolean);
}
