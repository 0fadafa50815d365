// The notes editor for one paper, used by the panel (inside its closed shadow root), the side
// panel, the popup summary view and the options dashboard. Markdown with a preview rendered by
// the background (markdown-it/KaTeX stay out of the content script) and sanitized here; tags;
// read / to-read status; autosave with a visible state; live across views; race notices.
// Styles: ./notes/notes.css, imported here, so every view that renders the editor gets them
// (the content script's shadow root included: WXT's cssInjectionMode 'ui' injects them there).
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_NOTE_CHARS } from '@/utils/notes/limits';
import { SafeHtml } from '../panel/SafeHtml';
import { useSettings } from '../hooks/use-settings';
import { useNote, type ConflictNotice } from './use-note';
import { TagsInput } from './TagsInput';
import { StatusToggle } from './StatusToggle';
import { SaveIndicator } from './SaveIndicator';
import './notes.css';

export interface NotesEditorProps {
  /** Key the note is stored under (from lookupPaper's paperKey). */
  paperKey: string;
  /** Paper title to store with the note (dashboard/export), when known. */
  title: string | null;
}

export function NotesEditor(props: NotesEditorProps) {
  // A new paper is a new editor: the old one flushes its pending save as it unmounts.
  return <Editor key={props.paperKey} {...props} />;
}

function Editor({ paperKey, title }: NotesEditorProps) {
  const note = useNote(paperKey, title);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const textareaId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<[number, number] | null>(null);

  // Text that arrives from another view replaces the value; keep the caret where it was.
  useLayoutEffect(() => {
    const el = textarea.current;
    if (el && caret.current && el.ownerDocument.activeElement === el) el.setSelectionRange(...caret.current);
  }, [note.externalVersion]);
  const rememberCaret = () => {
    const el = textarea.current;
    if (el) caret.current = [el.selectionStart, el.selectionEnd];
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl/Cmd+S: save now instead of the browser's "Save page".
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void note.flush();
    }
  };

  const nearLimit = note.text.length > MAX_NOTE_CHARS * 0.9;
  return (
    <div className="sl-notes-editor" data-testid="notes-editor" data-paper-key={paperKey}>
      <div className="sl-notes-head">
        <label className="sl-notes-label" htmlFor={textareaId}>
          Your notes
        </label>
        <StatusToggle status={note.status} onChange={note.setStatus} />
        <span className="sl-notes-spacer" />
        <button type="button" className="sl-notes-toggle sl-notes-preview-toggle" aria-pressed={mode === 'preview'} onClick={() => setMode(mode === 'write' ? 'preview' : 'write')}>
          Preview
        </button>
      </div>
      {note.recovered && (
        <p className="sl-notes-notice" role="status">
          Recovered text you typed before the page closed.{' '}
          <button type="button" className="sl-notes-link" onClick={note.dismissRecovered}>
            OK
          </button>
        </p>
      )}
      {note.conflict && <ConflictBox conflict={note.conflict} onDismiss={note.dismissConflict} />}
      {note.deletedElsewhere && (
        <div className="sl-notes-conflict" role="alert" data-testid="notes-deleted-elsewhere">
          <p>This note was deleted in another view. Its last text is in the dashboard’s history.</p>
          <button type="button" className="sl-notes-link" onClick={note.keepDeletedText}>
            Keep my text here
          </button>{' '}
          <button type="button" className="sl-notes-link" onClick={note.acceptDelete}>
            Let it go
          </button>
        </div>
      )}
      {note.merged && (
        <div className="sl-notes-notice" role="status" data-testid="notes-merged">
          <p>
            This paper was also known under another name{note.merged.otherTitle ? ` (“${note.merged.otherTitle}”)` : ''}, with a note of its own. The two
            are one note now; the other text is kept in the history:
          </p>
          <pre className="sl-notes-other">{note.merged.otherText}</pre>
          <button type="button" className="sl-notes-link" onClick={note.dismissMerged}>
            OK
          </button>
        </div>
      )}
      {mode === 'write' ? (
        <textarea
          ref={textarea}
          id={textareaId}
          className="sl-notes-text"
          value={note.text}
          disabled={!note.loaded}
          placeholder="Write your notes. Markdown and $math$ work; everything saves as you type."
          spellCheck
          onChange={(e) => {
            rememberCaret();
            note.setText(e.target.value);
          }}
          onSelect={rememberCaret}
          onKeyDown={onKeyDown}
          onBlur={() => void note.flush()}
        />
      ) : (
        <NotePreview markdown={note.text} />
      )}
      <TagsInput tags={note.tags} onChange={note.setTags} />
      <div className="sl-notes-foot">
        <SaveIndicator state={note.saveState} />
        {nearLimit && (
          <span className="sl-notes-count">
            {note.text.length.toLocaleString('en')} / {MAX_NOTE_CHARS.toLocaleString('en')}
          </span>
        )}
      </div>
    </div>
  );
}

function NotePreview({ markdown }: { markdown: string }) {
  const settings = useSettings();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!markdown.trim()) return setHtml('');
    // Markdown + KaTeX is loaded the first time a preview is opened, in this page: the
    // background and the editor's first paint stay free of it.
    import('@/utils/render/markdown').then(
      ({ markdownToHtml }) => live && setHtml(markdownToHtml(markdown)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [markdown]);
  return (
    <div className="sl-notes-preview" role="region" aria-label="Note preview" aria-busy={html === null && !error}>
      {error ? (
        <p className="sl-notes-error">Preview failed: {error}</p>
      ) : html === '' ? (
        <p className="sl-notes-muted">Nothing to preview yet.</p>
      ) : html !== null ? (
        // The rendered HTML is sanitized at display time (SafeHtml -> sanitizeHtml).
        <SafeHtml html={html} autoLoadImages={settings.autoLoadImages} className="sl-notes-rendered" />
      ) : (
        <p className="sl-notes-muted">Rendering…</p>
      )}
    </div>
  );
}

function ConflictBox({ conflict, onDismiss }: { conflict: ConflictNotice; onDismiss: () => void }) {
  return (
    <div className="sl-notes-conflict" role="alert" data-testid="notes-conflict">
      <p>
        {conflict.mine
          ? 'This note was also edited in another view at the same time. Your newer text is kept here; the other version is saved in the note’s history (Options → Notes).'
          : 'Another view edited this note at the same time and its newer edit is shown. The text that was here is saved in the note’s history (Options → Notes).'}
      </p>
      <details>
        <summary>Show the other version</summary>
        <pre className="sl-notes-other">{conflict.otherText || '(empty)'}</pre>
      </details>
      <button type="button" className="sl-notes-link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
