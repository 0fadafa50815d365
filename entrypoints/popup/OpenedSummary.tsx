// A search result opened inside the popup: the summary (sanitized, math rendered), your notes,
// related papers, and buttons to open the paper's page or the side panel.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type SummaryView } from '@/utils/messaging/client';
import { canOpenSidePanel, openSidePanel } from '@/utils/sidepanel';
import type { PaperRef } from '@/utils/paper-ref';
import { NotesEditor } from '@/components/notes/NotesEditor';
import { RelatedList } from '@/components/related/RelatedList';
import { SummaryCard } from '@/components/panel/SummaryCard';
import { ensureKatexStyle } from '@/components/katex';
import { paperPageUrl } from './paper-page';

ensureKatexStyle();

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; summary: SummaryView; paperKey: string };

function refOf(paper: SummaryView['paper']): PaperRef {
  const ref: PaperRef = {};
  if (paper.arxivId) ref.arxivId = paper.arxivId;
  if (paper.openreviewId) ref.openreviewId = paper.openreviewId;
  if (paper.title) ref.title = paper.title;
  if (paper.authors[0]) ref.firstAuthor = paper.authors[0];
  return ref;
}

export function OpenedSummary({ summaryId }: { summaryId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Read before any click: Chromium opens the side panel only inside the click's user gesture.
  const [windowId, setWindowId] = useState<number | undefined>();
  const [panelError, setPanelError] = useState<string | null>(null);

  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id ?? undefined), () => {});
  }, []);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    (async () => {
      const summary = await sendMessage('getSummary', { id: summaryId });
      if (!summary) throw new Error('This summary is no longer installed (its pack may have been removed).');
      // The background owns the notes key of a paper (and records the view for "Recently viewed").
      const { paperKey, summary: found } = await sendMessage('lookupPaper', { ref: refOf(summary.paper) });
      if (found?.id !== summaryId) await sendMessage('recordView', { summaryId });
      return { summary, paperKey: paperKey ?? `summary:${summaryId}` };
    })().then(
      ({ summary, paperKey }) => live && setState({ kind: 'ready', summary, paperKey }),
      (e: Error) => live && setState({ kind: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [summaryId]);

  if (state.kind === 'loading') return <p className="sl-muted" role="status">Loading summary…</p>;
  if (state.kind === 'error')
    return (
      <p role="alert" className="sl-error">
        {state.message}
      </p>
    );

  const { summary, paperKey } = state;
  const page = paperPageUrl(summary.paper);
  return (
    <div className="sl-opened" data-testid="opened-summary" data-summary-id={summary.id}>
      <div className="sl-actions">
        {page && (
          <button type="button" className="sl-button" onClick={() => void browser.tabs.create({ url: page })}>
            {summary.paper.arxivId ? 'Open on arXiv' : 'Open on OpenReview'}
          </button>
        )}
        {canOpenSidePanel() && (
          <button
            type="button"
            className="sl-button"
            // Directly in the click handler, no await before it: the browser requires the user's gesture.
            onClick={() => openSidePanel(windowId).then(() => setPanelError(null), (e: Error) => setPanelError(e.message))}
          >
            Open side panel
          </button>
        )}
      </div>
      {panelError && (
        <p role="alert" className="sl-error">
          {panelError}
        </p>
      )}
      <SummaryCard summary={summary} headingLevel={2} />
      <section className="sl-popup-section" aria-label="Your notes">
        <NotesEditor paperKey={paperKey} title={summary.paper.title} />
      </section>
      <RelatedList summary={summary} context="popup" />
    </div>
  );
}
