// The names a paper goes by. A page, a corpus row or an imported file reveals some of them; the
// background maps every alias to one stable paper id (utils/identity/resolve.ts), so every page
// form of a paper shows the same note. Pure: no browser, no database.
import { parseArxivId } from '../paper-id';
import { normaliseAuthor, normaliseTitle } from '../paper-ref';

/**
 * Alias strings, one prefix per kind:
 * - `arxiv:<id>`: arXiv id without version, new style `2106.09608` or old style `hep-th/9901001`
 * - `openreview:<forum id>`
 * - `doi:<doi, lower-cased>` (arXiv's own DOIs `10.48550/arXiv.<id>` become `arxiv:` aliases)
 * - `title:<normalised title>|<first author's family name>` (only for titles the rule at
 *   `titleAlias` accepts)
 * - `title:<normalised title>` (no `|`): notes keyed by title before paper identities existed;
 *   kept so those notes stay reachable, never created from pages
 * - `summary:<corpus id>`: notes keyed by a corpus summary before paper identities existed
 */
export type AliasKind = 'arxiv' | 'openreview' | 'doi' | 'title' | 'legacy-title' | 'summary';

/**
 * Kinds of which a paper has at most one value. Two papers holding different values of one of
 * these are different papers, whatever their titles say.
 */
export const SINGLE_VALUED: readonly AliasKind[] = ['arxiv', 'openreview', 'doi'];

/** Strongest first: the alias a new paper is named after, and the one that wins a disagreement. */
const STRENGTH: Record<AliasKind, number> = { arxiv: 0, openreview: 1, doi: 2, summary: 3, title: 4, 'legacy-title': 5 };

export function aliasKind(alias: string): AliasKind | null {
  const colon = alias.indexOf(':');
  const prefix = alias.slice(0, colon);
  if (prefix === 'title') return alias.includes('|') ? 'title' : 'legacy-title';
  return prefix === 'arxiv' || prefix === 'openreview' || prefix === 'doi' || prefix === 'summary' ? prefix : null;
}

export function byStrength(a: string, b: string): number {
  return STRENGTH[aliasKind(a) ?? 'legacy-title'] - STRENGTH[aliasKind(b) ?? 'legacy-title'] || (a < b ? -1 : a > b ? 1 : 0);
}

export function arxivAlias(id: string | null | undefined): string | null {
  const parsed = id ? parseArxivId(id) : null;
  return parsed ? `arxiv:${parsed.id}` : null;
}

const OPENREVIEW_ID = /^[A-Za-z0-9_-]{6,24}$/;
export function openreviewAlias(id: string | null | undefined): string | null {
  return id && OPENREVIEW_ID.test(id) ? `openreview:${id}` : null;
}

// DOI syntax (Crossref's recommended pattern): "10.", a registrant code, "/", a suffix.
const DOI = /^10\.\d{4,9}\/\S{1,200}$/;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
export function doiAlias(doi: string | null | undefined): string | null {
  if (!doi) return null;
  const bare = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  const arxiv = ARXIV_DOI.exec(bare);
  if (arxiv) return arxivAlias(arxiv[1]);
  return DOI.test(bare) ? `doi:${bare.toLowerCase()}` : null;
}

/** What a page (or a corpus row, or an import) tells about the paper it shows. */
export interface PaperFacts {
  arxivId?: string | null;
  openreviewId?: string | null;
  doi?: string | null;
  title?: string | null;
  firstAuthor?: string | null;
}

/**
 * The title alias, or null when the title may not identify a paper on its own. The rule (tested
 * in tests/unit/identity.test.ts), chosen so that a title match never joins two different papers:
 * 1. Exact match of the normalised title (case, accents, punctuation, LaTeX, spacing ignored;
 *    nothing fuzzy: "Attention is all you need" and "Attention is not all you need" differ).
 * 2. The first author's family name must be known and equal: near-identical titles by different
 *    first authors stay apart, and a title alone never matches.
 * 3. The normalised title has at least MIN_TITLE_WORDS words: short generic titles ("Deep
 *    learning", "Introduction") name many papers.
 * 4. Replies and corrections are never matched by title ("Comment on …", "Reply to …",
 *    "Response to …", "Erratum …", "Corrigendum …", "Correction to …", "Addendum to …",
 *    "Retraction …"): they repeat the title of the paper they answer.
 * 5. A title match never overrides an id: when the two sides hold different arXiv ids,
 *    OpenReview forums or DOIs, they stay apart (checked in ./resolve.ts, not here).
 * Versions titled differently get no title match; they still join through their arXiv id.
 */
export function titleAlias(title: string | null | undefined, firstAuthor: string | null | undefined): string | null {
  if (!title || !firstAuthor) return null;
  const t = normaliseTitle(title);
  const a = normaliseAuthor(firstAuthor);
  if (!t || !a) return null;
  if (t.split(' ').length < MIN_TITLE_WORDS) return null;
  if (REPLY_OR_CORRECTION.test(t)) return null;
  return `title:${t}|${a}`;
}

export const MIN_TITLE_WORDS = 3;
const REPLY_OR_CORRECTION = /^(?:a )?(?:comments? on|reply to|replies to|response to|rejoinder|erratum|errata|corrigendum|correction to|correction of|addendum|retraction|retracted|withdrawn)\b/;

/** The notes key of a title-only page before paper identities existed (lookup only). */
export function legacyTitleAlias(title: string | null | undefined): string | null {
  const t = title ? normaliseTitle(title) : '';
  return t ? `title:${t}` : null;
}

/** Every alias the facts name, strongest first, no duplicates. */
export function aliasesOf(facts: PaperFacts): string[] {
  const found = [arxivAlias(facts.arxivId), openreviewAlias(facts.openreviewId), doiAlias(facts.doi), titleAlias(facts.title, facts.firstAuthor)];
  return [...new Set(found.filter((a): a is string => a !== null))].sort(byStrength);
}
