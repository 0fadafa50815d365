// The sites beyond arXiv and OpenReview where researchers meet papers. None is on by default:
// each is an optional host permission the user grants from the options page ("More sites"),
// and only then does the background register the content script there. The manifest
// (wxt.config.ts), the options page and the background all read this one list.

export interface OptionalSite {
  /** Stable id: storage, test ids, content-script registration ids. */
  id: string;
  /** Name shown in the options page. */
  label: string;
  /** One line: what the extension does on this site. */
  does: string;
  /** Host permission patterns asked for (and removed) together. */
  origins: readonly string[];
  /** Where the content script runs once granted (page types some feature handles). */
  matches: readonly string[];
}

export const OPTIONAL_SITES: readonly OptionalSite[] = [
  {
    id: 'huggingface-papers',
    label: 'Hugging Face Papers',
    does: 'The summary beside a paper page (huggingface.co/papers/<arXiv id>); a badge on each paper of the daily, weekly and monthly lists.',
    origins: ['*://huggingface.co/*'],
    matches: ['*://huggingface.co/papers*'],
  },
  {
    id: 'alphaxiv',
    label: 'alphaXiv',
    does: 'The summary beside a paper’s abstract and overview pages (alphaxiv.org/abs/<id>, /overview/<id>).',
    origins: ['*://www.alphaxiv.org/*', '*://alphaxiv.org/*'],
    matches: ['*://www.alphaxiv.org/*', '*://alphaxiv.org/*'],
  },
  {
    id: 'semantic-scholar',
    label: 'Semantic Scholar',
    does: 'The summary on a paper page (by its arXiv link, DOI or title); a badge on each search result that has one.',
    origins: ['*://www.semanticscholar.org/*'],
    matches: ['*://www.semanticscholar.org/paper/*', '*://www.semanticscholar.org/search*'],
  },
  {
    id: 'google-scholar',
    label: 'Google Scholar',
    does: 'A badge on each search result that has a summary (matched by arXiv link or title and first author).',
    origins: ['*://scholar.google.com/*'],
    matches: ['*://scholar.google.com/scholar*'],
  },
  {
    id: 'neurips',
    label: 'NeurIPS proceedings',
    does: 'The summary on a paper’s abstract page (proceedings.neurips.cc, papers.nips.cc), matched by its citation tags.',
    origins: ['*://proceedings.neurips.cc/*', '*://papers.nips.cc/*', '*://papers.neurips.cc/*'],
    matches: ['*://proceedings.neurips.cc/paper*', '*://papers.nips.cc/paper*', '*://papers.neurips.cc/paper*'],
  },
  {
    id: 'pmlr',
    label: 'PMLR (ICML, AISTATS, COLT…)',
    does: 'The summary on a paper’s page in the Proceedings of Machine Learning Research, matched by its citation tags.',
    origins: ['*://proceedings.mlr.press/*'],
    matches: ['*://proceedings.mlr.press/*'],
  },
  {
    id: 'cvf',
    label: 'CVF open access (CVPR, ICCV, WACV)',
    does: 'The summary on a paper’s page at openaccess.thecvf.com, matched by its citation tags.',
    origins: ['*://openaccess.thecvf.com/*'],
    matches: ['*://openaccess.thecvf.com/*'],
  },
  {
    id: 'acl-anthology',
    label: 'ACL Anthology',
    does: 'The summary on a paper’s page at aclanthology.org, matched by its DOI or citation tags.',
    origins: ['*://aclanthology.org/*'],
    matches: ['*://aclanthology.org/*'],
  },
];

export const siteById = (id: string): OptionalSite | undefined => OPTIONAL_SITES.find((s) => s.id === id);

/** Every optional host pattern (the manifest's optional host permissions). */
export const OPTIONAL_ORIGINS: readonly string[] = OPTIONAL_SITES.flatMap((s) => s.origins);

/** Content-script registration id of a site: ours alone, so stale ones can be found and removed. */
export const scriptIdOf = (site: OptionalSite): string => `summary-lens-site-${site.id}`;
