// Reads the reviewed paper identifications (data/papers.json) and attaches them to summaries.
import { readFileSync, existsSync } from 'node:fs';
import { PaperMetaSchema, type PaperMeta } from '../../utils/corpus/pack';
import { z } from 'zod';

export const PaperEntrySchema = PaperMetaSchema.extend({ summaryId: z.string() });
export type PaperEntry = z.infer<typeof PaperEntrySchema>;

export function loadPapers(path: string): Map<string, PaperMeta> {
  if (!existsSync(path)) return new Map();
  const entries = z.array(PaperEntrySchema).parse(JSON.parse(readFileSync(path, 'utf8')));
  return new Map(entries.map(({ summaryId, ...meta }) => [summaryId, meta]));
}

export function unidentified(reason: string): PaperMeta {
  return { arxivId: null, openreviewId: null, title: null, authors: [], year: null, venue: null, confidence: 'none', evidence: [], reason };
}
