import { z } from 'zod';

/** What a page tells us about the paper it shows. Any subset may be known. */
export const PaperRefSchema = z
  .object({
    arxivId: z.string().max(64).optional(),
    openreviewId: z.string().max(64).optional(),
    /** From `citation_doi` and similar; arXiv's own DOIs count as the arXiv id. */
    doi: z.string().max(300).optional(),
    title: z.string().max(1000).optional(),
    firstAuthor: z.string().max(300).optional(),
  })
  .strict();
export type PaperRef = z.infer<typeof PaperRefSchema>;

/** Lower-case letters and digits only: titles differ in case, punctuation, LaTeX and spacing across sites. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\$[^$]*\$/g, (m) => m.replace(/[\\{}^_$]/g, ''))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Family name, lower-cased: "Ammanabrolu, Prithviraj" and "Prithviraj Ammanabrolu" agree. */
export function normaliseAuthor(author: string): string {
  const name = author.includes(',') ? author.split(',')[0] : author.trim().split(/\s+/).pop() ?? '';
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

