// Page detectors, one per page type. (Foundation version: arXiv abs only.)
import { parseArxivId } from './paper-id';
import type { PaperRef } from './paper-ref';

export const isArxivAbs = (url: URL | Location = location) => /(^|\.)arxiv\.org$/.test(url.hostname) && /^\/abs\//.test(url.pathname);

/** On an abs page the citation_arxiv_id meta is the most reliable source. */
export function paperRefFromDocument(doc: Document, url: URL | Location = location): PaperRef | null {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="citation_arxiv_id"]')?.content;
  const parsed = parseArxivId(meta ?? decodeURIComponent(url.pathname.replace(/^\/abs\//, '')));
  if (!parsed) return null;
  const title = doc.querySelector<HTMLMetaElement>('meta[name="citation_title"]')?.content;
  const firstAuthor = doc.querySelector<HTMLMetaElement>('meta[name="citation_author"]')?.content;
  return { arxivId: parsed.id, ...(title ? { title } : {}), ...(firstAuthor ? { firstAuthor } : {}) };
}
