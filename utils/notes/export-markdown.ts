// One readable Markdown document of every note, newest first.
import type { NoteRow } from '../db';

export interface MarkdownEntry {
  note: NoteRow;
  title: string;
  url: string | null;
}

const STATUS_LABEL = { none: null, 'to-read': 'To read', read: 'Read' } as const;

export function buildMarkdownExport(entries: readonly MarkdownEntry[], now: Date): string {
  const sorted = [...entries].sort((a, b) => b.note.updatedAt - a.note.updatedAt);
  const parts = [`# Summary Lens notes`, '', `Exported ${now.toISOString()} · ${sorted.length} ${sorted.length === 1 ? 'note' : 'notes'}`, ''];
  for (const { note, title, url } of sorted) {
    parts.push(`## ${escapeInline(title)}`, '');
    const meta = [
      url ? `<${url}>` : null,
      STATUS_LABEL[note.status ?? 'none'],
      note.tags.length ? `Tags: ${note.tags.map(escapeInline).join(', ')}` : null,
      `Updated ${new Date(note.updatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ].filter(Boolean);
    parts.push(meta.join(' · '), '');
    const body = nestHeadings(note.text.trim());
    parts.push(body || '_(empty note)_', '', '---', '');
  }
  return parts.join('\n');
}

/** Markdown's inline specials in a title, so "A *B* [C]" stays literal text. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/**
 * A note's own headings go two levels down (#  -> ###) so they nest under the paper's heading;
 * lines inside fenced code blocks are left alone.
 */
export function nestHeadings(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (open) {
        if (fence === null) fence = open[1][0];
        else if (open[1][0] === fence) fence = null;
        return line;
      }
      if (fence !== null) return line;
      return line.replace(/^(\s{0,3})(#{1,6})(?=\s|$)/, (_m, indent: string, hashes: string) => indent + '#'.repeat(Math.min(6, hashes.length + 2)));
    })
    .join('\n');
}
