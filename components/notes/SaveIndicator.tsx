// The visible save state: "Saving…", "Saved", or what went wrong (text is never dropped).
import { MAX_NOTE_CHARS } from '@/utils/notes/limits';
import type { SaveState } from './use-note';

export function saveLabel(state: SaveState): string {
  switch (state.kind) {
    case 'loading':
      return 'Loading…';
    case 'idle':
      return 'Autosaves as you type';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return `Not saved: ${state.message}${state.retrying ? ' Retrying; your text is kept here.' : ''}`;
    case 'too-long':
      return `Too long to save: ${state.chars.toLocaleString('en')} of ${MAX_NOTE_CHARS.toLocaleString('en')} characters. Shorten it to save.`;
  }
}

export function SaveIndicator({ state }: { state: SaveState }) {
  const problem = state.kind === 'error' || state.kind === 'too-long';
  return (
    <span className={`sl-notes-save sl-notes-save-${state.kind}`} role="status" aria-live="polite" data-testid="notes-save-state" data-state={state.kind} title={problem ? saveLabel(state) : undefined}>
      {saveLabel(state)}
    </span>
  );
}
