// Seeds the shipped corpus once per corpus version, reports progress while installing, and
// reports readiness.
import { getDb } from '@/utils/db';
import { extensionUrl } from '@/utils/extension-url';
import { describeDbError } from '@/utils/db-errors';
import { installPack, type InstallResult } from '@/utils/corpus/install';
import { liveCounts } from '@/utils/corpus/live';
import { BUILTIN_PACK_ID, PackSchema, ShippedVersionSchema, type Pack } from '@/utils/corpus/pack';
import { corpusProgressItem, lastInstallItem, type CorpusProgress } from '@/utils/corpus/progress';
import type { DbStatus } from '@/utils/messaging/protocol';

let seeding: Promise<void> | null = null;
let lastError: string | null = null;

export function ensureSeeded(): Promise<void> {
  seeding ??= seedBuiltin().catch((error: unknown) => {
    lastError = describeDbError(error);
    seeding = null; // let the next request try again
    throw new Error(lastError);
  });
  return seeding;
}

async function seedBuiltin(): Promise<void> {
  const started = performance.now();
  clearStaleProgress(); // a previous worker may have been stopped mid-install
  // Every worker start comes here: compare the tiny version file with the installed pack first,
  // so the 3 MB pack is fetched and validated only when the shipped corpus really changed.
  const shipped = ShippedVersionSchema.parse(await (await fetch(extensionUrl('/corpus/version.json'))).json());
  const installed = await getDb().packs.get(BUILTIN_PACK_ID);
  if (installed && installed.corpusVersion === shipped.corpusVersion && installed.schemaVersion === shipped.schemaVersion) {
    lastError = null;
    return;
  }
  const response = await fetch(extensionUrl('/corpus/pack.json'));
  const pack = PackSchema.parse(await response.json());
  if (pack.id !== BUILTIN_PACK_ID) throw new Error('The shipped corpus pack has the wrong id.');
  await installWithProgress(pack, 'seeding', { builtin: true }, started);
  lastError = null;
}

// Progress writes are queued so "finished" never lands before a late "50 %".
let progressWrites: Promise<unknown> = Promise.resolve();
function writeProgress(value: CorpusProgress | null): void {
  progressWrites = progressWrites.then(() => corpusProgressItem.setValue(value)).catch(() => {});
}

/**
 * Installs a pack while publishing progress to extension storage, and records how long it took.
 * `startedAt` (performance.now()) lets the caller include its own reading/parsing in totalMs.
 */
export async function installWithProgress(
  pack: Pack,
  phase: CorpusProgress['phase'],
  opts: { builtin: boolean; rejectForeignIds?: boolean; beforeSwitch?: () => Promise<void> },
  startedAt = performance.now(),
): Promise<InstallResult> {
  const wallStart = Date.now();
  try {
    const result = await installPack(getDb(), pack, {
      ...opts,
      onProgress: (done, total) =>
        writeProgress({ phase, packId: pack.id, packName: pack.name, done, total, startedAt: wallStart, updatedAt: Date.now() }),
    });
    const totalMs = performance.now() - startedAt;
    if (result.status === 'installed')
      void lastInstallItem
      .setValue({ packId: pack.id, status: result.status, summaries: result.summaries, concepts: result.concepts, installMs: result.ms, totalMs, at: Date.now() })
      .catch(() => {});
    return result;
  } finally {
    writeProgress(null);
  }
}

/** A progress record left by a worker that was stopped mid-install is stale: clear it on start. */
export function clearStaleProgress(): void {
  writeProgress(null);
}

export async function dbStatus(): Promise<DbStatus> {
  try {
    await ensureSeeded();
    const db = getDb();
    const builtin = await db.packs.get(BUILTIN_PACK_ID);
    return {
      ready: true,
      ...(await liveCounts(db)),
      corpusVersion: builtin?.corpusVersion ?? null,
      error: null,
    };
  } catch (error) {
    return { ready: false, summaries: 0, concepts: 0, corpusVersion: null, error: lastError ?? describeDbError(error) };
  }
}
