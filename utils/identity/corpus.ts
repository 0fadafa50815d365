// Aliases the corpus (shipped pack and imported packs) gives a paper, and the corpus row an old
// note key named. Used by the schema migration and the background.
import type { SummaryRow } from '../db';
import { aliasesOf, arxivAlias, openreviewAlias, titleAlias, type PaperFacts } from './aliases';
import { compatible } from './resolve';

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

/**
 * Whether a corpus row found for a page can be that page's paper: a row matched by title whose
 * ids differ from the ids the page shows is another paper (same title, another arXiv id).
 */
export function corpusRowFits(page: PaperFacts, row: Pick<SummaryRow, 'id' | 'arxivId' | 'openreviewId' | 'paper'>): boolean {
  return compatible([...aliasesOf(page), ...corpusAliases(row)]);
}
