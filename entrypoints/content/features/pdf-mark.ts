// PDF tabs (arXiv, OpenReview): the toolbar button's mark for the paper. Chromium runs content
// scripts in its PDF viewer's page, so the background needs no event for every tab of the
// browser; the side panel shows the summary. (Firefox's viewer runs none: its background watches
// these URLs with a filtered tabs.onUpdated instead.)
import { isArxivPdf, isOpenReviewPdf } from '@/utils/detect';
import { sendMessage } from '@/utils/messaging/client';
import type { Feature } from '../runner';

const feature: Feature = {
  name: 'pdf-mark',
  include: [isArxivPdf, isOpenReviewPdf],
  async init(signal) {
    if (!signal.aborted) await sendMessage('markTab', {});
  },
};

export default feature;

/* Test URLs
https://arxiv.org/pdf/2006.07589v2
https://arxiv.org/pdf/1706.03762
https://export.arxiv.org/pdf/2006.07589
https://openreview.net/pdf?id=SylKikSYDH
*/
