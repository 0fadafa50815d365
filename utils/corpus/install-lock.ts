// One corpus install at a time across every context of the extension: the background seeding
// the shipped corpus, an options page importing a pack, a second options tab. A Web Lock (the
// same in extension pages, workers and service workers of Chromium and Firefox) is released when
// its holder finishes or its page closes, so a closed page never blocks the next import and the
// rows it left are swept by whoever takes the lock next.
import { PackError } from './validate';

export const INSTALL_LOCK = 'summary-lens-corpus-install';

export const BUSY_MESSAGE = 'Another import or corpus update is running (in another tab, or the extension is setting up its corpus); wait for it to finish, then import this file again.';

/** Runs `work` holding the install lock, waiting for it if another context holds it. */
export function withInstallLock<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks.request(INSTALL_LOCK, () => work()) as Promise<T>;
}

/** Runs `work` holding the install lock if it is free now; otherwise refuses with PackError('busy'). */
export async function withFreeInstallLock<T>(work: () => Promise<T>): Promise<T> {
  let ran = false;
  const result = await navigator.locks.request(INSTALL_LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return undefined;
    ran = true;
    return work();
  });
  if (!ran) throw new PackError('busy', BUSY_MESSAGE);
  return result as T;
}

/** Runs `work` only if no install runs anywhere (housekeeping that must not race one); false when skipped. */
export async function whenNoInstall(work: () => Promise<unknown>): Promise<boolean> {
  return navigator.locks.request(INSTALL_LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await work();
    return true;
  });
}

/** Whether some context holds (or waits for) the install lock now: a quick answer before heavy work. */
export async function installRunning(): Promise<boolean> {
  const { held = [], pending = [] } = await navigator.locks.query();
  return [...held, ...pending].some((lock) => lock.name === INSTALL_LOCK);
}
