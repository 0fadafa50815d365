// Page detectors and page readers for the opt-in sites ("More sites", utils/optional-sites.ts),
// in the style of ./index.ts: each `isX` a one-liner with its example URLs. Where the URL names
// an arXiv id (Hugging Face Papers, alphaXiv) the example carries it; proceedings pages name the
// paper only in their citation_* meta tags, result lists name many.
import { addTests } from './collector';
import { parseArxivId, toUrl, type UrlInput } from '../paper-id';
import type { PaperRef } from '../paper-ref';

const onHost = (url: UrlInput, hosts: readonly string[]): URL | null => {
  const u = toUrl(url);
  return u && /^https?:$/.test(u.protocol) && hosts.includes(u.hostname) ? u : null;
};
const segments = (u: URL) => u.pathname.split('/').filter(Boolean);

/** `2408.00714`, `2408.00714v2`, `hep-th/9901001` in a path (old ids take two segments). */
function arxivIdIn(parts: string[]): string | null {
  if (parts.length === 1) return parseArxivId(decodeURIComponent(parts[0]))?.id ?? null;
  if (parts.length === 2) return parseArxivId(`${parts[0]}/${parts[1]}`)?.id ?? null;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Hugging Face Papers

const HF = ['huggingface.co'];

/** huggingface.co/papers/<arXiv id> (its own page; /papers/<id>/... are its sub-pages). */
export function huggingFaceArxivId(url: UrlInput): string | null {
  const u = onHost(url, HF);
  const [head, ...rest] = u ? segments(u) : [];
  return head === 'papers' && rest.length === 1 ? arxivIdIn(rest) : null;
}
export const isHuggingFacePaper = (url: UrlInput = location): boolean => huggingFaceArxivId(url) !== null;
TEST: addTests('isHuggingFacePaper', [
  ['https://huggingface.co/papers/2408.00714', '2408.00714'], // arxiv-utils testcases.yaml
  ['https://huggingface.co/papers/2408.00714/?query#community', '2408.00714'], // arxiv-utils testcases.yaml
  ['https://huggingface.co/papers/2004.11362', '2004.11362'],
]);

const HF_LIST = /^(?:date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{2}|month\/\d{4}-\d{2}|trending)$/;
export const isHuggingFaceList = (url: UrlInput = location): boolean => {
  const u = onHost(url, HF);
  const [head, ...rest] = u ? segments(u) : [];
  return head === 'papers' && (rest.length === 0 || HF_LIST.test(rest.join('/')));
};
TEST: addTests('isHuggingFaceList', [
  'https://huggingface.co/papers', // today's daily papers
  'https://huggingface.co/papers?date=2025-03-05',
  'https://huggingface.co/papers/date/2025-03-05',
  'https://huggingface.co/papers/week/2025-W10',
  'https://huggingface.co/papers/month/2025-03',
  'https://huggingface.co/papers/trending',
]);

// ---------------------------------------------------------------------------------------------
// alphaXiv

const ALPHAXIV = ['www.alphaxiv.org', 'alphaxiv.org'];

/** alphaxiv.org/abs/<id> and /overview/<id>. */
export function alphaxivArxivId(url: UrlInput): string | null {
  const u = onHost(url, ALPHAXIV);
  const [head, ...rest] = u ? segments(u) : [];
  return head === 'abs' || head === 'overview' ? arxivIdIn(rest) : null;
}
export const isAlphaxivPaper = (url: UrlInput = location): boolean => alphaxivArxivId(url) !== null;
TEST: addTests('isAlphaxivPaper', [
  ['https://www.alphaxiv.org/abs/1706.03762', '1706.03762'], // arxiv-utils testcases.yaml
  ['https://www.alphaxiv.org/overview/1706.03762', '1706.03762'], // arxiv-utils testcases.yaml
  ['https://www.alphaxiv.org/abs/2103.03206v2', '2103.03206'],
  ['https://alphaxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
]);

// ---------------------------------------------------------------------------------------------
// Semantic Scholar

const S2 = ['www.semanticscholar.org'];
const S2_ID = /^[0-9a-f]{40}$/;

/** /paper/<40-hex id> or /paper/<title slug>/<40-hex id>. */
export const isSemanticScholarPaper = (url: UrlInput = location): boolean => {
  const u = onHost(url, S2);
  const [head, ...rest] = u ? segments(u) : [];
  return head === 'paper' && (rest.length === 1 || rest.length === 2) && S2_ID.test(rest.at(-1)!);
};
TEST: addTests('isSemanticScholarPaper', [
  'https://www.semanticscholar.org/paper/MixMatch%3A-A-Holistic-Approach-to-Semi-Supervised-Berthelot-Carlini/3c2ab2d4b4f3f4e4d0e0c2a0e1d2b3c4d5e6f708',
  'https://www.semanticscholar.org/paper/3c2ab2d4b4f3f4e4d0e0c2a0e1d2b3c4d5e6f708',
  'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776?utm_source=x',
]);

export const isSemanticScholarSearch = (url: UrlInput = location): boolean => {
  const u = onHost(url, S2);
  return Boolean(u && u.pathname.replace(/\/$/, '') === '/search' && u.searchParams.get('q'));
};
TEST: addTests('isSemanticScholarSearch', [
  'https://www.semanticscholar.org/search?q=contrastive%20learning',
  'https://www.semanticscholar.org/search?q=mixmatch&sort=relevance',
]);

// ---------------------------------------------------------------------------------------------
// Google Scholar (scholar.google.com only: the one host asked for)

export const isGoogleScholarResults = (url: UrlInput = location): boolean => {
  const u = onHost(url, ['scholar.google.com']);
  if (!u || u.pathname !== '/scholar') return false;
  return ['q', 'cites', 'cluster'].some((k) => u.searchParams.get(k));
};
TEST: addTests('isGoogleScholarResults', [
  'https://scholar.google.com/scholar?q=supervised+contrastive+learning',
  'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=big+bird+transformers&btnG=',
  'https://scholar.google.com/scholar?cites=1290425714414184502&as_sdt=2005&sciodt=0,5&hl=en', // "Cited by"
  'https://scholar.google.com/scholar?cluster=5362332738201102290&hl=en', // "All versions"
]);

// ---------------------------------------------------------------------------------------------
// Proceedings: the paper is named by the page's citation_* meta tags (./sites.ts citationRef)

const NEURIPS = ['proceedings.neurips.cc', 'papers.nips.cc', 'papers.neurips.cc'];
// /paper_files/paper/<year>/hash/<md5>-Abstract[-Conference|-Datasets_and_Benchmarks…].html; before 2022 /paper/<year>/hash/…
const NEURIPS_ABSTRACT = /^(?:\/paper_files)?\/paper\/\d{4}\/hash\/[0-9a-f]{32}-Abstract(?:-[A-Za-z_]+)?\.html$/;
export const isNeuripsPaper = (url: UrlInput = location): boolean => {
  const u = onHost(url, NEURIPS);
  return Boolean(u && NEURIPS_ABSTRACT.test(u.pathname));
};
TEST: addTests('isNeuripsPaper', [
  'https://papers.nips.cc/paper_files/paper/2019/hash/0234c510bc6d908b28c70ff313743079-Abstract.html', // arxiv-utils testcases.yaml
  'https://papers.neurips.cc/paper_files/paper/1987/hash/523f87e9d08e6071a3bbd150e6da40fb-Abstract.html', // arxiv-utils testcases.yaml
  'https://papers.nips.cc/paper_files/paper/2022/hash/93f250215e4889119807b6fac3a57aec-Abstract-Conference.html', // arxiv-utils testcases.yaml
  'https://proceedings.neurips.cc/paper/2020/hash/d89a66c7c80a29b1bdbab0f2a1a94af8-Abstract.html', // before /paper_files/
  'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Datasets_and_Benchmarks.html',
]);

// /v<volume>/<key>.html (the key: first author's family name + year + letter)
export const isPmlrPaper = (url: UrlInput = location): boolean => {
  const u = onHost(url, ['proceedings.mlr.press']);
  return Boolean(u && /^\/(?:v\d+|r\d+)\/[a-z0-9_-]+\.html$/i.test(u.pathname));
};
TEST: addTests('isPmlrPaper', [
  'https://proceedings.mlr.press/v139/sun21c.html', // arxiv-utils testcases.yaml
  'https://proceedings.mlr.press/v139/jaegle21a.html',
  'http://proceedings.mlr.press/v54/mcmahan17a.html',
]);

// /content_<CONF>_<YEAR>/html/<name>_paper.html (to 2020) or /content/<CONF><YEAR>[W/<workshop>]/html/<name>_paper.html
export const isCvfPaper = (url: UrlInput = location): boolean => {
  const u = onHost(url, ['openaccess.thecvf.com']);
  return Boolean(u && /^\/(?:content_[A-Za-z]+_\d{4}|content\/[A-Za-z]+\d{4}(?:W\/[^/]+)?)\/html\/[^/]+_paper\.html$/.test(u.pathname));
};
TEST: addTests('isCvfPaper', [
  'https://openaccess.thecvf.com/content/CVPR2022W/VOCVALC/html/Fu_Coupling_Vision_and_Proprioception_for_Navigation_of_Legged_Robots_CVPRW_2022_paper.html', // arxiv-utils testcases.yaml
  'https://openaccess.thecvf.com/content/CVPR2022/html/Cole_When_Does_Contrastive_Visual_Representation_Learning_Work_CVPR_2022_paper.html',
  'https://openaccess.thecvf.com/content_CVPR_2019/html/Karras_A_Style-Based_Generator_Architecture_for_Generative_Adversarial_Networks_CVPR_2019_paper.html',
]);

// New ids 2024.acl-long.800, old ones P19-1472 (one letter, two digits, dash, four digits)
const ACL_ID = /^(?:\d{4}\.[a-z0-9]+-[a-z0-9]+\.\d+|[A-Z]\d{2}-\d{4})$/;
export const isAclPaper = (url: UrlInput = location): boolean => {
  const u = onHost(url, ['aclanthology.org']);
  const parts = u ? segments(u) : [];
  return parts.length === 1 && ACL_ID.test(parts[0]);
};
TEST: addTests('isAclPaper', [
  'https://aclanthology.org/2024.acl-long.800/', // arxiv-utils testcases.yaml
  'https://aclanthology.org/P19-1472/',
  'https://aclanthology.org/N19-1423',
]);

// ---------------------------------------------------------------------------------------------
// OpenReview venue and group pages (openreview.net is one of the default sites)

export const isOpenReviewVenue = (url: UrlInput = location): boolean => {
  const u = onHost(url, ['openreview.net']);
  return Boolean(u && u.pathname === '/group' && /^[\w.~-]+(?:\/[\w.~-]+)*$/.test(u.searchParams.get('id') ?? ''));
};
TEST: addTests('isOpenReviewVenue', [
  'https://openreview.net/group?id=ICLR.cc/2024/Conference',
  'https://openreview.net/group?id=ICLR.cc/2020/Conference#accept-poster',
  'https://openreview.net/group?id=NeurIPS.cc/2023/Conference&referrer=%5BHomepage%5D(%2F)',
]);

// ---------------------------------------------------------------------------------------------
// What these pages show

/** The arXiv id a URL of these sites names, for the side panel and toolbar badge too. */
export const siteArxivIdFromUrl = (url: UrlInput): string | null => huggingFaceArxivId(url) ?? alphaxivArxivId(url);

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const metaAll = (doc: Document, name: string): string[] =>
  [...doc.querySelectorAll<HTMLMetaElement>(`meta[name="${name}"]`)].map((m) => clean(m.content)).filter(Boolean);

/** arXiv id in an arXiv abs/pdf link ("https://arxiv.org/abs/2004.11362v5", "arxiv.org/pdf/…"). */
export function arxivIdFromLink(href: string | null | undefined): string | null {
  const m = /^(?:https?:)?\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/.exec(href ?? '');
  return m ? (parseArxivId(decodeURIComponent(m[1]))?.id ?? null) : null;
}

/** Bounded like PaperRefSchema: a page cannot make us send an oversized message. */
function bounded(ref: PaperRef): PaperRef {
  const out: PaperRef = {};
  if (ref.arxivId) out.arxivId = ref.arxivId;
  if (ref.openreviewId) out.openreviewId = ref.openreviewId;
  if (ref.doi) out.doi = ref.doi.slice(0, 300);
  if (ref.title) out.title = ref.title.slice(0, 1000);
  if (ref.firstAuthor) out.firstAuthor = ref.firstAuthor.slice(0, 300);
  return out;
}

const DOI = /^10\.\d{4,9}\/\S+$/;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/**
 * A page's Highwire/Google Scholar citation tags (NeurIPS, PMLR, CVF, ACL Anthology and Semantic
 * Scholar all write them): the DOI, title and first author; an arXiv id where a tag names one
 * (citation_arxiv_id, an arXiv DOI, a citation_pdf_url on arXiv). Null without a title or id.
 */
export function citationRef(doc: Document): PaperRef | null {
  const doi = (metaAll(doc, 'citation_doi')[0] ?? '').replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  const arxivId =
    parseArxivId(metaAll(doc, 'citation_arxiv_id')[0] ?? '')?.id ??
    (ARXIV_DOI.exec(doi) ? parseArxivId(ARXIV_DOI.exec(doi)![1])?.id : undefined) ??
    arxivIdFromLink(metaAll(doc, 'citation_pdf_url')[0]) ??
    undefined;
  const title = metaAll(doc, 'citation_title')[0] ?? '';
  const firstAuthor = metaAll(doc, 'citation_author')[0] ?? '';
  if (!title && !arxivId && !DOI.test(doi)) return null;
  return bounded({ arxivId, doi: DOI.test(doi) && !arxivId ? doi : undefined, title, firstAuthor });
}

/** A Semantic Scholar paper page: its citation tags, else the arXiv link in its header (never one from its reference lists). */
export function semanticScholarRef(doc: Document): PaperRef | null {
  const fromMeta = citationRef(doc);
  if (fromMeta?.arxivId) return fromMeta;
  const header = doc.querySelector('[data-test-id="paper-detail-page-header"], .fresh-paper-detail-page__header, .paper-detail-page__header');
  const link = [...(header?.querySelectorAll<HTMLAnchorElement>('a[href*="arxiv.org/"]') ?? [])].map((a) => arxivIdFromLink(a.getAttribute('href'))).find(Boolean);
  if (link) return bounded({ ...fromMeta, arxivId: link });
  if (fromMeta) return fromMeta;
  const title = clean(doc.querySelector('h1[data-test-id="paper-detail-title"]')?.textContent);
  return title ? bounded({ title }) : null;
}

// ---------------------------------------------------------------------------------------------
// Papers listed on a result list

export interface ListedRef {
  ref: PaperRef;
  /** The badge goes right after this element (the entry's title link or heading). */
  anchor: Element;
  /** The whole entry: an unfolded summary goes at its end. */
  item: Element;
}

/** "A Vaswani, N Shazeer, N Parmar… - Advances in neural…, 2017 - proceedings.neurips.cc" -> "A Vaswani". */
function firstAuthorOfLine(line: string): string {
  return clean(line.split(/\s+-\s+/)[0].split(',')[0]).replace(/[…]+$/, '');
}

/** Google Scholar results (`.gs_r` > `.gs_ri` > `h3.gs_rt` title, `.gs_a` authors – venue – host). */
export function scholarResults(root: ParentNode = document): ListedRef[] {
  const found: ListedRef[] = [];
  for (const ri of root.querySelectorAll('.gs_r .gs_ri')) {
    const heading = ri.querySelector('h3.gs_rt');
    if (!heading) continue;
    const copy = heading.cloneNode(true) as Element;
    copy.querySelectorAll('.gs_ctu, .gs_ctc, .gs_ctg2').forEach((n) => n.remove()); // "[PDF]", "[CITATION]" marks
    const title = clean(copy.textContent);
    const entry = ri.closest('.gs_r') ?? ri;
    const arxivId = [...entry.querySelectorAll<HTMLAnchorElement>('a[href*="arxiv.org/"]')].map((a) => arxivIdFromLink(a.getAttribute('href'))).find(Boolean);
    const firstAuthor = firstAuthorOfLine(ri.querySelector('.gs_a')?.textContent ?? '');
    if (!title && !arxivId) continue;
    found.push({ ref: bounded({ arxivId: arxivId ?? undefined, title, firstAuthor }), anchor: heading.querySelector('a') ?? heading, item: ri });
  }
  return found;
}

/** Semantic Scholar search results (`.cl-paper-row`: title link, author list). */
export function semanticScholarResults(root: ParentNode = document): ListedRef[] {
  const found: ListedRef[] = [];
  for (const row of root.querySelectorAll('.cl-paper-row, [data-test-id="search-result"]')) {
    const link = row.querySelector('a[data-test-id="title-link"], .cl-paper-title')?.closest('a') ?? row.querySelector('a[data-test-id="title-link"]');
    const title = clean(row.querySelector('.cl-paper-title, [data-test-id="title-link"]')?.textContent);
    if (!title) continue;
    const firstAuthor = clean(row.querySelector('.cl-paper-authors a, [data-test-id="author-list"] a, .cl-paper-authors')?.textContent).split(',')[0];
    const arxivId = [...row.querySelectorAll<HTMLAnchorElement>('a[href*="arxiv.org/"]')].map((a) => arxivIdFromLink(a.getAttribute('href'))).find(Boolean);
    found.push({ ref: bounded({ arxivId: arxivId ?? undefined, title, firstAuthor }), anchor: link ?? row.querySelector('.cl-paper-title')!, item: row });
  }
  return found;
}

/** Hugging Face daily/weekly/monthly lists: one `article` per paper, its heading links /papers/<arXiv id>. */
export function huggingFaceListed(root: ParentNode = document): ListedRef[] {
  const found: ListedRef[] = [];
  const seen = new Set<Element>();
  for (const a of root.querySelectorAll<HTMLAnchorElement>('article h3 a[href^="/papers/"], article h3 a[href^="https://huggingface.co/papers/"]')) {
    const article = a.closest('article')!;
    const arxivId = huggingFaceArxivId(new URL(a.getAttribute('href')!, 'https://huggingface.co/'));
    if (!arxivId || seen.has(article)) continue;
    seen.add(article);
    found.push({ ref: { arxivId }, anchor: a, item: a.closest('h3') ?? a });
  }
  return found;
}

/** OpenReview venue/group pages: each note's title links its forum (`li.note h4 a[href^="/forum?id="]`, and the newer `.note h4`). */
export function openreviewListed(root: ParentNode = document): ListedRef[] {
  const found: ListedRef[] = [];
  for (const a of root.querySelectorAll<HTMLAnchorElement>('.note h4 a[href*="forum?id="], .note h5 a[href*="forum?id="]')) {
    const id = new URL(a.getAttribute('href')!, 'https://openreview.net/').searchParams.get('id') ?? '';
    if (!/^[A-Za-z0-9_-]{6,24}$/.test(id)) continue;
    found.push({ ref: bounded({ openreviewId: id, title: clean(a.textContent) }), anchor: a, item: a.closest('.note') ?? a });
  }
  return found;
}
