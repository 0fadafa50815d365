import { useEffect, useState } from 'react';
import { sendMessage, type ResponseMap } from '@/utils/messaging/client';
import { CorpusProgressLine } from '@/components/status/CorpusProgressLine';

/** Shows whether the background answered and how much of the corpus is in the database. */
export function StatusLine() {
  const [status, setStatus] = useState<ResponseMap['ping'] | { error: string } | null>(null);
  useEffect(() => {
    sendMessage('ping', {}).then(setStatus, (e: Error) => setStatus({ error: e.message }));
  }, []);
  // While the corpus installs the background answers only after it is done: show its progress.
  if (!status)
    return (
      <>
        <p className="sl-muted">Connecting…</p>
        <CorpusProgressLine />
      </>
    );
  if ('error' in status) return <p role="alert">{status.error}</p>;
  if (status.db.error) return <p role="alert">{status.db.error}</p>;
  return (
    <p className="sl-muted" data-testid="db-status">
      v{status.version} · {status.db.summaries} summaries · {status.db.concepts} concepts
    </p>
  );
}
