// Page detectors, one per page type, in the style of github-url-detection: each `isX` is a
// one-liner followed by the example URLs it must match (`TEST: addTests(...)`). One test
// (tests/unit/detect.test.ts) asserts every example matches its own detector and no other,
// and that the paper each example names is the one we read from it.
// Comments after an example name the gotcha it guards against.
import { addTests, NO_MATCH } from './collector';
import {
  ARXIV_HOSTS,
  arxivRouteFromUrl,
  openreviewRouteFromUrl,
  parseArxivId,
  toUrl,
  type ArxivRoute,
  type UrlInput,
} from '../paper-id';
import type { PaperRef } from '../paper-ref';

export type { UrlInput } from '../paper-id';
export * from './sites';
import { siteArxivIdFromUrl } from './sites';

TEST: addTests(NO_MATCH, [
  // Other arXiv pages
  'https://arxiv.org/',
  'https://arxiv.org/abs/',
  'https://arxiv.org/abs',
  'https://arxiv.org/list/cs.AI', // listing needs a period (new, recent, YYMM…)
  'https://arxiv.org/list/cs.AI/yesterday',
  'https://arxiv.org/search/status',
  'https://arxiv.org/a/hinton_g_1.atom', // a feed, not a page
  'https://arxiv.org/help/api',
  'https://info.arxiv.org/help/arxiv_identifier.html',
  'https://export.arxiv.org/api/query?id_list=2106.09608', // API response, not a page
  'https://arxiv.org/src/2106.09608', // source download
  'https://arxiv.org/pdf?id=2106.09608', // no such route in arxiv-browse (only /abs?id=)
  'https://arxiv.org/ftp/arxiv/papers/1110/1111.2832.pdf', // ftp folder disagrees with the file
  // Implausible ids on real arXiv paths
  'https://arxiv.org/abs/2113.00001', // month 13
  'https://arxiv.org/abs/2100.00001', // month 00
  'https://arxiv.org/abs/1412.12345', // 5-digit number before 2015
  'https://arxiv.org/abs/1501.1234', // 4-digit number from 2015 on
  'https://arxiv.org/abs/2106.096081', // too long
  'https://arxiv.org/abs/2106.9608', // too short
  'https://arxiv.org/abs/0703.1234', // new style began April 2007
  'https://arxiv.org/abs/2106.00000', // number 0
  'https://arxiv.org/abs/2106.09608v0', // versions start at 1
  'https://arxiv.org/abs/9912.12345', // from the future
  'https://arxiv.org/abs/hep-th/0704001', // old style ended March 2007
  'https://arxiv.org/abs/hep-th/990100', // 6 digits
  'https://arxiv.org/abs/hep-th/99010011', // 8 digits
  'https://arxiv.org/abs/evil/9901001', // not an arXiv archive
  'https://arxiv.org/abs/cs/9605103/extra', // old id followed by junk
  'https://arxiv.org/abs/2106.09608.pdf/x',
  // Look-alike hosts, wrong schemes
  'https://arxiv.org.evil.com/abs/2106.09608',
  'https://notarxiv.org/abs/2106.09608',
  'https://evil.com/arxiv.org/abs/2106.09608',
  'https://arxiv.org@evil.com/abs/2106.09608', // userinfo: the host is evil.com
  'https://evil.com/?u=https://arxiv.org/abs/2106.09608',
  'https://ar5iv.org.evil.com/html/1512.03385',
  'https://openreview.net.evil.com/forum?id=LcF-EEt8cCC',
  'https://notopenreview.net/forum?id=LcF-EEt8cCC',
  'https://api.openreview.net/pdf?id=LcF-EEt8cCC', // no host permission: the tab URL is not ours to read
  'ftp://arxiv.org/abs/2106.09608',
  'javascript:alert(1)//https://arxiv.org/abs/2106.09608',
  'data:text/html,https://arxiv.org/abs/2106.09608',
  'file:///home/u/arxiv.org/abs/2106.09608',
  // Other OpenReview pages
  'https://openreview.net/',
  'https://openreview.net/forum',
  'https://openreview.net/forum?id=',
  'https://openreview.net/forum?id=abc', // too short for a note id
  'https://openreview.net/forum?id=LcF-EEt8cCC%22%3E%3Cscript%3E', // junk in the id
  'https://openreview.net/forum?noteId=LcF-EEt8cCC', // the forum id is `id`
  'https://openreview.net/profile?id=~Yoshua_Bengio1',
  'https://openreview.net/group', // no venue id
  'https://openreview.net/group?id=%3Cscript%3E', // junk in the id
  'https://openreview.net/pdf/0a1b2c3d4e5f.pdf', // static file path, no note id
  'https://openreview.net/attachment?id=LcF-EEt8cCC&name=supplementary_material', // a zip, not the paper's PDF
  // Other pages of the opt-in sites, from arxiv-utils' testcases.yaml: PDFs (no content script runs
  // in a PDF viewer), alphaXiv's other tools, and sites Summary Lens does not act on
  'https://www.alphaxiv.org/replicate/1706.03762',
  'https://www.alphaxiv.org/audio/1706.03762',
  'https://papers.nips.cc/paper_files/paper/1987/file/523f87e9d08e6071a3bbd150e6da40fb-Paper.pdf',
  'https://proceedings.neurips.cc/paper_files/paper/1987/file/523f87e9d08e6071a3bbd150e6da40fb-Paper.pdf',
  'https://proceedings.mlr.press/v139/sun21c/sun21c.pdf',
  'https://openaccess.thecvf.com/content_CVPR_2019/papers/Karras_A_Style-Based_Generator_Architecture_for_Generative_Adversarial_Networks_CVPR_2019_paper.pdf',
  'https://www.jmlr.org/papers/v12/pedregosa11a.html',
  'https://www.jmlr.org/papers/volume12/pedregosa11a/pedregosa11a.pdf',
  'https://ieeexplore.ieee.org/document/10412086',
  'https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10412086&tag=1',
  'https://aclanthology.org/N19-1423.pdf',
  'https://aclanthology.org/events/acl-2024/', // an event's list, not a paper
  // Other pages of the opt-in sites
  'https://huggingface.co/papers/2408.00714/discussion', // a sub-page
  'https://huggingface.co/papers/not-an-id',
  'https://huggingface.co/models',
  'https://huggingface.co.evil.com/papers/2408.00714',
  'https://www.alphaxiv.org/',
  'https://www.alphaxiv.org/abs/9999.99999',
  'https://www.semanticscholar.org/paper/not-a-hash',
  'https://www.semanticscholar.org/search', // no query
  'https://www.semanticscholar.org/author/Yoshua-Bengio/1751762',
  'https://scholar.google.com/', // the search form
  'https://scholar.google.com/scholar', // no query
  'https://scholar.google.com/citations?user=kukA0LcAAAAJ', // a profile
  'https://scholar.google.de/scholar?q=attention', // another Scholar host: not asked for
  'https://proceedings.neurips.cc/paper_files/paper/2020', // a year's list
  'https://proceedings.mlr.press/v139/', // a volume's list
  'https://openaccess.thecvf.com/CVPR2022', // a conference's list
]);

