// One course-notes section (a "background concept"): title, module and the pre-rendered text,
// sanitized again at render time. Shown inline in the popup and side panel, and alone on the
// extension's concept page (entrypoints/concept). Never in the in-page panel: from there a
// concept opens that page in a new tab (RelatedList).
import { useEffect, useId, useState } from 'react';
import { sendMessage, type ResponseMap } from '@/utils/messaging/client';
import { ensureKatexStyle } from '../katex';
import { SafeHtml } from '../panel/SafeHtml';
import './related.css';

type Concept = NonNullable<ResponseMap['getConcept']>;
type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'missing' } | { kind: 'ready'; concept: Concept };

export interface ConceptViewProps {
  id: string;
  headingLevel?: 1 | 2 | 3 | 4 | 5;
  /** Called once the section is loaded (the concept page sets its document title). */
  onLoad?: (concept: Concept) => void;
}

export function ConceptView({ id, headingLevel = 2, onLoad }: ConceptViewProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const titleId = useId();
  useEffect(() => ensureKatexStyle(), []);

  useEffect(() => {
    let stale = false;
    setState({ kind: 'loading' });
    sendMessage('getConcept', { id }).then(
      (concept) => {
        if (stale) return;
        setState(concept ? { kind: 'ready', concept } : { kind: 'missing' });
        if (concept) onLoad?.(concept);
      },
      (error: Error) => !stale && setState({ kind: 'error', message: error.message }),
    );
    return () => {
      stale = true;
    };
    // onLoad is a notification, not an input: a new function identity must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (state.kind === 'loading') return <p className="sl-muted sl-concept-status" aria-busy="true">Loading the course notes…</p>;
  if (state.kind === 'error')
    return (
      <p className="sl-error sl-concept-status" role="alert">
        Could not load this section: {state.message}
      </p>
    );
  if (state.kind === 'missing')
    return (
      <p className="sl-muted sl-concept-status" role="status">
        This course-notes section is not in the installed corpus.
      </p>
    );
  const Heading = `h${headingLevel}` as const;
  const { concept } = state;
  return (
    <article className="sl-concept" aria-labelledby={titleId} data-concept-id={concept.id}>
      <Heading id={titleId} className="sl-concept-title">
        {concept.title}
      </Heading>
      <p className="sl-concept-module">{concept.module}</p>
      <SafeHtml html={concept.html} autoLoadImages={false} className="sl-concept-body" />
    </article>
  );
}

