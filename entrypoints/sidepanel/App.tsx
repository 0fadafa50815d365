// The side panel (Chromium) / sidebar (Firefox): the summary of the active tab's paper, whatever
// its page form — above all PDF tabs, where no content script runs in every browser.
import { CorpusProgressLine } from '@/components/status/CorpusProgressLine';
import { useEffect, useState } from 'react';
import { paperRefFromUrl } from '@/utils/detect';
import { sendMessage, type SummaryView } from '@/utils/messaging/client';
import type { PaperRef } from '@/utils/paper-ref';
import { NotesEditor } from '@/components/notes/NotesEditor';
import { RelatedList } from '@/components/related/RelatedList';
import { SummaryCard } from '@/components/panel/SummaryCard';
import { useTheme } from '@/components/hooks/use-theme';
import { useSettings } from '@/components/hooks/use-settings';
import { watchActiveTab, type WatchedTab } from './active-tab';

type State =
  | { kind: 'loading' }
  | { kind: 'no-paper' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; ref: PaperRef; paperKey: string | null; summary: SummaryView | null };

export function App() {
  const [tab, setTab] = useState<WatchedTab | null | undefined>(undefined);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const theme = useTheme(useSettings().theme);

  useEffect(() => {
    const controller = new AbortController();
    watchActiveTab(setTab, controller.signal).catch((e: unknown) => setState({ kind: 'error', message: String(e) }));
    return () => controller.abort();
  }, []);

  // The tab object is new on every event; only its address decides the paper.
  const tabKnown = tab !== undefined;
  const tabUrl = tab?.url;
  useEffect(() => {
    if (!tabKnown) return;
    const ref = tabUrl ? paperRefFromUrl(tabUrl) : null;
    if (!ref) return setState({ kind: 'no-paper' });
    let stale = false; // a quicker tab switch must not be overwritten by this slower answer
    setState({ kind: 'loading' });
    sendMessage('lookupPaper', { ref }).then(
      ({ paperKey, summary }) => !stale && setState({ kind: 'ready', ref, paperKey, summary }),
      (e: Error) => !stale && setState({ kind: 'error', message: e.message }),
    );
    return () => {
      stale = true;
    };
  }, [tabKnown, tabUrl]);

  return (
    <main className="sl-root sl-sidepanel" data-theme={theme} data-state={state.kind} aria-busy={state.kind === 'loading'}>
      <header className="sl-sp-header">
        <span className="sl-sp-brand">Summary Lens</span>
        {state.kind === 'ready' && <span className="sl-sp-paper" data-testid="sidepanel-paper">{describeRef(state.ref)}</span>}
      </header>
      <CorpusProgressLine />
      {state.kind === 'loading' && <p className="sl-muted">Loading…</p>}
      {state.kind === 'error' && (
        <p role="alert" className="sl-error">
          {state.message}
        </p>
      )}
      {state.kind === 'no-paper' && (
        <div className="sl-sp-empty" role="status" data-testid="sidepanel-empty">
          <p>
            <strong>No paper in this tab.</strong>
          </p>
          <p className="sl-muted">Open a paper on arXiv or OpenReview — abstract, PDF or HTML page — and its summary shows here.</p>
        </div>
      )}
      {state.kind === 'ready' && state.summary && (
        <>
          <SummaryCard summary={state.summary} />
          {state.paperKey && (
            <section className="sl-sp-section" aria-label="Your notes">
              <NotesEditor paperKey={state.paperKey} title={state.summary.paper.title} />
            </section>
          )}
          <RelatedList summary={state.summary} context="sidepanel" />
        </>
      )}
      {state.kind === 'ready' && !state.summary && (
        <>
          <p className="sl-muted" role="status" data-testid="sidepanel-no-summary">
            No summary yet for this paper.
          </p>
          {state.paperKey && (
            <section className="sl-sp-section" aria-label="Your notes">
              <NotesEditor paperKey={state.paperKey} title={state.ref.title ?? tab?.title ?? null} />
            </section>
          )}
        </>
      )}
    </main>
  );
}

function describeRef(ref: PaperRef): string {
  if (ref.arxivId) return `arXiv:${ref.arxivId}`;
  if (ref.openreviewId) return `OpenReview ${ref.openreviewId}`;
  return ref.title ?? '';
}