// ---------------------------------------------------------------------------------------------
// arXiv paper pages

export const isArxivAbs = (url: UrlInput = location): boolean => arxivRouteFromUrl(url)?.form === 'abs';
TEST: addTests('isArxivAbs', [
  ['https://arxiv.org/abs/2203.14206', '2203.14206'],
  ['https://arxiv.org/abs/2106.09608v2', '2106.09608v2'],
  ['https://arxiv.org/abs/1410.0718', '1410.0718'], // 4-digit number (2007–2014)
  ['https://arxiv.org/abs/0704.0001', '0704.0001'], // the first new-style id
  ['https://arxiv.org/abs/2003.13678/', '2003.13678'], // trailing slash
  ['https://arxiv.org/abs/2003.13678//', '2003.13678'], // trailing double slash
  ['https://arxiv.org/abs/1512.03385?query#anchor', '1512.03385'], // query and fragment
  ['http://arxiv.org/abs/2003.13678', '2003.13678'], // http (Firefox)
  ['https://export.arxiv.org/abs/2003.13678', '2003.13678'],
  ['https://www.arxiv.org/abs/2003.13678', '2003.13678'],
  ['https://browse.arxiv.org/abs/2003.13678', '2003.13678'],
  ['https://arxiv.org/abs/cs/9605103', 'cs/9605103'], // old id: keep the archive, not just the number
  ['https://arxiv.org/abs/cs/9605103/', 'cs/9605103'],
  ['https://arxiv.org/abs/cond-mat/0408502', 'cond-mat/0408502'],
  ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
  ['https://arxiv.org/abs/hep-th/9901001v3', 'hep-th/9901001v3'],
  ['https://arxiv.org/abs/solv-int/9901001v2', 'solv-int/9901001v2'], // split('v') would cut this to "sol"
  ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136'], // subject class is not part of the id
  ['https://arxiv.org/abs/hep-th%2F9901001', 'hep-th/9901001'], // percent-encoded slash
  ['https://arxiv.org/abs/arXiv:2106.09608', '2106.09608'], // arXiv strips the prefix too
  ['https://arxiv.org/abs?id=hep-th/9901001', 'hep-th/9901001'], // legacy query forms (bare_abs)
  ['https://arxiv.org/abs?id=2106.09608v1', '2106.09608v1'],
  ['https://arxiv.org/abs?archive=hep-th&papernum=9901001', 'hep-th/9901001'],
  ['https://arxiv.org/abs?hep-th/9901001', 'hep-th/9901001'],
  ['https://arxiv.org/abs/2407.10603', '2407.10603'],
  // The remaining abs URLs of arxiv-utils' testcases.yaml, verbatim
  ['https://arxiv.org/abs/1906.07413', '1906.07413'],
  ['https://arxiv.org/abs/2003.01367', '2003.01367'],
  ['https://arxiv.org/abs/1110.2832', '1110.2832'],
  ['https://arxiv.org/abs/1512.03385', '1512.03385'],
]);

