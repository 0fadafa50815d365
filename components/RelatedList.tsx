// CONTRACT (owned by the related-papers work, issue 8): the related papers and background
// concepts of a summary, used by the panel, the side panel and the popup summary view.
// Temporary placeholder until it lands.
import type { SummaryView } from '@/utils/messaging/client';

export interface RelatedListProps {
  summary: SummaryView;
  /** Where a concept opens: 'popup'/'sidepanel' show it in place; 'page' opens the extension page. */
  context: 'panel' | 'popup' | 'sidepanel';
}

export function RelatedList(_props: RelatedListProps) {
  return null;
}
