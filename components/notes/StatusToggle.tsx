// "To read" / "Read" for a paper: two toggle buttons; pressing the active one clears it.
import type { ReadStatus } from '@/utils/notes/types';

const CHOICES: { value: Exclude<ReadStatus, 'none'>; label: string }[] = [
  { value: 'to-read', label: 'To read' },
  { value: 'read', label: 'Read' },
];

export function StatusToggle({ status, onChange }: { status: ReadStatus; onChange: (status: ReadStatus) => void }) {
  return (
    <div className="sl-notes-status" role="group" aria-label="Reading status">
      {CHOICES.map(({ value, label }) => (
        <button key={value} type="button" className="sl-notes-toggle" aria-pressed={status === value} onClick={() => onChange(status === value ? 'none' : value)}>
          {label}
        </button>
      ))}
    </div>
  );
}
