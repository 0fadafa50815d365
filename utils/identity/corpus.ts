// Aliases the corpus (shipped pack and imported packs) gives a paper, and the corpus row an old
// note key named. Used by the schema migration and the background.
import type { SummaryRow } from '../db';
import { arxivAlias, openreviewAlias, titleAlias } from './aliases';

/** Every alias a corpus row names: its ids, its title + first author, its summary id. */
export function corpusAliases(row: Pick<SummaryRow, 'id' | 'arxivId' | 'openreviewId' | 'paper'>): string[] {
  const found = [arxivAlias(row.arxivId), openreviewAlias(row.openreviewId), titleAlias(row.paper.title, row.paper.authors[0]), `summary:${row.id}`];
  return found.filter((a): a is string => a !== null);
}

/** The aliases an old note key (arxiv:/openreview:/title:/summary:) stands for: itself, and its canonical arXiv form. */
export function legacyKeyAliases(key: string): string[] {
  if (!key.startsWith('arxiv:')) return [key];
  const canonical = arxivAlias(key.slice(6));
  return canonical && canonical !== key ? [key, canonical] : [key];
}
