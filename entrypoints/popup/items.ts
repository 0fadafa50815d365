// What the popup's list shows — search results, or (with an empty box) recently viewed papers and
// papers with notes — as one item type, so the keyboard and the mouse handle them alike.
import type { SearchHit } from '@/utils/search/engine';
import type { RecentView } from '@/utils/search/recent';
import { highlightAll, type SnippetPart } from '@/utils/search/snippet';
import type { NoteListItem } from '@/utils/notes/types';

export type OpenTarget = { type: 'summary'; summaryId: string; title: string } | { type: 'concept'; conceptId: string; title: string } | { type: 'url'; url: string };

export interface PopupItem {
  key: string;
  /** Heading shown above the first item of a group in the empty state. */
  section?: string;
  kind: 'summary' | 'concept' | 'note';
  title: SnippetPart[];
  meta: SnippetPart[];
  snippet: SnippetPart[];
  target: OpenTarget;
}

const plain = (text: string): SnippetPart[] => (text ? [{ text, hit: false }] : []);

function authorLine(authors: readonly string[]): string {
  const surnames = authors.map((a) => a.trim().split(/\s+/).pop() ?? a);
  return surnames.length > 3 ? `${surnames.slice(0, 3).join(', ')} et al.` : surnames.join(', ');
}

function paperMeta(authors: readonly string[], year: number | null, arxivId: string | null, openreviewId: string | null, terms: ReadonlySet<string>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (p: SnippetPart[]) => {
    if (!p.length) return;
    if (parts.length) parts.push({ text: ' · ', hit: false });
    parts.push(...p);
  };
  push(highlightAll(authorLine(authors), terms));
  push(plain(year ? String(year) : ''));
  push(plain(arxivId ? `arXiv:${arxivId}` : openreviewId ? `OpenReview ${openreviewId}` : ''));
  return parts;
}

export function hitItem(hit: SearchHit): PopupItem {
  const { doc } = hit;
  const key = `${hit.packId}|${doc.id}`;
  const title = highlightAll(doc.title || 'Untitled', hit.highlight);
  if (doc.kind === 'concept') {
    return { key, kind: 'concept', title, meta: plain(`Background concept · ${doc.module ?? 'course notes'}`), snippet: hit.snippet, target: { type: 'concept', conceptId: doc.id.slice(2), title: doc.title } };
  }
  return {
    key,
    kind: 'summary',
    title,
    meta: paperMeta(doc.authors, doc.year, doc.arxivId, doc.openreviewId, hit.highlight),
    snippet: hit.snippet,
    target: { type: 'summary', summaryId: doc.id.slice(2), title: doc.title },
  };
}

export function recentItems(recent: readonly RecentView[]): PopupItem[] {
  return recent.map((r, i) => ({
    key: `recent|${r.summaryId}`,
    section: i === 0 ? 'Recently viewed' : undefined,
    kind: 'summary',
    title: plain(r.title ?? 'Untitled paper'),
    meta: plain([r.year, r.arxivId ? `arXiv:${r.arxivId}` : r.openreviewId ? `OpenReview ${r.openreviewId}` : null].filter(Boolean).join(' · ')),
    snippet: [],
    target: { type: 'summary', summaryId: r.summaryId, title: r.title ?? '' },
  }));
}

export function noteItems(notes: readonly NoteListItem[]): PopupItem[] {
  const out: PopupItem[] = [];
  for (const n of notes) {
    const target: OpenTarget | null = n.summaryId ? { type: 'summary', summaryId: n.summaryId, title: n.title ?? '' } : n.url ? { type: 'url', url: n.url } : null;
    if (!target) continue;
    out.push({
      key: `note|${n.paperKey}`,
      section: out.length === 0 ? 'Papers with your notes' : undefined,
      kind: 'note',
      title: plain(n.title ?? n.paperKey),
      meta: plain([n.status === 'to-read' ? 'To read' : n.status === 'read' ? 'Read' : null, n.tags.map((t) => `#${t}`).join(' '), n.summaryId ? null : 'no summary · opens the paper'].filter(Boolean).join(' · ')),
      snippet: [],
      target,
    });
  }
  return out;
}
