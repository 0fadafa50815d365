// Seeds the shipped corpus once per corpus version and reports readiness.
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { installPack } from '../corpus/install';
import { BUILTIN_PACK_ID, PackSchema } from '../corpus/pack';
import type { DbStatus } from '../messaging/protocol';

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
  const response = await fetch(browser.runtime.getURL('/corpus/pack.json'));
  const pack = PackSchema.parse(await response.json());
  if (pack.id !== BUILTIN_PACK_ID) throw new Error('The shipped corpus pack has the wrong id.');
  await installPack(getDb(), pack, { builtin: true });
  lastError = null;
}

/** Turns IndexedDB failures into sentences a user can act on. */
export function describeDbError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'VersionError' || inner === 'VersionError')
    return 'Your notes database was written by a newer version of Summary Lens. Update the extension to open it; nothing was changed.';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
    return 'The browser has no storage space left for Summary Lens. Free some disk space; nothing was lost.';
  return error instanceof Error ? error.message : String(error);
}

export async function dbStatus(): Promise<DbStatus> {
  try {
    await ensureSeeded();
    const db = getDb();
    const builtin = await db.packs.get(BUILTIN_PACK_ID);
    return {
      ready: true,
      summaries: await db.summaries.count(),
      concepts: await db.concepts.count(),
      corpusVersion: builtin?.corpusVersion ?? null,
      error: null,
    };
  } catch (error) {
    return { ready: false, summaries: 0, concepts: 0, corpusVersion: null, error: lastError ?? describeDbError(error) };
  }
}
