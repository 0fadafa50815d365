// The editor's sync with the background: load, debounced autosave with a visible state, flush when
// the page goes away, a draft (extension-only IndexedDB) when a save cannot reach the background,
// live refetch when another view writes (notesChanged), and race notices: another view's save,
// a delete in another view (the user chooses), and two notes of one paper joined (told once).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MessageError, sendMessage } from '@/utils/messaging/client';
import type { MergeNotice } from '@/utils/db';
import type { NoteView, ReadStatus } from '@/utils/notes/types';
import { AUTOSAVE_DEBOUNCE_MS, MAX_NOTE_CHARS } from '@/utils/notes/limits';
import { watchNotesChanged } from '@/utils/notes/live';
import { clearDraft, readDraft, writeDraft } from '@/utils/notes/drafts';

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string; retrying: boolean }
  | { kind: 'too-long'; chars: number };

/** A race the user must hear about: two views edited the same note at once. */
export interface ConflictNotice {
  /** true: this view's save won; false: another view's newer edit replaced what this view showed. */
  mine: boolean;
  /** The text that lost (kept in the note's history too). */
  otherText: string;
  at: number;
}

interface SyncState {
  loaded: boolean;
  text: string;
  /** Last text the background confirmed. */
  savedText: string;
  /** The textRev this view's text is based on. */
  baseRev: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  retries: number;
  inflight: boolean;
  draftWritten: boolean;
}

const newClientId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).slice(0, 64);

