// The related papers and background concepts of a summary, in the in-page panel, the
// side panel and the popup summary view. Three lists: papers the summary mentions, the most
// similar summaries, and course-notes sections on its foundations.
// - A paper opens its arXiv abstract page (or OpenReview forum when only that is known) in a
//   new tab: a plain link, so the browser's own new-tab handling and modifiers apply.
// - A concept opens inside the extension: in the popup and side panel right here, below its
//   entry; from the in-page panel on the concept page in a new tab (a content script cannot
//   reliably open extension pages by link, so the background opens it: `openConcept`).
// Styles: related.css, imported here, so every bundle that renders this list carries
// them (for the in-page panel WXT puts them in the content script's CSS, which
// createShadowRootUi loads into the panel's shadow root).
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Related } from '@/utils/corpus/pack';
import { sendMessage, type SummaryView } from '@/utils/messaging/client';
import { ConceptView } from './ConceptView';
import './related.css';

export interface RelatedListProps {
  summary: SummaryView;
  /** Where a concept opens: 'popup'/'sidepanel' show it in place; 'panel' opens the extension's concept page. */
  context: 'panel' | 'popup' | 'sidepanel';
}

export function RelatedList({ summary, context }: RelatedListProps) {
  const mentioned = summary.related.filter((r) => r.kind === 'mentioned');
  const similar = summary.related.filter((r) => r.kind === 'similar');
  const links = usePaperLinks(summary.related);
  const headingId = useId();
  if (mentioned.length === 0 && similar.length === 0 && summary.concepts.length === 0) return null;
  return (
    <section className={`sl-related sl-related-${context}`} aria-labelledby={headingId} data-testid="related">
      <h3 id={headingId} className="sl-related-heading">
        Related
      </h3>
      {mentioned.length > 0 && (
        <Group title="Mentioned" hint="Papers this summary links to or names">
          {mentioned.map((r, i) => (
            <PaperItem key={`m${i}`} entry={r} href={links.get(r)} />
          ))}
        </Group>
      )}
      {similar.length > 0 && (
        <Group title="Similar" hint="Summaries closest in content">
          {similar.map((r, i) => (
            <PaperItem key={`s${i}`} entry={r} href={links.get(r)} />
          ))}
        </Group>
      )}
      {summary.concepts.length > 0 && (
        <Group title="Background concepts" hint="CS7643 course-notes sections on the foundations">
          {summary.concepts.map((c) => (
            <ConceptItem key={c.id} concept={c} context={context} />
          ))}
        </Group>
      )}
    </section>
  );
}

function Group({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="sl-related-group">
      <h4 id={id} className="sl-related-group-title" title={hint}>
        {title}
      </h4>
      <ul className="sl-related-list" aria-labelledby={id}>
        {children}
      </ul>
    </div>
  );
}

function PaperItem({ entry, href }: { entry: Related; href: string | null | undefined }) {
  const label = entry.title ?? (entry.arxivId ? `arXiv:${entry.arxivId}` : 'Untitled paper');
  const where = entry.arxivId ? `arXiv:${entry.arxivId}` : href?.includes('openreview.net') ? 'OpenReview' : null;
  const meta = [where, entry.kind === 'mentioned' && !entry.summaryId ? 'no summary' : null].filter(Boolean).join(' · ');
  return (
    <li className="sl-related-item" data-kind={entry.kind} data-summary-id={entry.summaryId ?? undefined} data-arxiv-id={entry.arxivId ?? undefined}>
      {href ? (
        <a className="sl-related-link" href={href} target="_blank" rel="noopener noreferrer">
          {label}
          <span className="sl-visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <span className="sl-related-text">{label}</span>
      )}
      {meta && <span className="sl-related-meta">{meta}</span>}
    </li>
  );
}

function ConceptItem({ concept, context }: { concept: SummaryView['concepts'][number]; context: RelatedListProps['context'] }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const regionId = useId();
  if (context === 'panel') {
    const openInTab = () => {
      setError(null);
      sendMessage('openConcept', { id: concept.id }).catch((e: Error) => setError(e.message));
    };
    return (
      <li className="sl-related-item" data-kind="concept" data-concept-id={concept.id}>
        <button type="button" className="sl-related-concept" onClick={openInTab}>
          {concept.title}
          <span className="sl-visually-hidden"> (opens the course notes in a new tab)</span>
        </button>
        <span className="sl-related-meta">{shortModule(concept.module)}</span>
        {error && (
          <span className="sl-error sl-related-meta" role="alert">
            {error}
          </span>
        )}
      </li>
    );
  }
  return (
    <li className="sl-related-item" data-kind="concept" data-concept-id={concept.id}>
      <button type="button" className="sl-related-concept" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
        <span className="sl-related-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {concept.title}
      </button>
      <span className="sl-related-meta">{shortModule(concept.module)}</span>
      <div id={regionId} className="sl-related-concept-view" hidden={!open}>
        {open && <ConceptView id={concept.id} headingLevel={5} />}
      </div>
    </li>
  );
}

/** "CS7643 Module 2: Convolutional Neural Networks" -> "Module 2: Convolutional Neural Networks". */
const shortModule = (module: string) => module.replace(/^CS7643\s+/, '');

/**
 * Where each related paper opens: its arXiv abstract page when the arXiv id is known, else the
 * OpenReview forum of a corpus paper that has one (looked up once; imported packs may hold
 * OpenReview-only papers), else nowhere (shown as text).
 */
function usePaperLinks(related: Related[]): Map<Related, string | null> {
  const [openreview, setOpenreview] = useState<Record<string, string | null>>({});
  const pending = related.filter((r) => !r.arxivId && r.summaryId && !(r.summaryId in openreview)).map((r) => r.summaryId!);
  const pendingKey = [...new Set(pending)].sort().join(',');
  useEffect(() => {
    if (!pendingKey) return;
    let stale = false;
    void Promise.all(
      pendingKey.split(',').map((id) =>
        sendMessage('getSummary', { id }).then(
          (s) => [id, s?.paper.openreviewId ?? null] as const,
          () => [id, null] as const,
        ),
      ),
    ).then((pairs) => !stale && setOpenreview((known) => ({ ...known, ...Object.fromEntries(pairs) })));
    return () => {
      stale = true;
    };
  }, [pendingKey]);
  return new Map(
    related.map((r) => {
      if (r.arxivId) return [r, `https://arxiv.org/abs/${r.arxivId}`];
      const forum = r.summaryId ? openreview[r.summaryId] : null;
      return [r, forum ? `https://openreview.net/forum?id=${encodeURIComponent(forum)}` : null];
    }),
  );
}
