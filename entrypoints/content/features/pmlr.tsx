// PMLR (ICML, AISTATS, COLT…): on a paper's page the panel above the abstract's heading, under
// the title, authors and volume line.
import { isPmlrPaper } from '@/utils/detect';
import { mountProceedingsPanel } from '../proceedings';
import { headingNamed, placeBeforeOrAfter } from '../site-pages';
import type { Feature } from '../runner';

export const pmlrPlacement = (doc: Document) =>
  placeBeforeOrAfter(headingNamed(doc, 'h2', /^abstract$/i) ?? doc.querySelector('#abstract'), doc.querySelector('#info, h1'));

const feature: Feature = {
  name: 'pmlr',
  include: [isPmlrPaper],
  init: (signal) => mountProceedingsPanel(signal, pmlrPlacement(document)),
};

export default feature;

/* Test URLs
https://proceedings.mlr.press/v139/jaegle21a.html (Perceiver: summary by title + first author)
https://proceedings.mlr.press/v54/mcmahan17a.html (Federated learning, AISTATS 2017)
*/
