// Export (JSON lossless, Markdown, BibTeX), import of a JSON export with a preview of what will
// change (validated in the background before anything is written), and "delete all notes".
import { useId, useRef, useState } from 'react';
import { sendMessage } from '@/utils/messaging/client';
import { MAX_IMPORT_BYTES } from '@/utils/notes/limits';
import { fallbackTitle } from '@/utils/notes/links';
import type { ExportFormat, ImportAction, ImportPreview } from '@/utils/notes/types';

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'json', label: 'JSON', hint: 'everything, for backup or another browser (lossless)' },
  { format: 'markdown', label: 'Markdown', hint: 'one readable document' },
  { format: 'bibtex', label: 'BibTeX', hint: 'for Zotero or JabRef, your note in each entry’s note field' },
];

const ACTION: Record<ImportAction, string> = {
  add: 'New note',
  replace: 'Newer in the file: replaces yours (yours goes to history)',
  keep: 'Yours is newer: kept (the file’s goes to history)',
  same: 'Identical: nothing to do',
};

type Message = { error: boolean; text: string } | null;

export function ImportExport() {
  const [exportMessage, setExportMessage] = useState<Message>(null);
  const [importMessage, setImportMessage] = useState<Message>(null);
  const [pending, setPending] = useState<{ json: string; name: string; preview: ImportPreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmWipe, setConfirmWipe] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const exportAs = async (format: ExportFormat) => {
    try {
      const file = await sendMessage('exportNotes', { format });
      const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExportMessage({ error: false, text: `Saved ${file.filename}.` });
    } catch (e) {
      setExportMessage({ error: true, text: `Export failed: ${(e as Error).message}` });
    }
  };

  const choose = async (file: File | undefined) => {
    setPending(null);
    setImportMessage(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setImportMessage({ error: true, text: `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1048576} MB. Nothing was imported.` });
      return;
    }
    setBusy(true);
    try {
      const json = await file.text();
      const preview = await sendMessage('previewImport', { json });
      setPending({ json, name: file.name, preview });
    } catch (e) {
      setImportMessage({ error: true, text: `Cannot import “${file.name}”: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const { counts, settings } = await sendMessage('applyImport', { json: pending.json });
      setImportMessage({
        error: false,
        text: `Imported “${pending.name}”: ${counts.add} added, ${counts.replace} replaced, ${counts.keep} kept, ${counts.same} unchanged, ${counts.revisions} history entries${settings ? ', settings restored' : ''}.`,
      });
      setPending(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (e) {
      setImportMessage({ error: true, text: `Import failed: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const wipe = async () => {
    try {
      const counts = await sendMessage('wipeNotes', { confirm: true });
      setImportMessage({ error: false, text: `Deleted ${counts.notes} notes and ${counts.revisions} history entries.` });
    } catch (e) {
      setImportMessage({ error: true, text: `Could not delete: ${(e as Error).message}` });
    }
    setConfirmWipe(false);
  };

  return (
    <section id="import-export" className="sl-options-section" aria-labelledby="sl-io-heading" data-testid="import-export">
      <h2 id="sl-io-heading">Import &amp; export</h2>
      <h3>Export your notes</h3>
      <ul className="sl-export-list">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <button type="button" onClick={() => void exportAs(format)} data-testid={`export-${format}`}>
              Export {label}
            </button>{' '}
            <span className="sl-muted">{hint}</span>
          </li>
        ))}
      </ul>
      {exportMessage && <Feedback message={exportMessage} testId="export-message" />}

      <h3>Import</h3>
      <p className="sl-field">
        <label htmlFor={fileId}>A JSON export of Summary Lens notes:</label>{' '}
        <input id={fileId} ref={fileInput} type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void choose(e.target.files?.[0])} data-testid="import-file" />
      </p>
      <p className="sl-muted">Nothing is written until you confirm. Notes are matched by paper; the newer edit wins and the other is kept in history.</p>
      {pending && <ImportPreviewBox preview={pending.preview} name={pending.name} busy={busy} onApply={() => void apply()} onCancel={cancel} />}
      {importMessage && <Feedback message={importMessage} testId={importMessage.error ? 'import-error' : 'import-message'} />}

      <h3>Delete all notes</h3>
      {!confirmWipe ? (
        <button type="button" className="sl-danger" onClick={() => setConfirmWipe(true)} data-testid="wipe-start">
          Delete all notes…
        </button>
      ) : (
        <div className="sl-confirm" role="alertdialog" aria-labelledby="sl-wipe-q">
          <p id="sl-wipe-q">
            <strong>Delete every note and all of their history?</strong> This cannot be undone here: export JSON first if you may want them back.
          </p>
          <button type="button" className="sl-danger" onClick={() => void wipe()} data-testid="wipe-confirm">
            Delete everything
          </button>{' '}
          <button type="button" onClick={() => setConfirmWipe(false)} autoFocus>
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}

function Feedback({ message, testId }: { message: NonNullable<Message>; testId: string }) {
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'sl-error' : 'sl-ok'} data-testid={testId}>
      {message.text}
    </p>
  );
}

function ImportPreviewBox(props: { preview: ImportPreview; name: string; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const { preview, name, busy, onApply, onCancel } = props;
  const { counts } = preview;
  const changes = counts.add + counts.replace + counts.keep + counts.revisions + (preview.settings ? 1 : 0);
  return (
    <div className="sl-import-preview" data-testid="import-preview" aria-labelledby="sl-preview-heading" role="region">
      <h4 id="sl-preview-heading">
        What importing “{name}” will do <span className="sl-muted">(exported {preview.exportedAt})</span>
      </h4>
      <p data-testid="import-counts">
        {counts.add} new, {counts.replace} replaced, {counts.keep} kept as they are, {counts.same} identical; {counts.revisions} history entries added
        {preview.settings ? '; settings will be restored from the file' : ''}.
      </p>
      {preview.items.length > 0 && (
        <table className="sl-table">
          <thead>
            <tr>
              <th scope="col">Paper</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.paperKey}>
                <td>{item.title ?? fallbackTitle(item.paperKey)}</td>
                <td>{ACTION[item.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" onClick={onApply} disabled={busy || changes === 0} data-testid="import-apply">
          {changes === 0 ? 'Nothing to import' : 'Import'}
        </button>{' '}
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </p>
    </div>
  );
}
