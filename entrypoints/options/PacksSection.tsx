import { useCallback, useEffect, useRef, useState } from 'react';
import { CorpusProgressLine } from '@/components/status/CorpusProgressLine';
import { sendMessage, type PackInfo } from '@/utils/messaging/client';
import { importPackFile, type ImportStage } from '@/utils/corpus/import-client';
import { MAX_PACK_BYTES } from '@/utils/corpus/validate';
import { sanitizeHtml } from '@/utils/render/sanitize';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'error'; message: string }
  | { kind: 'done'; text: string };

function stageText(s: ImportStage): string {
  switch (s.stage) {
    case 'reading':
      return 'Reading the file…';
    case 'checking':
      return 'Checking the pack…';
    case 'sanitizing':
      return `Cleaning HTML: ${s.done.toLocaleString('en')} / ${s.total.toLocaleString('en')}…`;
    case 'sending':
      return `Handing the pack to the extension: part ${s.done + 1} of ${s.total}…`;
    case 'installing':
      return 'Installing…';
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Options page: the installed corpus packs, importing another pack file, removing one. */
export function PacksSection() {
  const [packs, setPacks] = useState<PackInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => {
    sendMessage('listPacks', {}).then(
      (r) => {
        setPacks(r.packs);
        setListError(null);
      },
      (e: Error) => setListError(e.message),
    );
  }, []);
  useEffect(refresh, [refresh]);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setStatus({ kind: 'busy', text: 'Reading the file…' });
    try {
      const result = await importPackFile(file, { send: sendMessage, sanitize: sanitizeHtml, onStage: (s) => setStatus({ kind: 'busy', text: stageText(s) }) });
      const what = `“${result.pack.name}”: ${result.pack.summaries.toLocaleString('en')} summaries, ${result.pack.concepts.toLocaleString('en')} concepts`;
      setStatus({
        kind: 'done',
        text: result.status === 'unchanged' ? `${what} is already installed (same version).` : `Imported ${what} in ${seconds(result.clientMs)} (install ${seconds(result.installMs)}).`,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Chromium's words when the background stopped (crash, update, idle kill) before answering.
      const restarted = /message (channel|port) closed|Receiving end does not exist|No answer from the extension/i.test(message);
      setStatus({
        kind: 'error',
        message: restarted
          ? `Could not import ${file.name}: the extension restarted before the import finished. An unfinished import writes nothing; if the pack is not listed below, import the file again.`
          : `Could not import ${file.name}: ${message}`,
      });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
      refresh();
    }
  }

  async function onRemove(pack: PackInfo) {
    setStatus({ kind: 'busy', text: `Removing “${pack.name}”…` });
    try {
      await sendMessage('removePack', { id: pack.id });
      setStatus({ kind: 'done', text: `Removed “${pack.name}”. Your notes are kept.` });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      refresh();
    }
  }

  return (
    <section aria-labelledby="sl-packs-heading" data-testid="packs-section">
      <h2 id="sl-packs-heading">Corpus packs</h2>
      <CorpusProgressLine />
      {listError && <p role="alert">{listError}</p>}
      {packs && (
        <table data-testid="packs-table">
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">Summaries</th>
              <th scope="col">Concepts</th>
              <th scope="col">Installed</th>
              <th scope="col">
                <span className="sl-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.map((p) => (
              <tr key={p.id} data-pack-id={p.id}>
                <td>
                  {p.name} <span className="sl-muted">({p.builtin ? 'ships with the extension' : p.id})</span>
                </td>
                <td>{p.summaries.toLocaleString('en')}</td>
                <td>{p.concepts.toLocaleString('en')}</td>
                <td>{new Date(p.installedAt).toLocaleDateString()}</td>
                <td>
                  {!p.builtin && (
                    <button type="button" onClick={() => void onRemove(p)} disabled={status.kind === 'busy'} aria-label={`Remove pack ${p.name}`}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <label>
          Import a pack file (JSON, same format as the shipped corpus, up to {MAX_PACK_BYTES / 1024 / 1024} MB):{' '}
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            data-testid="pack-file"
            disabled={status.kind === 'busy'}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
      </p>
      {status.kind === 'busy' && (
        <p role="status" data-testid="pack-import-status">
          {status.text}
        </p>
      )}
      {status.kind === 'done' && (
        <p role="status" data-testid="pack-import-status">
          {status.text}
        </p>
      )}
      {status.kind === 'error' && (
        <p role="alert" data-testid="pack-import-error">
          {status.message}
        </p>
      )}
    </section>
  );
}
