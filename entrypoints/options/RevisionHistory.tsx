// A note's history, newest first: what each version was and a restore button (an accidental
// wipe is one click away from undone; the restore itself goes into the history too).
import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging/client';
import { watchNotesChanged } from '@/utils/notes/live';
import { MAX_REVISIONS_PER_NOTE } from '@/utils/notes/limits';
import type { RevisionReason, RevisionView } from '@/utils/notes/types';
import { formatTime } from './format';

const REASON: Record<RevisionReason, string> = {
  edit: 'Earlier version',
  conflict: 'Edited in another view at the same time',
  import: 'Replaced by an import',
  restore: 'Before a restore',
  delete: 'Deleted',
  merge: 'Another note of the same paper, kept when the two were joined',
};

export function RevisionHistory({ paperKey }: { paperKey: string }) {
  const [revisions, setRevisions] = useState<RevisionView[] | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const load = useCallback(() => {
    sendMessage('listRevisions', { paperKey }).then(
      (r) => setRevisions(r.revisions),
      (e: Error) => setMessage({ error: true, text: e.message }),
    );
  }, [paperKey]);
  useEffect(load, [load]);
  useEffect(() => watchNotesChanged((c) => (c.paperKey === paperKey || c.paperKey === '*') && load()), [paperKey, load]);

  const restore = (r: RevisionView) =>
    sendMessage('restoreRevision', { id: r.id }).then(
      () => setMessage({ error: false, text: `Restored the version from ${formatTime(r.savedAt)}.` }),
      (e: Error) => setMessage({ error: true, text: e.message }),
    );

  return (
    <section className="sl-history" aria-label="History" data-testid="revision-history">
      <h4>History</h4>
      <p className="sl-muted">
        Kept automatically: the text before each editing session, before big deletions, races, imports and restores (newest {MAX_REVISIONS_PER_NOTE}).
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'sl-error' : undefined}>
          {message.text}
        </p>
      )}
      {revisions?.length === 0 && <p className="sl-muted">No earlier versions yet.</p>}
      <ol className="sl-history-list">
        {revisions?.map((r) => (
          <li key={r.id} data-testid="revision">
            <details>
              <summary>
                {formatTime(r.savedAt)} · {REASON[r.reason]} · {r.text.length.toLocaleString('en')} characters
                {r.text ? ` · “${r.text.slice(0, 60)}${r.text.length > 60 ? '…' : ''}”` : ' · (empty)'}
              </summary>
              <pre className="sl-history-text">{r.text || '(empty)'}</pre>
              {r.tags.length > 0 && <p className="sl-muted">Tags: {r.tags.join(', ')}</p>}
            </details>
            <button type="button" onClick={() => void restore(r)} aria-label={`Restore the version from ${formatTime(r.savedAt)}`}>
              Restore
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
