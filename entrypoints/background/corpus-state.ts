// Seeds the shipped corpus once per corpus version, reports progress while installing, and
// reports readiness.
import { getDb } from '@/utils/db';
import { extensionUrl } from '@/utils/extension-url';
import { describeDbError } from '@/utils/db-errors';
import { liveCounts } from '@/utils/corpus/live';
import { BUILTIN_PACK_ID, PackSchema, ShippedVersionSchema } from '@/utils/corpus/pack';
import { installWithProgress, writeProgress } from '@/utils/corpus/progress';
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
  // An import running in an options page finishes first (it holds the install lock).
  await installWithProgress(getDb(), pack, 'seeding', { builtin: true, waitForLock: true }, started);
  lastError = null;
}

/** A progress record left by a worker stopped mid-install (or a closed page) is stale: clear it on start. */
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
