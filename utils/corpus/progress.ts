// Seeding/import progress, kept by the background in extension storage so every extension page
// can watch it (storage.onChanged).
import { storage } from '#imports';

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