export const isArxivPdf = (url: UrlInput = location): boolean => arxivRouteFromUrl(url)?.form === 'pdf';
TEST: addTests('isArxivPdf', [
  ['https://arxiv.org/pdf/2203.14206', '2203.14206'],
  ['https://arxiv.org/pdf/1906.07413', '1906.07413'],
  ['https://arxiv.org/pdf/2003.13678.pdf', '2003.13678'], // with .pdf
  ['https://arxiv.org/pdf/2106.09608v2', '2106.09608v2'], // with version
  ['https://arxiv.org/pdf/2106.09608v2.pdf', '2106.09608v2'],
  ['https://arxiv.org/pdf/2003.13678/', '2003.13678'],
  ['https://arxiv.org/pdf/2003.13678//', '2003.13678'],
  ['https://arxiv.org/pdf/1512.03385?query#anchor', '1512.03385'],
  ['http://arxiv.org/pdf/2003.13678', '2003.13678'],
  ['https://export.arxiv.org/pdf/2003.13678', '2003.13678'],
  ['https://www.arxiv.org/pdf/2003.13678', '2003.13678'],
  ['https://browse.arxiv.org/pdf/2003.13678', '2003.13678'],
  ['https://arxiv.org/pdf/cs/9605103', 'cs/9605103'],
  ['https://arxiv.org/pdf/cs/9605103.pdf', 'cs/9605103'],
  ['https://arxiv.org/pdf/cs/9605103/', 'cs/9605103'],
  ['https://arxiv.org/pdf/solv-int/9901001v2.pdf', 'solv-int/9901001v2'],
  ['https://arxiv.org/pdf/math.GT/0309136v1', 'math/0309136v1'],
  ['https://arxiv.org/ftp/arxiv/papers/1110/1110.2832.pdf', '1110.2832'], // ftp path (new id)
  ['https://arxiv.org/ftp/cond-mat/papers/0408/0408502.pdf', 'cond-mat/0408502'], // ftp path (old id)
  ['https://arxiv.org/pdf/2003.01367', '2003.01367'],
]);

export const isArxivHtml = (url: UrlInput = location): boolean => arxivRouteFromUrl(url)?.form === 'html';
TEST: addTests('isArxivHtml', [
  ['https://arxiv.org/html/2403.17537', '2403.17537'],
  ['https://arxiv.org/html/2503.11651v1', '2503.11651v1'],
  ['https://arxiv.org/html/2503.11651v1/', '2503.11651v1'],
  ['https://arxiv.org/html/2503.11651v1/#S3', '2503.11651v1'],
  ['https://arxiv.org/html/2503.11651v1/x1.png', '2503.11651v1'], // a figure under the paper
  ['https://www.arxiv.org/html/2403.17537v2', '2403.17537v2'],
  ['https://arxiv.org/html/hep-th/9901001', 'hep-th/9901001'],
  ['https://ar5iv.labs.arxiv.org/html/1512.03385', '1512.03385'],
  ['https://ar5iv.labs.arxiv.org/html/hep-th/9901001', 'hep-th/9901001'],
  ['https://ar5iv.org/abs/1512.03385', '1512.03385'], // ar5iv's /abs/ redirects to its HTML
  ['https://ar5iv.org/html/1512.03385v1', '1512.03385v1'],
]);

