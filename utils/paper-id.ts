// arXiv and OpenReview identifiers: parse and normalise every id and URL form we meet.
// Rules follow arXiv's own identifier parser (arxiv-base `arxiv.identifier`, mirrored in
// arXiv/arxiv-browse script/sync_prod_to_gcp/identifier.py) and its routes (browse/routes/*.py).

export interface ArxivId {
  /** Canonical id without version: `2106.09608`, `hep-th/9901001`, `math/0309136`. */
  id: string;
  /** `2` for `…v2`; null when the text named no version. */
  version: number | null;
}

/** Anything with an href: URL, Location, HTMLAnchorElement, or a plain string. */
export type UrlInput = string | { readonly href: string };

// Archives that minted old-style ids (1991 – March 2007), from arXiv's taxonomy. Anything
// else before the slash is not an arXiv id (`evil/9901001`, `cs.evil/…` are near misses).
const OLD_ARCHIVES = new Set([
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn',
  'chem-ph', 'cmp-lg', 'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex',
  'hep-lat', 'hep-ph', 'hep-th', 'math', 'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th',
  'patt-sol', 'physics', 'plasm-ph', 'q-alg', 'q-bio', 'quant-ph', 'solv-int', 'supr-con',
]);

// One regex per style, anchored, version matched as a suffix `v<digits>` — never by
// splitting on "v", which cuts `solv-int/9901001` to `sol`.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:[vV]([1-9]\d{0,2}))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]{2,}(?:-[a-z]{2,})?)?\/(\d{2})(\d{2})(\d{3})(?:[vV]([1-9]\d{0,2}))?$/i;

function plausibleMonth(mm: string): boolean {
  const m = Number(mm);
  return m >= 1 && m <= 12;
}

/**
 * `2106.09608v2` -> { id: '2106.09608', version: 2 }; `math.GT/0309136` -> { id: 'math/0309136' }
 * (the subject class is not part of the id, as on arXiv); an `arXiv:` prefix is allowed.
 * Implausible ids are rejected: month 00/13, 5-digit numbers before 2015 or 4-digit after,
 * new-style before April 2007, old-style after March 2007, unknown archives, number 0.
 */
export function parseArxivId(text: string): ArxivId | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const s = text.trim().replace(/^arxiv:/i, '');

  const n = NEW_STYLE.exec(s);
  if (n) {
    const [, yy, mm, num, v] = n;
    const year = 2000 + Number(yy);
    const month = Number(mm);
    if (!plausibleMonth(mm) || /^0+$/.test(num)) return null;
    if (year < 2007 || (year === 2007 && month < 4)) return null; // new style began 0704
    if (year > new Date().getUTCFullYear()) return null; // ids from the future do not exist
    if ((year >= 2015) !== (num.length === 5)) return null; // 4 digits until 1412, 5 from 1501
    return { id: `${yy}${mm}.${num}`, version: v ? Number(v) : null };
  }

  const o = OLD_STYLE.exec(s);
  if (o) {
    const [, archiveRaw, yy, mm, num, v] = o;
    const archive = archiveRaw.toLowerCase();
    if (!OLD_ARCHIVES.has(archive) || !plausibleMonth(mm) || num === '000') return null;
    const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
    if (year > 2007 || (year === 2007 && Number(mm) > 3)) return null; // old style ended 0703
    return { id: `${archive}/${yy}${mm}${num}`, version: v ? Number(v) : null };
  }
  return null;
}

/** `{ id: 'hep-th/9901001', version: 2 }` -> `hep-th/9901001v2`. */
export function formatArxivId(a: ArxivId): string {
  return a.version ? `${a.id}v${a.version}` : a.id;
}

// ---------------------------------------------------------------------------------------------
// URLs

/** Hosts serving arXiv's own pages (the same set as the manifest's host permissions). */
export const ARXIV_HOSTS: readonly string[] = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'];
/** ar5iv renders every arXiv paper as HTML; `/abs/` there redirects to its `/html/` page. */
export const AR5IV_HOSTS: readonly string[] = ['ar5iv.labs.arxiv.org', 'ar5iv.org'];
export const OPENREVIEW_HOSTS: readonly string[] = ['openreview.net'];

