// Search filters: what to show (everything / summaries / concepts), only papers with notes, and a
// year range (papers only: concepts have no year).
import { useState } from 'react';
import type { KindFilter } from '@/utils/search/engine';

export interface PopupFilters {
  kind: KindFilter;
  withNotes: boolean;
  yearFrom: number | null;
  yearTo: number | null;
}

export const NO_FILTERS: PopupFilters = { kind: 'all', withNotes: false, yearFrom: null, yearTo: null };

const KINDS: [KindFilter, string][] = [
  ['all', 'All'],
  ['summaries', 'Summaries'],
  ['concepts', 'Concepts'],
];

function yearValue(text: string): number | null {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= 1900 && n <= 2100 ? n : null;
}

export function FiltersBar({ value, onChange, notesAvailable }: { value: PopupFilters; onChange: (next: PopupFilters) => void; notesAvailable: boolean }) {
  return (
    <div className="sl-filters" role="group" aria-label="Filters">
      <div className="sl-segmented" role="radiogroup" aria-label="Show">
        {KINDS.map(([kind, label]) => (
          <label key={kind} className={value.kind === kind ? 'sl-chip sl-chip-on' : 'sl-chip'}>
            <input type="radio" name="sl-kind" value={kind} checked={value.kind === kind} onChange={() => onChange({ ...value, kind })} />
            {label}
          </label>
        ))}
      </div>
      <label className={value.withNotes ? 'sl-chip sl-chip-on' : 'sl-chip'} title={notesAvailable ? undefined : 'Notes are unavailable right now'}>
        <input type="checkbox" checked={value.withNotes} disabled={!notesAvailable} onChange={(e) => onChange({ ...value, withNotes: e.target.checked })} />
        With notes
      </label>
      <span className="sl-years">
        <YearInput label="From year" placeholder="from" value={value.yearFrom} onChange={(yearFrom) => onChange({ ...value, yearFrom })} />
        –
        <YearInput label="To year" placeholder="to" value={value.yearTo} onChange={(yearTo) => onChange({ ...value, yearTo })} />
      </span>
    </div>
  );
}

/** Keeps what is typed ("20" on the way to "2019"); the filter gets a year only once there is one. */
function YearInput({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: number | null; onChange: (year: number | null) => void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <input
      type="text"
      inputMode="numeric"
      pattern="[0-9]*"
      maxLength={4}
      size={4}
      placeholder={placeholder}
      aria-label={label}
      value={text}
      onChange={(e) => {
        const next = e.target.value.replace(/\D/g, '').slice(0, 4);
        setText(next);
        const year = yearValue(next);
        if (year !== value) onChange(year); // a partial year means no bound yet
      }}
    />
  );
}
