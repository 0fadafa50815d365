// OpenReview venue and group pages (openreview.net/group?id=…), when switched on in "More sites"
// (OpenReview is a default site, so this needs no permission): a badge beside each listed paper
// that has a summary. The lists are rendered (and their tabs switched) by the single-page app,
// so papers that appear later get their badges too.
import { isOpenReviewVenue, openreviewListed } from '@/utils/detect';
import { openreviewVenuesItem } from '@/utils/settings';
import { badgeListedPapers } from '../list-badges';
import type { Feature } from '../runner';

const feature: Feature = {
  name: 'openreview-venue',
  include: [isOpenReviewVenue],
  async init(signal) {
    if (!(await openreviewVenuesItem.getValue()) || signal.aborted) return;
    await badgeListedPapers(signal, () => openreviewListed(document));
  },
};

export default feature;

/* Test URLs
https://openreview.net/group?id=ICLR.cc/2020/Conference (Compressive Transformers: summary)
https://openreview.net/group?id=ICLR.cc/2024/Conference
*/
