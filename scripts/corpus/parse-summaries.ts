// Turns the seed documents into clean, deduplicated summary records.
// 000_*.txt holds one summary per line ending in " |"; 001–003 are ShortScience.org page
// scrapes where each summary follows a "[link]" line and page chrome sits between them.
import { createHash } from 'node:crypto';
import { repairFlattenedMarkdown } from './repair-markdown';

export interface RawSummary {
  id: string;
  markdown: string;
  truncated: boolean;
  /** Where the text came from: "000_x.txt:12" (line) or "001_x.txt#3" (n-th [link] block). */
  sources: string[];
}

/** Lines that are ShortScience page chrome, never summary text. */
const CHROME_LINE = /^(\s*(!\[\]\(\)\s*)*\|?\s*|Welcome to ShortScience\.org!\s*\|?|\d+ Comments?|\[link\])$/;

/** Repairs what the scrape broke: trailing " |" cell separators, empty images, stray spaces. */
export function cleanSummaryText(text: string): string {
  const cleaned = text
    .split('\n')
    .map((line) => line.replace(/(\s*!\[\]\(\))+\s*\|?\s*$/, '').replace(/\s+\|\s*$/, '').replace(/\s+$/, ''))
    .join('\n')
    .replace(/!\[\]\(\)/g, '')
    .replace(/[ \t]{2,}/g, (m, offset, all) => (isInsideCode(all, offset) ? m : ' '))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return separateParagraphs(cleaned);
}

/**
 * The scrape kept one line per paragraph but lost the blank lines between them, so markdown
 * would run paragraphs together and leave reference links ("[paper][kingma]" with
 * "[kingma]: url" below) unresolved. Outside code fences, every line break becomes a paragraph break.
 */
export function separateParagraphs(markdown: string): string {
  let inFence = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    const fence = /^\s*```/.test(line);
    const prev = out[out.length - 1];
    if (!inFence && !fence && prev !== undefined && prev !== '' && line !== '') out.push('');
    if (fence && !inFence && prev !== undefined && prev !== '') out.push('');
    out.push(line);
    if (fence) inFence = !inFence;
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function isInsideCode(all: string, offset: number): boolean {
  const before = all.slice(0, offset);
  return (before.match(/```/g)?.length ?? 0) % 2 === 1 || /^ {4}/m.test(before.slice(before.lastIndexOf('\n') + 1));
}

/** A summary that stops without closing punctuation was cut off in the source. */
export function looksTruncated(markdown: string): boolean {
  const last = markdown.trim().split('\n').pop()!.trim();
  if (/^\[[^\]]+\]:\s*\S+$/.test(last)) return false; // reference-style link definitions close a text
  if (/^```$/.test(last)) return false;
  if (/https?:\/\/\S+$/.test(last)) return false; // ends with a figure or link
  return !/[.!?)"'”’`$*:;]$/.test(last);
}

/** Normalised opening used to spot the same summary in two sources. */
export function dedupeKey(markdown: string): string {
  return markdown.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().slice(0, 240);
}

export function summaryId(markdown: string): string {
  return 's' + createHash('sha256').update(dedupeKey(markdown)).digest('hex').slice(0, 10);
}

export function parseOnePerLine(fileName: string, text: string): RawSummary[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() && !CHROME_LINE.test(line.trim()))
    .map(({ line, i }) => toRaw(cleanSummaryText(line), `${fileName}:${i + 1}`));
}

export function parseScrape(fileName: string, text: string): RawSummary[] {
  const blocks = text.split(/^\[link\]\s*$/m).slice(1);
  return blocks
    .map((block, n) => {
      const kept = block.split('\n').filter((line) => !CHROME_LINE.test(line.trim()));
      return toRaw(cleanSummaryText(kept.join('\n')), `${fileName}#${n + 1}`);
    })
    .filter((s) => s.markdown.length > 0);
}

function toRaw(markdown: string, source: string): RawSummary {
  return { id: summaryId(markdown), markdown, truncated: looksTruncated(markdown), sources: [source] };
}

/**
 * Merges summaries that are the same text from different sources. The longer copy wins
 * (a scrape may cut a summary short, or the line file may), and both sources are kept.
 */
export function dedupeSummaries(all: RawSummary[]): RawSummary[] {
  const byKey = new Map<string, RawSummary>();
  for (const s of all) {
    const key = dedupeKey(s.markdown).slice(0, 160);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...s });
    else {
      const longer = s.markdown.length > seen.markdown.length ? s : seen;
      byKey.set(key, { ...longer, id: seen.id, sources: [...seen.sources, ...s.sources] });
    }
  }
  return [...byKey.values()];
}

export function parseSeedFiles(files: { name: string; text: string }[]): { summaries: RawSummary[]; perFile: Record<string, number> } {
  const perFile: Record<string, number> = {};
  const all: RawSummary[] = [];
  for (const f of files) {
    if (!/^00[0-3]_/.test(f.name)) continue;
    const parsed = f.name.startsWith('000_') ? parseOnePerLine(f.name, f.text) : parseScrape(f.name, f.text);
    if (parsed.length === 0) throw new Error(`Seed ${f.name} yielded no summaries: has its format changed?`);
    perFile[f.name] = parsed.length;
    all.push(...parsed);
  }
  // Repaired after merging, so a summary keeps the id (and the papers.json entry) of its source text.
  const summaries = dedupeSummaries(all).map((s) => {
    const markdown = repairFlattenedMarkdown(s.markdown);
    return { ...s, markdown, truncated: looksTruncated(markdown) };
  });
  return { summaries, perFile };
}
