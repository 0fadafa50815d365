// ACL Anthology: on a paper's page the panel between the title/authors and the abstract card.
import { isAclPaper } from '@/utils/detect';
import { mountProceedingsPanel } from '../proceedings';
import { placeBeforeOrAfter } from '../site-pages';
import type { Feature } from '../runner';

export const aclPlacement = (doc: Document) =>
  placeBeforeOrAfter(doc.querySelector('.acl-abstract')?.closest('.card') ?? null, doc.querySelector('#main p.lead') ?? doc.querySelector('#title'));

const feature: Feature = {
  name: 'acl-anthology',
  include: [isAclPaper],
  init: (signal) => mountProceedingsPanel(signal, aclPlacement(document)),
};

export default feature;

/* Test URLs
https://aclanthology.org/P19-1472/ (HellaSwag: summary by DOI's title + first author)
https://aclanthology.org/N19-1423/ (BERT: no summary)
*/