export function useNote(paperKey: string, title: string | null) {
  const clientId = useMemo(newClientId, []);
  const sync = useRef<SyncState>({ loaded: false, text: '', savedText: '', baseRev: 0, timer: undefined, retryTimer: undefined, retries: 0, inflight: false, draftWritten: false });
  /** The paper id the background reads this key as (differs after a merge of two papers). */
  const currentKey = useRef(paperKey);
  const titleRef = useRef(title);
  titleRef.current = title;

  const [text, setTextState] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [status, setStatus] = useState<ReadStatus>('none');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'loading' });
  const [conflict, setConflict] = useState<ConflictNotice | null>(null);
  const [recovered, setRecovered] = useState(false);
  /** The note was deleted in another view: null, or the text this view still holds. */
  const [deletedElsewhere, setDeletedElsewhere] = useState<{ text: string } | null>(null);
  const [merged, setMerged] = useState<MergeNotice | null>(null);
  const [loaded, setLoaded] = useState(false);
  /** Bumped when text arrives from elsewhere (the textarea keeps its caret). */
  const [externalVersion, setExternalVersion] = useState(0);

  const isClean = () => {
    const s = sync.current;
    return s.text === s.savedText && !s.inflight && s.timer === undefined;
  };

  const adopt = useCallback((note: NoteView | null, withText: boolean) => {
    const s = sync.current;
    setTags(note?.tags ?? []);
    setStatus(note?.status ?? 'none');
    setMerged(note?.merged ?? null);
    if (!withText) return;
    s.text = s.savedText = note?.text ?? '';
    s.baseRev = note?.textRev ?? 0;
    setTextState(s.text);
    setExternalVersion((v) => v + 1);
  }, []);

  const flush = useCallback(async (recreate = false): Promise<void> => {
    const s = sync.current;
    clearTimeout(s.timer);
    s.timer = undefined;
    if (!s.loaded) return;
    if (s.text === s.savedText) {
      if (!s.inflight) setSaveState((prev) => (prev.kind === 'saving' || prev.kind === 'too-long' ? { kind: 'saved' } : prev));
      return;
    }
    if (s.text.length > MAX_NOTE_CHARS) {
      setSaveState({ kind: 'too-long', chars: s.text.length });
      return;
    }
    if (s.inflight) return; // the running save looks again when it ends
    s.inflight = true;
    const sending = s.text;
    setSaveState({ kind: 'saving' });
    let failed = false;
    try {
      const reply = await sendMessage('saveNote', { paperKey, text: sending, title: titleRef.current, baseRev: s.baseRev, clientId, ...(recreate ? { recreate } : {}) });
      if (reply.deleted || !reply.note) {
        // Deleted in another view since this editor loaded it: nothing was written; ask.
        setDeletedElsewhere({ text: sending });
        setSaveState({ kind: 'idle' });
        return;
      }
      setDeletedElsewhere(null);
      s.savedText = sending;
      s.baseRev = reply.note.textRev;
      s.retries = 0;
      setTags(reply.note.tags);
      setStatus(reply.note.status);
      setMerged(reply.note.merged ?? null);
      if (reply.conflict) setConflict({ mine: true, otherText: reply.conflict.otherText, at: reply.conflict.otherSavedAt });
      if (s.draftWritten) {
        s.draftWritten = false;
        void clearDraft(paperKey).catch(() => undefined);
      }
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      // Validation errors will not pass on a retry; anything else (background asleep, extension
      // reloaded, disk full) is retried, and the text waits in a draft meanwhile.
      const retrying = !(error instanceof MessageError && error.code === 'bad-request');
      setSaveState({ kind: 'error', message, retrying });
      s.draftWritten = true;
      void writeDraft(paperKey, { text: s.text, baseRev: s.baseRev, title: titleRef.current, at: Date.now() }).catch(() => undefined);
      if (retrying) {
        clearTimeout(s.retryTimer);
        s.retryTimer = setTimeout(() => void flush(), Math.min(30_000, 1000 * 2 ** s.retries++));
      }
    } finally {
      s.inflight = false;
    }
    if (failed) return;
    if (s.text !== s.savedText) void flush();
    else setSaveState({ kind: 'saved' });
  }, [paperKey, clientId]);

  const setText = useCallback(
    (next: string) => {
      const s = sync.current;
      s.text = next;
      setTextState(next);
      if (!s.loaded) return;
      if (next.length > MAX_NOTE_CHARS) {
        clearTimeout(s.timer);
        s.timer = undefined;
        setSaveState({ kind: 'too-long', chars: next.length });
        return;
      }
      setSaveState((prev) => (prev.kind === 'error' ? prev : { kind: 'saving' }));
      clearTimeout(s.timer);
      s.timer = setTimeout(() => void flush(), AUTOSAVE_DEBOUNCE_MS);
    },
    [flush],
  );

  const saveMeta = useCallback(
    async (patch: { tags?: string[]; status?: ReadStatus }) => {
      if (patch.tags) setTags(patch.tags);
      if (patch.status) setStatus(patch.status);
      try {
        const { note } = await sendMessage('setNoteMeta', { paperKey, title: titleRef.current, ...patch, clientId });
        setTags(note.tags);
        setStatus(note.status);
      } catch (error) {
        setSaveState({ kind: 'error', message: `Tags/status not saved: ${error instanceof Error ? error.message : String(error)}`, retrying: false });
      }
    },
    [paperKey, clientId],
  );

  // Load the note, and recover a draft a closed page or a failed save left behind. Until it is
  // loaded the textarea stays disabled (typing could not be saved); a failed load is retried.
  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const s = sync.current;
    const load = (attempt: number) =>
      Promise.all([sendMessage('getNote', { paperKey }), readDraft(paperKey).catch(() => null)]).then(
        ([{ note, paperKey: current }, draft]) => {
          if (!live) return;
          currentKey.current = current;
          adopt(note, true);
          s.loaded = true;
          setLoaded(true);
          setSaveState({ kind: 'idle' });
          if (draft && draft.text !== (note?.text ?? '') && draft.at > (note?.updatedAt ?? 0)) {
            // Saved like any edit from the draft's base: if the note moved on meanwhile, both texts are kept.
            s.baseRev = draft.baseRev;
            s.draftWritten = true;
            setRecovered(true);
            setText(draft.text);
            setExternalVersion((v) => v + 1);
            void flush();
          } else if (draft) {
            void clearDraft(paperKey).catch(() => undefined);
          }
        },
        (error: unknown) => {
          if (!live) return;
          setSaveState({ kind: 'error', message: `Could not load your note: ${error instanceof Error ? error.message : String(error)}`, retrying: true });
          retry = setTimeout(() => void load(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
        },
      );
    void load(0);
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [paperKey, adopt, flush, setText]);

  // Live: another tab, the popup, the side panel or the dashboard wrote this note.
  useEffect(
    () =>
      watchNotesChanged((change) => {
        if ((change.paperKey !== paperKey && change.paperKey !== currentKey.current && change.paperKey !== '*') || change.by === clientId) return;
        void sendMessage('getNote', { paperKey }).then(({ note, paperKey: current }) => {
          const s = sync.current;
          if (!s.loaded) return;
          currentKey.current = current;
          const shown = s.text;
          if (!note && s.baseRev > 0) {
            // Deleted in another view (the dashboard): say so; the user may keep the text shown here.
            if (shown.trim()) setDeletedElsewhere({ text: shown });
            adopt(null, isClean());
          } else if (isClean()) {
            adopt(note, true);
            if (change.conflict && shown && note && note.text !== shown) setConflict({ mine: false, otherText: shown, at: Date.now() });
          } else {
            // Unsaved typing here: keep it; its save will be checked against the newer text.
            adopt(note, false);
          }
        });
      }),
    [paperKey, clientId, adopt],
  );

  // Closing or hiding the page mid-typing: save now, and leave a draft in case the save cannot finish.
  useEffect(() => {
    const s = sync.current;
    const onHide = () => {
      if (!s.loaded || s.text === s.savedText) return;
      s.draftWritten = true;
      void writeDraft(paperKey, { text: s.text, baseRev: s.baseRev, title: titleRef.current, at: Date.now() }).catch(() => undefined);
      void flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    // The in-page panel's notes frame (entrypoints/notes-frame): when its tab closes, Chromium
    // drops what an out-of-process frame sends from pagehide; beforeunload still gets through.
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(s.retryTimer);
      // Unmounting (panel closed, another paper): whatever is pending is saved.
      void flush();
    };
  }, [paperKey, flush]);

  /** After a delete elsewhere: write the text back as a new note. */
  const keepDeletedText = useCallback(() => {
    const s = sync.current;
    const kept = deletedElsewhere?.text ?? s.text;
    setDeletedElsewhere(null);
    s.text = kept;
    s.savedText = '';
    setTextState(kept);
    setExternalVersion((v) => v + 1);
    void flush(true);
  }, [deletedElsewhere, flush]);

  /** After a delete elsewhere: accept it (the text stays in the dashboard's history). */
  const acceptDelete = useCallback(() => {
    const s = sync.current;
    setDeletedElsewhere(null);
    clearTimeout(s.timer);
    s.timer = undefined;
    s.text = s.savedText = '';
    s.baseRev = 0;
    setTextState('');
    setExternalVersion((v) => v + 1);
    setSaveState({ kind: 'idle' });
    if (s.draftWritten) void clearDraft(paperKey).catch(() => undefined);
  }, [paperKey]);

  const dismissMerged = useCallback(() => {
    setMerged(null);
    void sendMessage('ackMergeNotice', { paperKey, clientId }).catch(() => undefined);
  }, [paperKey, clientId]);

  return {
    loaded,
    deletedElsewhere,
    keepDeletedText,
    acceptDelete,
    merged,
    dismissMerged,
    text,
    setText,
    tags,
    setTags: (next: string[]) => void saveMeta({ tags: next }),
    status,
    setStatus: (next: ReadStatus) => void saveMeta({ status: next }),
    saveState,
    conflict,
    dismissConflict: () => setConflict(null),
    recovered,
    dismissRecovered: () => setRecovered(false),
    externalVersion,
    flush,
  };
}
