// IndexedDB failures as sentences a user can act on, in every context that writes the database.
// Dexie wraps the browser's DOMException in `inner`, so both names are checked.

const errorName = (error: unknown): string[] => [(error as { name?: string })?.name ?? '', (error as { inner?: { name?: string } })?.inner?.name ?? ''];

/** The disk (or the origin's quota) is full. */
export const isQuotaError = (error: unknown): boolean => errorName(error).includes('QuotaExceededError');

/**
 * `what`: the action that failed, e.g. "the import" (a full disk then says that action was rolled
 * back). Every write here runs in one transaction, so nothing is ever half written.
 */
export function describeDbError(error: unknown, what?: string): string {
  const names = errorName(error);
  if (names.includes('VersionError'))
    return 'Your notes database was written by a newer version of Summary Lens. Update the extension to open it; nothing was changed.';
  if (names.includes('QuotaExceededError'))
    return what
      ? `The browser has no storage space left for Summary Lens, so ${what} was cancelled and rolled back: nothing was changed. Free some disk space and try again.`
      : 'The browser has no storage space left for Summary Lens. Free some disk space; nothing was lost.';
  const message = error instanceof Error ? error.message : String(error);
  return what ? `${what[0].toUpperCase()}${what.slice(1)} failed: ${message}` : message;
}

/**
 * Chromium aborts transactions in flight, reads too, when its store hits a full disk or recovers
 * from it; a moment later the same read succeeds. Page lookups are idempotent, so they try again.
 */
export async function retryAborted<T>(run: () => Promise<T>, attempts = 3, waitMs = 150): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const names = errorName(error);
      if (attempt >= attempts || !(names.includes('AbortError') || names.includes('UnknownError'))) throw error;
      await new Promise((resolve) => setTimeout(resolve, waitMs * attempt));
    }
  }
}
