// Where "open paper" goes for a note: the arXiv abs page or the OpenReview forum.

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;
const OPENREVIEW_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface KnownIds {
  arxivId: string | null;
  openreviewId: string | null;
}

/** Ids a paper key names directly (a corpus row may add more for title:/summary: keys). */
export function idsOfKey(paperKey: string): KnownIds {
  const [kind, ...rest] = paperKey.split(':');
  const id = rest.join(':');
  return { arxivId: kind === 'arxiv' ? id : null, openreviewId: kind === 'openreview' ? id : null };
}

/**
 * The paper page for a note, or null. Ids are checked against their real shapes, so a key from
 * an imported file can never turn into an odd link.
 */
export function paperUrl(paperKey: string, corpus?: KnownIds | null): string | null {
  const own = idsOfKey(paperKey);
  const arxivId = own.arxivId ?? corpus?.arxivId ?? null;
  const openreviewId = own.openreviewId ?? corpus?.openreviewId ?? null;
  if (arxivId && ARXIV_ID.test(arxivId)) return `https://arxiv.org/abs/${arxivId}`;
  if (openreviewId && OPENREVIEW_ID.test(openreviewId)) return `https://openreview.net/forum?id=${openreviewId}`;
  return null;
}

/** A readable name for a paper without a known title. */
export function fallbackTitle(paperKey: string): string {
  const [kind, ...rest] = paperKey.split(':');
  const id = rest.join(':');
  if (kind === 'arxiv') return `arXiv:${id}`;
  if (kind === 'openreview') return `OpenReview ${id}`;
  if (kind === 'summary') return `Summary ${id}`;
  return id;
}
