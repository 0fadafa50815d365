// CVF open access (CVPR, ICCV, WACV and workshops): on a paper's page the panel under the
// authors line (`#authors`), above the "Abstract" heading.
import { isCvfPaper } from '@/utils/detect';
import { mountProceedingsPanel } from '../proceedings';
import { placeBeforeOrAfter } from '../site-pages';
import type { Feature } from '../runner';

export const cvfPlacement = (doc: Document) => placeBeforeOrAfter(null, doc.querySelector('#authors') ?? doc.querySelector('#papertitle'));

const feature: Feature = {
  name: 'cvf',
  include: [isCvfPaper],
  init: (signal) => mountProceedingsPanel(signal, cvfPlacement(document)),
};

export default feature;

/* Test URLs
https://openaccess.thecvf.com/content/CVPR2022/html/Cole_When_Does_Contrastive_Visual_Representation_Learning_Work_CVPR_2022_paper.html (summary by title + first author)
https://openaccess.thecvf.com/content_CVPR_2019/html/Karras_A_Style-Based_Generator_Architecture_for_Generative_Adversarial_Networks_CVPR_2019_paper.html
*/
