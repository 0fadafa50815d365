// What the user typed: a paper id / pasted URL (exact lookup) or words (ranked search).
import { parseArxivId } from '../paper-id';

export type ParsedQuery =
  | { kind: 'empty' }
  | { kind: 'id'; arxivId: string | null; openreviewId: string | null; raw: string }
  | { kind: 'words'; text: string };

const OPENREVIEW_ID = /^[A-Za-z0-9_-]{6,32}$/;

/** An arXiv id from any arXiv-ish URL path: /abs/ID, /pdf/IDv2(.pdf), /html/ID, /format/ID, ?id=ID, old ids with a slash. */
function arxivIdFromUrlLike(url: URL): string | null {
  if (!/(^|\.)(arxiv\.org|ar5iv\.org)$/.test(url.hostname) && !/ar5iv/.test(url.hostname)) return null;
  const fromParam = url.searchParams.get('id');
  if (fromParam) return parseArxivId(fromParam)?.id ?? null;
  const m = /^\/(?:abs|pdf|html|format|papers)\/(.+?)(?:\.pdf)?\/?$/.exec(url.pathname);
  return m ? (parseArxivId(decodeURIComponent(m[1]))?.id ?? null) : null;
}

function openreviewIdFromUrlLike(url: URL): string | null {
  if (!/(^|\.)openreview\.net$/.test(url.hostname)) return null;
  const id = url.searchParams.get('id') ?? url.searchParams.get('noteId');
  return id && OPENREVIEW_ID.test(id) ? id : null;
}

function asUrl(text: string): URL | null {
  if (/\s/.test(text)) return null;
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
    const arxivId = arxivIdFromUrlLike(url);
    const openreviewId = arxivId ? null : openreviewIdFromUrlLike(url);
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
