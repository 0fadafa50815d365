// Performance marks the benchmark reads (`npm run bench`). Only its own build sets WXT_BENCH, so
// a shipped build carries none: a page shares the content script's performance timeline and
// could read a mark as a sign that the extension is installed.
export function benchMark(name: string): void {
  if (import.meta.env.WXT_BENCH === '1') performance.mark(name);
}

/** True once `name` was marked (bench builds only; always false in a shipped build). */
export const benchMarked = (name: string): boolean => import.meta.env.WXT_BENCH === '1' && performance.getEntriesByName(name).length > 0;
