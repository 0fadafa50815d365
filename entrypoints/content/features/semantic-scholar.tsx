// Semantic Scholar: on a paper page the panel above the abstract (the paper named by its arXiv
// link, DOI or citation tags); on search results a badge beside each paper that has a summary.
// Both are rendered by a single-page app, so we wait for them.
import { isSemanticScholarPaper, isSemanticScholarSearch, semanticScholarRef, semanticScholarResults } from '@/utils/detect';
import { waitFor } from '../dom';
import { badgeListedPapers } from '../list-badges';
import { mountPanel } from '../mount-panel';
import { placeBeforeOrAfter } from '../site-pages';
import type { Feature } from '../runner';

/** Above the abstract, else under the header block with title and authors. */
export const semanticScholarPlacement = (doc: Document) =>
  placeBeforeOrAfter(
    doc.querySelector('[data-test-id="abstract-text"]')?.closest('.fresh-paper-detail-page__abstract, div') ?? null,
    doc.querySelector('[data-test-id="paper-detail-page-header"], .fresh-paper-detail-page__header') ?? doc.querySelector('h1[data-test-id="paper-detail-title"]'),
  );

const feature: Feature = {
  name: 'semantic-scholar',
  include: [isSemanticScholarPaper, isSemanticScholarSearch],
  async init(signal) {
    if (isSemanticScholarSearch(location)) return badgeListedPapers(signal, () => semanticScholarResults(document));
    const placement = await waitFor(() => semanticScholarPlacement(document), signal, 10_000);
    const ref = semanticScholarRef(document);
    if (!ref || !placement || signal.aborted) return;
    await mountPanel(signal, ref, placement);
  },
};

export default feature;

/* Test URLs
https://www.semanticscholar.org/search?q=mixmatch (open MixMatch: its page links arXiv)
https://www.semanticscholar.org/search?q=supervised%20contrastive%20learning
*/
