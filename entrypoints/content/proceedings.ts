// Shared by the proceedings sites' features (NeurIPS, PMLR, CVF, ACL Anthology): the paper is
// named by the page's citation_* meta tags (DOI, title, first author; an arXiv id where one is
// given); the panel goes where the feature says.
import { citationRef } from '@/utils/detect';
import { mountPanel, type PanelPlacement } from './mount-panel';

export async function mountProceedingsPanel(signal: AbortSignal, placement: PanelPlacement | null): Promise<void> {
  const ref = citationRef(document);
  if (!ref || !placement || signal.aborted) return;
  await mountPanel(signal, ref, placement);
}
