// arXiv abstract pages (any version, any arXiv host): the panel beside the paper's metadata.
import { isArxivAbs, paperRefFromDocument } from '@/utils/detect';
import { mountPanel, type PanelPlacement } from '../mount-panel';
import type { Feature } from '../runner';

/**
 * Since 2024 the right column starts with "Access Paper:" and the panel goes above the abstract,
 * where it has room; older pages ("Download:") get it at the top of the right column.
 */
export function absPlacement(doc: Document): PanelPlacement | null {
  const abstract = doc.querySelector('#abs blockquote.abstract, blockquote.abstract');
  const column = doc.querySelector('.extra-services');
  const currentLayout = [...doc.querySelectorAll('.extra-services .full-text h2')].some((h) => /access paper/i.test(h.textContent ?? ''));
  if (abstract && (currentLayout || !column)) {
    // Line up with the title and authors on the left, with the abstract's text on the right.
    const authors = doc.querySelector('#abs .authors, .authors') ?? abstract;
    const inset = (host: HTMLElement) => {
      const box = host.getBoundingClientRect();
      return { left: Math.max(0, authors.getBoundingClientRect().left - box.left), right: Math.max(0, box.right - abstract.getBoundingClientRect().right) };
    };
    return { anchor: abstract, append: 'before', layout: 'wide', inset };
  }
  if (column) return { anchor: column, append: 'first', layout: 'column' };
  return null;
}

const feature: Feature = {
  name: 'arxiv-abs',
  include: [isArxivAbs],
  async init(signal) {
    const ref = paperRefFromDocument(document, location);
    const placement = absPlacement(document);
    if (!ref || !placement) return;
    await mountPanel(signal, ref, placement);
  },
};

export default feature;

/* Test URLs
https://arxiv.org/abs/1911.05507 (Compressive Transformers: summary, images)
https://arxiv.org/abs/1911.05507v1 (same paper, with a version)
https://arxiv.org/abs/1701.05369 (Variational Dropout: summary with math)
https://arxiv.org/abs/2106.09608 (older page layout, no summary)
https://export.arxiv.org/abs/2003.10555
https://arxiv.org/abs/hep-th/9901001 (old-style id)
*/
