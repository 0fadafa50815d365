// Hugging Face Papers: on a paper page (huggingface.co/papers/<arXiv id>) the panel above the
// abstract; on the daily, weekly and monthly lists a badge beside each paper that has a summary.
// Hugging Face renders its pages on the server and hydrates them; its dark mode is a class on <html>.
import { huggingFaceArxivId, huggingFaceListed, isHuggingFaceList, isHuggingFacePaper } from '@/utils/detect';
import { waitFor } from '../dom';
import { badgeListedPapers } from '../list-badges';
import { mountPanel } from '../mount-panel';
import { headingNamed, placeBeforeOrAfter, readHtmlDarkClass } from '../site-pages';
import type { Feature } from '../runner';

/** Above the "Abstract" heading of the paper's section, else under the title. */
export const huggingFacePlacement = (doc: Document) =>
  placeBeforeOrAfter(headingNamed(doc, 'main h2, h2', /^abstract$/i), doc.querySelector('main h1, h1'), readHtmlDarkClass);

const feature: Feature = {
  name: 'huggingface-papers',
  include: [isHuggingFacePaper, isHuggingFaceList],
  async init(signal) {
    if (isHuggingFaceList(location)) return badgeListedPapers(signal, () => huggingFaceListed(document));
    const arxivId = huggingFaceArxivId(location);
    const placement = await waitFor(() => huggingFacePlacement(document), signal, 5000);
    if (!arxivId || !placement || signal.aborted) return;
    await mountPanel(signal, { arxivId }, placement);
  },
};

export default feature;

/* Test URLs
https://huggingface.co/papers/2004.11362 (Supervised Contrastive Learning: summary)
https://huggingface.co/papers/2408.00714 (SAM 2: no summary)
https://huggingface.co/papers (today's list; open a paper from it)
https://huggingface.co/papers/date/2025-03-05
*/
