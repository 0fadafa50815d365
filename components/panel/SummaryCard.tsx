// The body of one summary — title, authors/year/venue, the rendered summary, its source and a
// truncation mark. Shared by the in-page panel, the side panel and the popup (style:
// components/panel/summary.css, scoped under .sl-summary).
import { useId } from 'react';
import type { SummaryView } from '@/utils/messaging/client';
import { SafeHtml } from './SafeHtml';
import { useSettings } from '../hooks/use-settings';

export interface SummaryCardProps {
  summary: SummaryView;
  /** Overrides the `autoLoadImages` setting (the panel passes the value it already has). */
  autoLoadImages?: boolean;
  /** Heading level of the paper title inside the host view. */
  headingLevel?: 2 | 3 | 4;
  /** Hide the title (when the host view already shows it). */
  hideTitle?: boolean;
  /** The host view caps the body's height (it scrolls): make it a keyboard-reachable region. */
  scrollable?: boolean;
}

export function SummaryCard({ summary, autoLoadImages, headingLevel = 2, hideTitle = false, scrollable = false }: SummaryCardProps) {
  const settings = useSettings();
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const { paper } = summary;
  const meta = [formatAuthors(paper.authors), paper.year ? String(paper.year) : null, paper.venue].filter(Boolean).join(' · ');
  return (
    <article className="sl-summary" aria-labelledby={hideTitle ? undefined : titleId} aria-label={hideTitle ? 'Summary' : undefined}>
      {!hideTitle && (
        <Heading id={titleId} className="sl-summary-title">
          {paper.title ?? 'Untitled paper'}
        </Heading>
      )}
      {meta && (
        <p className="sl-summary-meta" title={paper.authors.length > 3 ? paper.authors.join(', ') : undefined}>
          {meta}
        </p>
      )}
      <SafeHtml
        className="sl-summary-body"
        html={summary.html}
        autoLoadImages={autoLoadImages ?? settings.autoLoadImages}
        scrollRegionLabel={scrollable ? 'Summary text' : undefined}
      />
      <p className="sl-summary-source">
        <span>
          Summary from <SummarySource sources={summary.sources} />
        </span>
        {summary.truncated && (
          <span className="sl-badge sl-badge-warn" title="The source text of this summary stops mid-way; the rest was not available.">
            Truncated in source
          </span>
        )}
      </p>
    </article>
  );
}

/** "A. One, B. Two and C. Three" or "A. One, B. Two et al." */
export function formatAuthors(authors: readonly string[]): string | null {
  if (authors.length === 0) return null;
  if (authors.length <= 3) return authors.length === 1 ? authors[0] : `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
  return `${authors.slice(0, 2).join(', ')} et al.`;
}

// The shipped corpus comes from ShortScience.org (seed files NNN_<hash>.txt); an imported pack
// may name its own sources.
const SHORTSCIENCE_SEED = /^\d{3}_[0-9a-f]+\.txt\b/;

/** Where a summary comes from, linked when it is ShortScience.org. */
export function SummarySource({ sources }: { sources: readonly string[] }) {
  if (sources.length === 0 || sources.some((s) => SHORTSCIENCE_SEED.test(s))) {
    return (
      <a href="https://www.shortscience.org/" target="_blank" rel="noopener noreferrer">
        ShortScience.org
      </a>
    );
  }
  return <>{sources.join(', ')}</>;
}