export const isArxivFormat = (url: UrlInput = location): boolean => arxivRouteFromUrl(url)?.form === 'format';
TEST: addTests('isArxivFormat', [
  ['https://arxiv.org/format/2106.09608', '2106.09608'],
  ['https://arxiv.org/format/2106.09608v1', '2106.09608v1'],
  ['https://arxiv.org/format/hep-th/9901001', 'hep-th/9901001'],
]);

// ---------------------------------------------------------------------------------------------
// arXiv pages listing many papers

const CATEGORY = /^[a-z][a-z-]*(?:\.[A-Za-z]{2,}(?:-[a-z]{2,})?)?$/; // cs.AI, hep-th, physics.acc-ph
const LIST_PERIOD = /^(?:new|recent|pastweek|current|\d{4}|\d{4}-(?:0[1-9]|1[0-2]))$/; // YYMM, YYYY, YYYY-MM

function isArxivListingPath(segments: string[]): boolean {
  const [head, a, b, ...more] = segments;
  if (more.length) return false;
  switch (head) {
    case 'list':
      return CATEGORY.test(a ?? '') && LIST_PERIOD.test(b ?? '');
    case 'search': // arxiv-search: /search/, /search/<archive>, /search/advanced[/<groups>]
      return a === undefined || a === 'advanced' || (b === undefined && a !== 'status' && /^[a-z][a-z.,-]*$/.test(a));
    case 'a': // author pages /a/<id>, /a/<id>.html
      return b === undefined && /^[A-Za-z0-9_-]+(?:\.html)?$/.test(a ?? '');
    case 'catchup':
      return CATEGORY.test(a ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(b ?? '');
    default:
      return false;
  }
}

export const isArxivListing = (url: UrlInput = location): boolean => {
  const u = toUrl(url);
  return Boolean(u && ARXIV_HOSTS.includes(u.hostname) && isArxivListingPath(u.pathname.split('/').filter(Boolean)));
};
TEST: addTests('isArxivListing', [
  'https://arxiv.org/list/cs.AI/new',
  'https://arxiv.org/list/cs.LG/recent',
  'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25',
  'https://arxiv.org/list/hep-th/0901', // YYMM
  'https://arxiv.org/list/math/2024-01', // YYYY-MM
  'https://arxiv.org/list/astro-ph/2023',
  'https://arxiv.org/list/physics.acc-ph/new',
  'https://export.arxiv.org/list/cs.CL/recent',
  'https://arxiv.org/search/?query=transformer&searchtype=all&source=header',
  'https://arxiv.org/search/cs?query=attention&searchtype=all',
  'https://arxiv.org/search/advanced?advanced=&terms-0-term=diffusion&terms-0-field=title',
  'https://arxiv.org/a/hinton_g_1',
  'https://arxiv.org/a/hinton_g_1.html',
  'https://arxiv.org/catchup/cs.AI/2024-01-15',
]);

// ---------------------------------------------------------------------------------------------
// OpenReview

export const isOpenReviewForum = (url: UrlInput = location): boolean => openreviewRouteFromUrl(url)?.form === 'forum';
TEST: addTests('isOpenReviewForum', [
  ['https://openreview.net/forum?id=LcF-EEt8cCC', 'openreview:LcF-EEt8cCC'], // id contains '-'
  ['https://openreview.net/forum?id=LcF-EEt8cCC&referrer=[Author Console]', 'openreview:LcF-EEt8cCC'],
  ['https://openreview.net/forum?id=rkHywl-A-', 'openreview:rkHywl-A-'], // ends with '-'
  ['https://openreview.net/forum?id=S1_pAu9xl', 'openreview:S1_pAu9xl'], // ids contain '_'
  ['https://openreview.net/forum?id=S1_pAu9xl&noteId=S1_pAu9xl', 'openreview:S1_pAu9xl'], // noteId is ignored
  ['http://openreview.net/forum?id=SylKikSYDH#discussion', 'openreview:SylKikSYDH'],
]);

export const isOpenReviewPdf = (url: UrlInput = location): boolean => openreviewRouteFromUrl(url)?.form === 'pdf';
TEST: addTests('isOpenReviewPdf', [
  ['https://openreview.net/pdf?id=LcF-EEt8cCC', 'openreview:LcF-EEt8cCC'],
  ['https://openreview.net/pdf?id=fugnQxbvMm#page=1.23', 'openreview:fugnQxbvMm'],
  ['https://openreview.net/attachment?id=GY6-6sTvGaf&name=pdf', 'openreview:GY6-6sTvGaf'],
]);

// ---------------------------------------------------------------------------------------------
// What paper a URL or a page shows

/**
 * The paper of any page form we know, PDFs included (the side panel and toolbar badge use
 * this with the tab's URL). arXiv ids come without version: summaries are per paper.
 */
export function paperRefFromUrl(url: UrlInput): PaperRef | null {
  const arxiv = arxivRouteFromUrl(url);
  if (arxiv) return { arxivId: arxiv.arxivId.id };
  const onSite = siteArxivIdFromUrl(url); // Hugging Face Papers, alphaXiv
  if (onSite) return { arxivId: onSite };
  const openreview = openreviewRouteFromUrl(url);
  return openreview ? { openreviewId: openreview.openreviewId } : null;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const meta = (doc: Document, name: string): string =>
  clean(doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content);

/** Text of an element without its footnotes, descriptors ("Title:") and similar decorations. */
function textWithout(el: Element | null, drop: string): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll(drop).forEach((n) => n.remove());
  return clean(copy.textContent);
}

/** PaperRefSchema bounds: a page cannot make us send an oversized message. */
function withText(ref: PaperRef, title: string, firstAuthor: string): PaperRef {
  return {
    ...ref,
    ...(title ? { title: title.slice(0, 1000) } : {}),
    ...(firstAuthor ? { firstAuthor: firstAuthor.slice(0, 300) } : {}),
  };
}

/** "[2106.09608] Title" -> "Title". */
const stripIdPrefix = (title: string) => title.replace(/^\[[^\]]{1,40}\]\s*/, '');

