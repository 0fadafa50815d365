// The one protocol between content scripts, extension pages and the background.
// Every request type has a zod schema, checked on receipt; responses are typed here.
import { z } from 'zod';
import { PaperRefSchema } from '../paper-ref';
import type { PackConcept, PaperMeta, Related } from '../corpus/pack';

export const requestSchemas = {
  ping: z.object({}).strict(),
  /** The summary (or none) for the paper a page shows. */
  lookupPaper: z.object({ ref: PaperRefSchema }).strict(),
  /** Which of these arXiv ids have summaries (listing-page badges). */
  lookupMany: z.object({ arxivIds: z.array(z.string().max(64)).max(500) }).strict(),
  getSummary: z.object({ id: z.string().max(64) }).strict(),
  getConcept: z.object({ id: z.string().max(64) }).strict(),
} as const;

export type RequestType = keyof typeof requestSchemas;
export type RequestOf<K extends RequestType> = z.infer<(typeof requestSchemas)[K]>;

export interface DbStatus {
  ready: boolean;
  summaries: number;
  concepts: number;
  corpusVersion: string | null;
  /** Set when seeding or opening failed: shown to the user instead of a blank panel. */
  error: string | null;
}

export interface SummaryView {
  id: string;
  paper: PaperMeta;
  html: string;
  truncated: boolean;
  sources: string[];
  related: Related[];
  concepts: { id: string; title: string; module: string }[];
}

export interface ResponseMap {
  ping: { version: string; db: DbStatus };
  lookupPaper: { paperKey: string | null; summary: SummaryView | null };
  lookupMany: { found: Record<string, { summaryId: string; title: string | null }> };
  getSummary: SummaryView | null;
  getConcept: PackConcept | null;
}

export type ErrorCode = 'bad-request' | 'unknown-type' | 'forbidden' | 'internal' | 'not-ready';
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
