// Tags as removable chips plus a text box: Enter or comma adds, Backspace on an empty box removes the last.
import { useId, useState, type KeyboardEvent } from 'react';
import { MAX_TAGS } from '@/utils/notes/limits';
import { normaliseTags, parseTagInput } from '@/utils/notes/tags';

export interface TagsInputProps {
  tags: string[];
  onChange: (tags: string[]) => void;
}

export function TagsInput({ tags, onChange }: TagsInputProps) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const commit = () => {
    const added = parseTagInput(draft);
    setDraft('');
    if (added.length) onChange(normaliseTags([...tags, ...added]));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && !draft && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };
  const full = tags.length >= MAX_TAGS;
  return (
    <div className="sl-notes-tags">
      <label htmlFor={inputId} className="sl-notes-tags-label">
        Tags
      </label>
      {tags.length > 0 && (
        <ul className="sl-notes-chips" aria-label="Tags on this note">
          {tags.map((tag) => (
            <li key={tag} className="sl-notes-chip">
              <span>{tag}</span>
              <button type="button" className="sl-notes-chip-remove" aria-label={`Remove tag ${tag}`} title={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        className="sl-notes-tag-input"
        type="text"
        value={draft}
        disabled={full}
        placeholder={full ? `At most ${MAX_TAGS} tags` : 'Add a tag, press Enter'}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