function arxivAbsRef(doc: Document, route: ArxivRoute): PaperRef {
  // The meta tag survives redirects and odd URLs; the URL is the fallback.
  const id = parseArxivId(meta(doc, 'citation_arxiv_id'))?.id ?? route.arxivId.id;
  const title = meta(doc, 'citation_title') || textWithout(doc.querySelector('h1.title'), '.descriptor');
  const firstAuthor = meta(doc, 'citation_author') || clean(doc.querySelector('.authors a')?.textContent);
  return withText({ arxivId: id }, title, firstAuthor);
}

function arxivHtmlRef(doc: Document, route: ArxivRoute): PaperRef {
  // LaTeXML: <h1 class="ltx_title ltx_title_document">Title<span class="ltx_note">thanks…</span></h1>
  const heading = textWithout(doc.querySelector('h1.ltx_title_document, h1.ltx_title'), '.ltx_note, .ltx_tag, sup');
  return withText({ arxivId: route.arxivId.id }, heading || stripIdPrefix(clean(doc.title)), '');
}

// "Verifying your browser" and similar bot checks: no paper on the page.
const CHALLENGE = /verifying (?:your browser|you are human|you are not a (?:ro)?bot)|checking your browser|just a moment\b|are you a robot|security check/i;

/** OpenReview answered with a bot challenge instead of the forum: show nothing. */
export function isOpenReviewChallenge(doc: Document): boolean {
  if (doc.querySelector('meta[name="citation_title"], .citation_title')) return false;
  const heading = clean(doc.querySelector('h1, h2')?.textContent);
  return CHALLENGE.test(doc.title) || CHALLENGE.test(heading);
}

const ANONYMOUS = /^anonymous\b|\bsubmission\s*\d*\s*authors?\b/i;

/** First author in an OpenReview author line (openreview-web NoteAuthors: links, spans, institution marks). */
function firstAuthorIn(line: Element | null): string {
  if (!line) return '';
  for (const el of Array.from(line.querySelectorAll('a, span'))) {
    if (el.matches('.show-all, .glyphicon, [class*="icon"]')) continue;
    if (Array.from(el.children).some((c) => c.tagName !== 'SUP')) continue; // a wrapper, look inside
    const name = textWithout(el, 'sup');
    if (name) return ANONYMOUS.test(name) ? '' : name;
  }
  return '';
}

