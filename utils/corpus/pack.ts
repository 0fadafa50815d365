import { z } from 'zod';

// The corpus pack: the one JSON format the build writes and a user may import.
export const PACK_FORMAT = 'summary-lens-pack';
export const PACK_SCHEMA_VERSION = 1;

const Evidence = z.object({ source: z.string().max(2000), matched: z.string().max(4000) });

export const PaperMetaSchema = z.object({
  arxivId: z.string().max(64).nullable(),
  openreviewId: z.string().max(64).nullable(),
  title: z.string().max(1000).nullable(),
  authors: z.array(z.string().max(300)).max(500),
  year: z.number().int().min(1900).max(2100).nullable(),
  venue: z.string().max(300).nullable(),
  confidence: z.enum(['high', 'medium', 'low', 'none']),
  evidence: z.array(Evidence).max(50),
  reason: z.string().max(4000).nullable(),
});
export type PaperMeta = z.infer<typeof PaperMetaSchema>;

export const RelatedSchema = z.object({
  kind: z.enum(['mentioned', 'similar']),
  summaryId: z.string().max(64).nullable(),
  arxivId: z.string().max(64).nullable(),
  title: z.string().max(1000).nullable(),
  score: z.number().nullable(),
});
export type Related = z.infer<typeof RelatedSchema>;

export const PackSummarySchema = z.object({
  id: z.string().min(1).max(64),
  markdown: z.string().max(500_000),
  html: z.string().max(2_000_000),
  truncated: z.boolean(),
  sources: z.array(z.string().max(500)).max(50),
  paper: PaperMetaSchema,
  related: z.array(RelatedSchema).max(100),
  concepts: z.array(z.object({ conceptId: z.string().max(64), score: z.number() })).max(20),
});
export type PackSummary = z.infer<typeof PackSummarySchema>;

export const PackConceptSchema = z.object({
  id: z.string().min(1).max(64),
  module: z.string().max(300),
  title: z.string().max(500),
  markdown: z.string().max(500_000),
  html: z.string().max(2_000_000),
});
export type PackConcept = z.infer<typeof PackConceptSchema>;

export const PackSchema = z.object({
  format: z.literal(PACK_FORMAT),
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  id: z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9._-]*$/i, 'pack id: letters, digits, . _ -'),
  name: z.string().min(1).max(200),
  corpusVersion: z.string().min(1).max(100),
  createdAt: z.string().max(100),
  summaries: z.array(PackSummarySchema).max(200_000),
  concepts: z.array(PackConceptSchema).max(50_000),
});
export type Pack = z.infer<typeof PackSchema>;

/** The id of the pack that ships inside the extension. */
export const BUILTIN_PACK_ID = 'builtin';

/** public/corpus/version.json: which corpus the extension ships, read on every worker start. */
export const ShippedVersionSchema = z.object({
  corpusVersion: z.string().min(1).max(100),
  schemaVersion: z.number().int(),
});
