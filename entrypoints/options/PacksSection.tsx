import { useCallback, useEffect, useRef, useState } from 'react';
import { CorpusProgressLine } from '@/components/status/CorpusProgressLine';
import { sendMessage, type PackInfo } from '@/utils/messaging/client';
import { importPackFile, type ImportStage } from '@/utils/corpus/import-pack';
import { MAX_PACK_BYTES } from '@/utils/corpus/validate';
import { getDb } from '@/utils/db';
import { describeDbError } from '@/utils/db-errors';
import { getSearchDb } from '@/utils/search/store';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; /** 0..1, or null while the step's length is unknown */ fraction: number | null }
  | { kind: 'error'; message: string }
  | { kind: 'done'; text: string };

const count = (n: number) => n.toLocaleString('en');

/** What the page says at each step of an import, and how far along the whole import is (the steps' shares are measured ones). */
function describeStage(s: ImportStage): { text: string; fraction: number | null } {
  switch (s.stage) {
    case 'reading':
      return { text: 'Reading the file…', fraction: null };
    case 'checking':
      return { text: 'Checking the pack…', fraction: 0.05 };
    case 'writing':
      return { text: `Writing summaries: ${count(s.done)} / ${count(s.total)}…`, fraction: 0.1 + 0.5 * (s.total ? s.done / s.total : 1) };
    case 'indexing':
      return { text: 'Building the search index…', fraction: 0.6 + 0.37 * (s.total ? s.done / s.total : 1) };
    case 'switching':
      return { text: 'Switching the pack on…', fraction: 0.98 };
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
    setStatus({ kind: 'busy', text: 'Reading the file…', fraction: null });
    try {
      const result = await importPackFile(file, {
        db: getDb(),
        searchDb: getSearchDb(),
        ready: () => sendMessage('listPacks', {}), // answers once the shipped corpus is in place
        announce: (packId) => sendMessage('packInstalled', { packId }),
        onStage: (s) => setStatus({ kind: 'busy', ...describeStage(s) }),
      });
      const what = `“${result.pack.name}”: ${count(result.pack.summaries)} summaries, ${count(result.pack.concepts)} concepts`;
      setStatus({
        kind: 'done',
        text: result.status === 'unchanged' ? `${what} is already installed (same version).` : `Imported ${what} in ${seconds(result.totalMs)}.`,
      });
    } catch (error) {
      // A bad file says what is wrong; a full disk says nothing was lost (the old state is untouched).
      setStatus({ kind: 'error', message: `Could not import ${file.name}: ${describeDbError(error)}` });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
      refresh();
    }
  }

  async function onRemove(pack: PackInfo) {
    setStatus({ kind: 'busy', text: `Removing “${pack.name}”…`, fraction: null });
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
      {/* Installs run by other tabs or the background; this tab's own import has its bar below. */}
      {status.kind !== 'busy' && <CorpusProgressLine />}
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
        <p className="sl-import-progress">
          {/* No value while a step's length is unknown: an indeterminate bar. */}
          <progress aria-labelledby="sl-pack-import-status" max={1} {...(status.fraction === null ? {} : { value: status.fraction })} data-testid="pack-import-progress" />{' '}
          <span role="status" id="sl-pack-import-status" data-testid="pack-import-status">
            {status.text}
          </span>
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
