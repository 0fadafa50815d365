// CONTRACT (owned by the notes work, issue 7): the notes editor for one paper, used by the
// panel, the side panel and the popup summary view. Temporary placeholder until it lands.
export interface NotesEditorProps {
  /** Key the note is stored under (from lookupPaper's paperKey). */
  paperKey: string;
  /** Paper title to store with the note (dashboard/export), when known. */
  title: string | null;
}

export function NotesEditor(_props: NotesEditorProps) {
  return null;
}
