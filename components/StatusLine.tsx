import { useEffect, useState } from 'react';
import { sendMessage, type ResponseMap } from '@/utils/messaging/client';

/** Shows whether the background answered and how much of the corpus is in the database. */
export function StatusLine() {
  const [status, setStatus] = useState<ResponseMap['ping'] | { error: string } | null>(null);
  useEffect(() => {
    sendMessage('ping', {}).then(setStatus, (e: Error) => setStatus({ error: e.message }));
  }, []);
  if (!status) return <p className="sl-muted">Connecting…</p>;
  if ('error' in status) return <p role="alert">{status.error}</p>;
  if (status.db.error) return <p role="alert">{status.db.error}</p>;
  return (
    <p className="sl-muted" data-testid="db-status">
      v{status.version} · {status.db.summaries} summaries · {status.db.concepts} concepts
    </p>
  );
}
