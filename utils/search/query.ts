// What the user typed: a paper id / pasted URL (exact lookup) or words (ranked search).
import { arxivIdFromUrl, openreviewIdFromUrl, parseArxivId } from '../paper-id';

export type ParsedQuery =
  | { kind: 'empty' }
  | { kind: 'id'; arxivId: string | null; openreviewId: string | null; raw: string }
  | { kind: 'words'; text: string };

const OPENREVIEW_ID = /^[A-Za-z0-9_-]{6,32}$/;

function asUrl(text: string): URL | null {
  if (/\s/.test(text)) return null;
  // Pasted without a scheme ("arxiv.org/abs/…") is still a URL.
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : /^(www\.|export\.|browse\.)?(arxiv\.org|openreview\.net|ar5iv\.(labs\.)?arxiv\.org|ar5iv\.org)\//i.test(text) ? `https://${text}` : null;
  if (!withScheme) return null;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

/**
 * Classifies a query. A pasted URL or an arXiv id ("2105.05837", "arXiv:1810.04805v2",
 * "hep-th/9901001") is an exact lookup; anything else is words.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  const url = asUrl(text);
  if (url) {
    // Every URL form the page detectors know (abs, pdf, html, ar5iv, old ids, ?id=, OpenReview forum/pdf).
    const arxivId = arxivIdFromUrl(url)?.id ?? null;
    const openreviewId = arxivId ? null : openreviewIdFromUrl(url);
    if (arxivId || openreviewId) return { kind: 'id', arxivId, openreviewId, raw: text };
  }
  const bare = parseArxivId(text.replace(/^arxiv:\s*/i, ''));
  if (bare) return { kind: 'id', arxivId: bare.id, openreviewId: null, raw: text };
  return { kind: 'words', text };
}

/** A single word shaped like an OpenReview id: looked up exactly before the ranked search. */
export function maybeOpenreviewId(text: string): string | null {
  const t = text.trim();
  return OPENREVIEW_ID.test(t) && /[A-Z]/.test(t) && /[a-z]/.test(t) ? t : null;
}