/** Parse without throwing; only http(s) URLs count (no javascript:, data:, file:, ftp:). */
export function toUrl(input: UrlInput): URL | null {
  try {
    const url = new URL(typeof input === 'string' ? input : input.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Path segments, percent-decoded (`hep-th%2F9901001` is one id), empty segments dropped (`//`). */
function pathSegments(url: URL): string[] | null {
  try {
    return decodeURIComponent(url.pathname).split('/').filter(Boolean);
  } catch {
    return null; // malformed escape such as %E0%A4%A
  }
}

/** The id at the start of `rest`: new style takes one segment, old style two. */
function idAtStart(rest: string[], allowTrailing: boolean): ArxivId | null {
  if (rest.length === 0) return null;
  const single = parseArxivId(rest[0]);
  if (single && (allowTrailing || rest.length === 1)) return single;
  if (rest.length >= 2 && (allowTrailing || rest.length === 2)) return parseArxivId(`${rest[0]}/${rest[1]}`);
  return null;
}

/** The page forms an arXiv URL can take. `ps` is a PostScript download, not a page. */
export type ArxivForm = 'abs' | 'pdf' | 'html' | 'format' | 'ps';

export interface ArxivRoute {
  form: ArxivForm;
  arxivId: ArxivId;
}

/** `/abs?id=…`, `/abs?archive=hep-th&papernum=9901001`, `/abs?hep-th/9901001` (browse/routes/ui.py bare_abs). */
function idFromLegacyAbsQuery(url: URL): ArxivId | null {
  const p = url.searchParams;
  const id = p.get('id');
  if (id) return parseArxivId(id);
  const archive = p.get('archive');
  const papernum = p.get('papernum');
  if (archive && papernum) return parseArxivId(`${archive}/${papernum}`);
  for (const [key, value] of p) {
    if (!value && /^[a-z-]+(\.[A-Z]{2})?\/\d{7}$/.test(key)) return parseArxivId(key);
  }
  return null;
}

/** `/ftp/arxiv/papers/1110/1110.2832.pdf`, `/ftp/cond-mat/papers/0408/0408502.pdf`: the folder must agree with the file. */
function idFromFtpPath(rest: string[]): ArxivId | null {
  if (rest.length !== 4 || rest[1] !== 'papers' || !/^\d{4}$/.test(rest[2])) return null;
  const [archive, , yymm, file] = rest;
  const m = /^(.+)\.pdf$/.exec(file);
  if (!m || !m[1].startsWith(yymm)) return null;
  return archive === 'arxiv' ? parseArxivId(m[1]) : parseArxivId(`${archive}/${m[1]}`);
}

/** Which arXiv page form a URL is and the paper it shows, or null for anything else. */
export function arxivRouteFromUrl(input: UrlInput): ArxivRoute | null {
  const url = toUrl(input);
  if (!url) return null;
  const parts = pathSegments(url);
  if (!parts || parts.length === 0) return null;
  const [head, ...rest] = parts;

  if (AR5IV_HOSTS.includes(url.hostname)) {
    if (head !== 'abs' && head !== 'html') return null;
    const arxivId = idAtStart(rest, head === 'html');
    return arxivId && { form: 'html', arxivId };
  }
  if (!ARXIV_HOSTS.includes(url.hostname)) return null;

  let arxivId: ArxivId | null;
  let form: ArxivForm;
  switch (head) {
    case 'abs':
      form = 'abs';
      arxivId = rest.length ? idAtStart(rest, false) : idFromLegacyAbsQuery(url);
      break;
    case 'pdf': {
      form = 'pdf';
      const last = rest.length - 1;
      if (last >= 0 && rest[last].endsWith('.pdf')) rest[last] = rest[last].slice(0, -4);
      arxivId = idAtStart(rest, false);
      break;
    }
    case 'ftp':
      form = 'pdf';
      arxivId = idFromFtpPath(rest);
      break;
    case 'html':
      // Figures and sections live under the paper: /html/2403.17537v1/x1.png
      form = 'html';
      arxivId = idAtStart(rest, true);
      break;
    case 'format':
      form = 'format';
      arxivId = idAtStart(rest, false);
      break;
    case 'ps':
      form = 'ps';
      arxivId = idAtStart(rest, false);
      break;
    default:
      return null;
  }
  return arxivId && { form, arxivId };
}

/** The arXiv paper (with version, if the URL names one) of any arXiv/ar5iv page URL. */
export function arxivIdFromUrl(input: UrlInput): ArxivId | null {
  return arxivRouteFromUrl(input)?.arxivId ?? null;
}

// OpenReview note ids: letters, digits, `-` and `_` (`rkHywl-A-`, `LcF-EEt8cCC`), 9–11 chars in practice.
const OPENREVIEW_ID = /^[A-Za-z0-9_-]{6,24}$/;

export type OpenReviewForm = 'forum' | 'pdf';

export interface OpenReviewRoute {
  form: OpenReviewForm;
  openreviewId: string;
}

/** `/forum?id=`, `/pdf?id=`, `/attachment?id=…&name=pdf` on openreview.net; other params (noteId, referrer) ignored. */
export function openreviewRouteFromUrl(input: UrlInput): OpenReviewRoute | null {
  const url = toUrl(input);
  if (!url || !OPENREVIEW_HOSTS.includes(url.hostname)) return null;
  const path = url.pathname.replace(/\/+$/, '');
  const id = url.searchParams.get('id') ?? '';
  if (!OPENREVIEW_ID.test(id)) return null;
  if (path === '/forum') return { form: 'forum', openreviewId: id };
  if (path === '/pdf') return { form: 'pdf', openreviewId: id };
  if (path === '/attachment') {
    // The paper's PDF is the attachment named "pdf"; others (supplementary_material zips) are not the paper.
    const name = url.searchParams.get('name');
    return name === null || name === 'pdf' ? { form: 'pdf', openreviewId: id } : null;
  }
  return null;
}

export function openreviewIdFromUrl(input: UrlInput): string | null {
  return openreviewRouteFromUrl(input)?.openreviewId ?? null;
}
