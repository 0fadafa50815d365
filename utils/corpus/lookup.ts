// Finds the summary for what a page shows: arXiv id, OpenReview id, then title (+ first author).
// Each step is an indexed Dexie query.
import { normaliseAuthor, normaliseTitle, type PaperRef } from '../paper-ref';
import type { SummaryLensDB, SummaryRow } from '../db';
import type { SummaryView } from '../messaging/protocol';
import { getConceptRows, summariesByTitleAndAuthor, summariesWhere } from './live';

/**
 * The corpus stores arXiv ids without a version; pages show them with one (2106.09608v2,
 * solv-int/9901001v1). Only a trailing vN after a digit is a version: `split('v')` would cut
 * "solv-int/…" apart.
 */
export function arxivIdWithoutVersion(id: string): string {
  return id.trim().replace(/(\d)v\d+$/, '$1');
}

export async function findSummary(db: SummaryLensDB, ref: PaperRef): Promise<SummaryRow | undefined> {
  if (ref.arxivId) {
    const [hit] = await summariesWhere(db, 'arxivId', [arxivIdWithoutVersion(ref.arxivId)], 1);
    if (hit) return hit;
  }
  if (ref.openreviewId) {
    const [hit] = await summariesWhere(db, 'openreviewId', [ref.openreviewId], 1);
    if (hit) return hit;
  }
  if (ref.title) {
    const titleKey = normaliseTitle(ref.title);
    if (!titleKey) return undefined;
    if (ref.firstAuthor) {
      const [exact] = await summariesByTitleAndAuthor(db, [[titleKey, normaliseAuthor(ref.firstAuthor)]], 1);
      if (exact) return exact;
    }
    // A title alone matches only when it is unambiguous.
    const byTitle = await summariesWhere(db, 'titleKey', [titleKey], 2);
    if (byTitle.length === 1 && (!ref.firstAuthor || !byTitle[0].authorKey)) return byTitle[0];
  }
  return undefined;
}

export async function toSummaryView(db: SummaryLensDB, row: SummaryRow): Promise<SummaryView> {
  const found = new Map((await getConceptRows(db, row.concepts.map((c) => c.conceptId))).map((c) => [c.id, c]));
  const concepts = row.concepts.map((c) => found.get(c.conceptId));
  return {
    id: row.id,
    paper: row.paper,
    html: row.html,
    truncated: row.truncated,
    sources: row.sources,
    related: row.related,
    concepts: concepts.filter((c) => c !== undefined).map((c) => ({ id: c.id, title: c.title, module: c.module })),
  };
}
