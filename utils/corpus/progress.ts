// Seeding/import progress, kept by whoever installs (the background seeding, an options page
// importing) in extension storage so every extension page
// can watch it (storage.onChanged).
import { storage } from '#imports';
import type { SummaryLensDB } from '../db';
import { installPack, type InstallOptions, type InstallResult } from './install';
import type { Pack } from './pack';

export interface CorpusProgress {
  phase: 'seeding' | 'importing';
  packId: string;
  packName: string;
  /** Summaries written so far under the new generation (invisible until the final switch). */
  done: number;
  total: number;
  startedAt: number;
  updatedAt: number;
}

/** The last finished install (builtin seeding or import), for the UI and the measurements. */
export interface LastInstall {
  packId: string;
  status: 'installed' | 'unchanged';
  summaries: number;
  concepts: number;
  /** Time writing the rows (chunked transactions) and switching them on. */
  installMs: number;
  /** Everything: reading/parsing/validating the pack plus the transaction. */
  totalMs: number;
  at: number;
}

export const corpusProgressItem = storage.defineItem<CorpusProgress | null>('local:corpusProgress', { fallback: null });
export const lastInstallItem = storage.defineItem<LastInstall | null>('local:corpusLastInstall', { fallback: null });

/** A record the background stopped updating (it was stopped mid-install) is not shown as live. */
export function isLiveProgress(p: CorpusProgress | null, now = Date.now()): p is CorpusProgress {
  return p !== null && now - p.updatedAt < 60_000;
}

// Progress writes are queued so "finished" never lands before a late "50 %".
let progressWrites: Promise<unknown> = Promise.resolve();
export function writeProgress(value: CorpusProgress | null): void {
  progressWrites = progressWrites.then(() => corpusProgressItem.setValue(value)).catch(() => {});
}

/**
 * Installs a pack while publishing progress to extension storage (every extension page shows
 * it), and records how long it took. Used by the background (seeding) and the options page
 * (imports). `startedAt` (performance.now()) lets the caller include its reading and checking.
 */
export async function installWithProgress(db: SummaryLensDB, pack: Pack, phase: CorpusProgress['phase'], opts: InstallOptions, startedAt = performance.now()): Promise<InstallResult> {
  const wallStart = Date.now();
  try {
    const result = await installPack(db, pack, {
      ...opts,
      onProgress: (done, total) => {
        opts.onProgress?.(done, total);
        writeProgress({ phase, packId: pack.id, packName: pack.name, done, total, startedAt: wallStart, updatedAt: Date.now() });
      },
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
