// Related papers and background concepts per summary, computed at build time.
// (First version: none yet; filled by the related-papers work.)
import type { PaperMeta, Related } from '../../utils/corpus/pack';
import type { RawSummary } from './parse-summaries';
import type { ConceptSection } from './parse-concepts';

export interface Relations {
  related: Map<string, Related[]>;
  concepts: Map<string, { conceptId: string; score: number }[]>;
}

export function computeRelations(_summaries: RawSummary[], _concepts: ConceptSection[], _papers: Map<string, PaperMeta>): Relations {
  return { related: new Map(), concepts: new Map() };
}
