// The notes dashboard: every note with its paper (corpus title or the stored one), searchable,
// sortable, filterable by tag and status, with open-paper links, the editor and the revision
// history of each note, and recently deleted notes to restore. Live: refetches on notesChanged.
import { useCallback, useEffect, useId, useState } from 'react';
import { NotesEditor } from '@/components/notes/NotesEditor';
import { sendMessage } from '@/utils/messaging/client';
import { watchNotesChanged } from '@/utils/notes/live';
import { fallbackTitle } from '@/utils/notes/links';
import type { NoteListItem, NotesList, ReadStatus } from '@/utils/notes/types';
import { RevisionHistory } from './RevisionHistory';
import { formatTime } from './format';

const STATUS_LABEL: Record<ReadStatus, string> = { none: '', 'to-read': 'To read', read: 'Read' };

export function NotesDashboard() {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<ReadStatus | ''>('');
  const [sort, setSort] = useState<'updated' | 'title'>('updated');
  const [list, setList] = useState<NotesList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const ids = { search: useId(), sort: useId(), tag: useId(), status: useId() };

  const load = useCallback(() => {
    sendMessage('listNotes', { query: query.trim() || undefined, tag: tag || undefined, status: status || undefined, sort }).then(
      (l) => {
        setList(l);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [query, tag, status, sort]);

  useEffect(() => {
    const timer = setTimeout(load, query ? 150 : 0);
    return () => clearTimeout(timer);
  }, [load, query]);
  useEffect(() => watchNotesChanged(() => load()), [load]);

  return (
    <section id="notes" className="sl-options-section" aria-labelledby="sl-notes-heading" data-testid="notes-dashboard">
      <h2 id="sl-notes-heading">Notes</h2>
      <div className="sl-filters" role="search">
        <label htmlFor={ids.search}>Search</label>
        <input id={ids.search} type="search" value={query} placeholder="Title, author, tag or text" onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor={ids.tag}>Tag</label>
        <select id={ids.tag} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">All tags</option>
          {list?.tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </select>
        <label htmlFor={ids.status}>Status</label>
        <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as ReadStatus | '')}>
          <option value="">Any status</option>
          <option value="to-read">To read</option>
          <option value="read">Read</option>
          <option value="none">No status</option>
        </select>
        <label htmlFor={ids.sort}>Sort by</label>
        <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as 'updated' | 'title')}>
          <option value="updated">Last edited</option>
          <option value="title">Title</option>
        </select>
      </div>
      {error && (
        <p role="alert" className="sl-error">
          {error}
        </p>
      )}
      {list && (
        <p className="sl-muted" role="status" data-testid="notes-count">
          {list.notes.length === list.total ? `${list.total} ${list.total === 1 ? 'note' : 'notes'}` : `${list.notes.length} of ${list.total} notes`}
        </p>
      )}
      {list && list.total === 0 && <p className="sl-muted">No notes yet. Open a paper on arXiv or OpenReview and write in the Summary Lens panel.</p>}
      <ul className="sl-note-list">
        {list?.notes.map((note) => (
          <NoteRow key={note.paperKey} note={note} open={open === note.paperKey} onToggle={() => setOpen(open === note.paperKey ? null : note.paperKey)} />
        ))}
      </ul>
      {list && list.deleted.length > 0 && <DeletedNotes deleted={list.deleted} />}
    </section>
  );
}

function NoteRow({ note, open, onToggle }: { note: NoteListItem; open: boolean; onToggle: () => void }) {
  const headingId = useId();
  const panelId = useId();
  const title = note.title ?? fallbackTitle(note.paperKey);
  const [error, setError] = useState<string | null>(null);
  const remove = () => sendMessage('deleteNote', { paperKey: note.paperKey }).catch((e: Error) => setError(e.message));
  return (
    <li className="sl-note" data-testid="note-row" data-paper-key={note.paperKey}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="sl-note-title">
          {note.url ? (
            <a href={note.url} target="_blank" rel="noopener noreferrer" title={`Open ${note.url}`}>
              {title}
            </a>
          ) : (
            title
          )}
        </h3>
        <p className="sl-note-meta">
          {note.status !== 'none' && <span className={`sl-badge sl-badge-${note.status}`}>{STATUS_LABEL[note.status]}</span>}
          {note.tags.map((t) => (
            <span key={t} className="sl-tag">
              {t}
            </span>
          ))}
          <span>Edited {formatTime(note.updatedAt)}</span>
          {note.summaryId && <span>Has a summary</span>}
          {note.revisions > 0 && <span>{note.revisions} in history</span>}
        </p>
        {!open && <p className="sl-note-excerpt">{note.excerpt || <em className="sl-muted">(empty)</em>}</p>}
        <p className="sl-note-actions">
          <button type="button" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
            {open ? 'Close' : 'Edit & history'}
          </button>
          <button type="button" onClick={remove}>
            Delete
          </button>
          {error && (
            <span role="alert" className="sl-error">
              {error}
            </span>
          )}
        </p>
        <div id={panelId} hidden={!open}>
          {open && (
            <>
              <NotesEditor paperKey={note.paperKey} title={note.title} />
              <RevisionHistory paperKey={note.paperKey} />
            </>
          )}
        </div>
      </article>
    </li>
  );
}

function DeletedNotes({ deleted }: { deleted: NotesList['deleted'] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="sl-deleted" aria-labelledby="sl-deleted-heading" data-testid="deleted-notes">
      <h3 id="sl-deleted-heading">Recently deleted</h3>
      <p className="sl-muted">Their last text and history are kept; restore brings a note back.</p>
      {error && (
        <p role="alert" className="sl-error">
          {error}
        </p>
      )}
      <ul>
        {deleted.map((d) => (
          <li key={d.paperKey}>
            {d.title ?? fallbackTitle(d.paperKey)} <span className="sl-muted">· deleted {formatTime(d.deletedAt)}</span>{' '}
            <button type="button" onClick={() => sendMessage('restoreRevision', { id: d.lastRevisionId }).catch((e: Error) => setError(e.message))}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