function openreviewForumRef(doc: Document, openreviewId: string): PaperRef | null {
  if (isOpenReviewChallenge(doc)) return null;
  // Current forum (ForumNote.js): .forum-title h2.citation_title + .forum-authors h3;
  // legacy forum (LegacyForum.js): h2.note_content_title.citation_title + .meta_row h3.author.
  const title =
    meta(doc, 'citation_title') ||
    textWithout(doc.querySelector('h2.citation_title, .forum-title h2, h2.note_content_title'), 'a, img') ||
    clean(doc.title).replace(/\s*\|\s*OpenReview$/, '').replace(/^OpenReview$/, '');
  const metaAuthor = meta(doc, 'citation_author');
  const firstAuthor =
    (metaAuthor && !ANONYMOUS.test(metaAuthor) ? metaAuthor : '') ||
    firstAuthorIn(doc.querySelector('.forum-authors h3, .meta_row h3.author, h3.signatures'));
  return withText({ openreviewId }, title, firstAuthor);
}

/**
 * What the current page shows: on arXiv abs pages the `citation_arxiv_id` meta first, with
 * title and first author; on arXiv HTML the URL's id and the page title; on OpenReview forums
 * the URL's id with title and first author (the background matches those against the corpus,
 * since OpenReview shows no arXiv id); null on a bot challenge or a page that is no paper.
 */
export function paperRefFromDocument(doc: Document, url: UrlInput = location): PaperRef | null {
  const arxiv = arxivRouteFromUrl(url);
  if (arxiv) {
    if (arxiv.form === 'abs') return arxivAbsRef(doc, arxiv);
    if (arxiv.form === 'html') return arxivHtmlRef(doc, arxiv);
    return { arxivId: arxiv.arxivId.id };
  }
  const openreview = openreviewRouteFromUrl(url);
  if (!openreview) return null;
  if (openreview.form === 'forum') return openreviewForumRef(doc, openreview.openreviewId);
  return { openreviewId: openreview.openreviewId };
}

// ---------------------------------------------------------------------------------------------
// Papers listed on a listing, search or author page

export interface ListedPaper {
  /** Canonical id without version. */
  arxivId: string;
  /** The link to the paper's abs page: put the badge right after it. */
  anchor: HTMLAnchorElement;
  /** The whole entry (listing `<dd>`, search `<li>`): an inline summary goes at its end. */
  item: Element;
}

function idFromHref(anchor: HTMLAnchorElement): string | null {
  const href = anchor.getAttribute('href');
  if (!href) return null;
  try {
    // Listings link relatively (/abs/ID), search absolutely (https://arxiv.org/abs/ID[vN]).
    const route = arxivRouteFromUrl(new URL(href, 'https://arxiv.org/'));
    return route?.form === 'abs' ? route.arxivId.id : null;
  } catch {
    return null;
  }
}

/**
 * Papers on an arXiv listing (`dl > dt` with `a[title="Abstract"]`, arxiv-browse
 * list_macros.html; also author and catchup pages) or search results page
 * (`li.arxiv-result` with `p.list-title a`, arxiv-search search-macros.html), in page order.
 */
export function listedArxivIds(root: ParentNode = document): ListedPaper[] {
  const found: ListedPaper[] = [];
  for (const dt of Array.from(root.querySelectorAll('dl > dt'))) {
    const anchor = dt.querySelector<HTMLAnchorElement>('a[title="Abstract"]') ?? dt.querySelector<HTMLAnchorElement>('a[href*="/abs/"]');
    const arxivId = anchor && idFromHref(anchor);
    if (!anchor || !arxivId) continue;
    const dd = dt.nextElementSibling;
    found.push({ arxivId, anchor, item: dd?.tagName === 'DD' ? dd : dt });
  }
  for (const li of Array.from(root.querySelectorAll('li.arxiv-result'))) {
    const anchor = li.querySelector<HTMLAnchorElement>('.list-title a[href*="/abs/"]');
    const arxivId = anchor && idFromHref(anchor);
    if (anchor && arxivId) found.push({ arxivId, anchor, item: li });
  }
  return found;
}
