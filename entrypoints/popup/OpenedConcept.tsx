// A background concept (a section of the CS7643 course notes, or of an imported pack) opened
// inside the popup.
import { useEffect, useId, useState } from 'react';
import { sendMessage, type ResponseMap } from '@/utils/messaging/client';
import { SafeHtml } from '@/components/panel/SafeHtml';
import { useSettings } from '@/components/hooks/use-settings';
import { ensureKatexStyle } from '@/components/katex';

ensureKatexStyle();

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; concept: NonNullable<ResponseMap['getConcept']> };

export function OpenedConcept({ conceptId }: { conceptId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const settings = useSettings();
  const titleId = useId();

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    sendMessage('getConcept', { id: conceptId }).then(
      (concept) => live && setState(concept ? { kind: 'ready', concept } : { kind: 'error', message: 'This concept is no longer installed.' }),
      (e: Error) => live && setState({ kind: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [conceptId]);

  if (state.kind === 'loading') return <p className="sl-muted" role="status">Loading concept…</p>;
  if (state.kind === 'error')
    return (
      <p role="alert" className="sl-error">
        {state.message}
      </p>
    );
  const { concept } = state;
  return (
    <article className="sl-summary sl-opened" aria-labelledby={titleId} data-testid="opened-concept" data-concept-id={concept.id}>
      <h2 id={titleId} className="sl-summary-title">
        {concept.title}
      </h2>
      <p className="sl-summary-meta">Background concept · {concept.module}</p>
      <SafeHtml className="sl-summary-body" html={concept.html} autoLoadImages={settings.autoLoadImages} />
    </article>
  );
}
