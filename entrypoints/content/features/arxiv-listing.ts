// arXiv listing pages (category lists, search results, author pages): one batched lookupMany
// for the whole page, then a "Summary" badge on every listed paper that has one (drawn by
// ../ui/listing-ui.tsx, loaded only when the page lists such a paper).
import { isArxivListing, listedArxivIds } from '@/utils/detect';
import { sendMessage } from '@/utils/messaging/client';
import { afterPageLoad } from '../after-load';
import { PANEL_DEADLINE_MS } from '../mount-panel';
import type { Feature } from '../runner';
import { loadContentUi } from '../ui-api';

const arxivListing: Feature = {
  name: 'arxiv-listing',
  include: [isArxivListing],
  async init(signal) {
    const entries = listedArxivIds(document);
    if (entries.length === 0) return;
    // The protocol caps a request at 500 ids; a "show all" month list can hold 2,000 entries.
    const ids = [...new Set(entries.map((e) => e.arxivId))];
    const found: Record<string, { summaryId: string; title: string | null }> = {};
    for (let i = 0; i < ids.length; i += 500) {
      Object.assign(found, (await sendMessage('lookupMany', { arxivIds: ids.slice(i, i + 500) })).found);
      if (signal.aborted) return;
    }
    const hits = entries.filter((e) => found[e.arxivId]).map((paper) => ({ paper, hit: found[paper.arxivId] }));
    if (hits.length === 0) return;
    await afterPageLoad(PANEL_DEADLINE_MS);
    if (signal.aborted) return;
    const ui = await loadContentUi();
    if (!signal.aborted) await ui.showListingBadges(signal, hits);
  },
};

export default arxivListing;

/* Test URLs
https://arxiv.org/list/cs.LG/new
https://arxiv.org/list/cs.LG/recent
https://arxiv.org/list/cs.LG/pastweek?show=1000
https://arxiv.org/list/cs.LG/2006 (June 2020: 5 corpus papers among the first entries)
https://arxiv.org/search/?query=contrastive+learning&searchtype=all (search results, absolute links)
https://arxiv.org/a/finn_c_1 (author page: 2 corpus papers)
*/
