import type { SummaryView } from '@/utils/messaging/client';

export interface PanelProps {
  state: { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; summary: SummaryView | null };
}

/** The summary panel shown beside a paper. */
export function Panel({ state }: PanelProps) {
  return (
    <section className="sl-panel" role="complementary" aria-label="Summary Lens">
      <header className="sl-header">
        <span className="sl-brand">Summary Lens</span>
      </header>
      {state.kind === 'loading' && <p className="sl-muted">Loading…</p>}
      {state.kind === 'error' && <p role="alert" className="sl-error">{state.message}</p>}
      {state.kind === 'ready' && !state.summary && <p className="sl-muted">No summary yet</p>}
      {state.kind === 'ready' && state.summary && <h2 className="sl-title">{state.summary.paper.title ?? 'Untitled paper'}</h2>}
    </section>
  );
}
