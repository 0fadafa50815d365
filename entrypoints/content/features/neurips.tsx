// NeurIPS proceedings (proceedings.neurips.cc, papers.nips.cc): on a paper's abstract page the
// panel above the "Abstract" heading. The page is static: title, "Authors" and "Abstract" as h4s.
import { isNeuripsPaper } from '@/utils/detect';
import { mountProceedingsPanel } from '../proceedings';
import { headingNamed, placeBeforeOrAfter } from '../site-pages';
import type { Feature } from '../runner';

export const neuripsPlacement = (doc: Document) => placeBeforeOrAfter(headingNamed(doc, 'h4', /^abstract$/i), doc.querySelector('h4'));

const feature: Feature = {
  name: 'neurips',
  include: [isNeuripsPaper],
  init: (signal) => mountProceedingsPanel(signal, neuripsPlacement(document)),
};

export default feature;

/* Test URLs
https://proceedings.neurips.cc/paper/2020/hash/d89a66c7c80a29b1bdbab0f2a1a94af8-Abstract.html (Supervised Contrastive Learning: summary by title + first author)
https://papers.nips.cc/paper_files/paper/2019/hash/0234c510bc6d908b28c70ff313743079-Abstract.html
*/
