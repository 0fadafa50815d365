// alphaXiv: on a paper's abstract and overview pages (alphaxiv.org/abs/<id>, /overview/<id>) the
// panel under the paper's title. alphaXiv is a single-page app: the runner re-runs this on every
// URL change and the title may arrive after the URL, so we wait for it.
import { alphaxivArxivId, isAlphaxivPaper } from '@/utils/detect';
import { waitFor } from '../dom';
import { mountPanel } from '../mount-panel';
import { placeBeforeOrAfter, readHtmlDarkClass } from '../site-pages';
import type { Feature } from '../runner';

/** Under the title heading (its wrapper when the heading sits in a title row). */
export const alphaxivPlacement = (doc: Document) => {
  const title = doc.querySelector('main h1, h1');
  return placeBeforeOrAfter(null, title?.closest('header') ?? title, readHtmlDarkClass);
};

const feature: Feature = {
  name: 'alphaxiv',
  include: [isAlphaxivPaper],
  async init(signal) {
    const arxivId = alphaxivArxivId(location);
    const placement = await waitFor(() => alphaxivPlacement(document), signal, 10_000);
    if (!arxivId || !placement || signal.aborted) return;
    await mountPanel(signal, { arxivId }, placement);
  },
};

export default feature;

/* Test URLs
https://www.alphaxiv.org/abs/2103.03206 (Perceiver: summary)
https://www.alphaxiv.org/overview/2103.03206 (same paper, overview)
https://www.alphaxiv.org/abs/1706.03762 (no summary)
*/
