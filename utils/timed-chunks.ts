// Writes many rows in transactions sized by time, not by count: while one write transaction runs,
// a reader of the same store (another tab's lookup) waits for it, so each is kept near a target
// duration on whatever machine runs it: bigger on a fast one (fewer transactions), smaller on a
// slow or busy one (short waits).

export interface TimedChunks {
  /** Target duration of one write, in ms. */
  targetMs: number;
  /** Rows in the first write, before anything is measured. */
  first: number;
  min: number;
  max: number;
}

export async function writeInTimedChunks<T>(rows: readonly T[], write: (slice: T[]) => Promise<unknown>, size: TimedChunks, onProgress?: (done: number) => void): Promise<void> {
  let chunk = size.first;
  for (let i = 0; i < rows.length; ) {
    const slice = rows.slice(i, i + chunk);
    const started = performance.now();
    await write(slice);
    const ms = Math.max(performance.now() - started, 1);
    i += slice.length;
    onProgress?.(i);
    // Rows per ms just measured, scaled to the target (never more than doubling at once).
    chunk = Math.round(Math.min(size.max, Math.max(size.min, Math.min(chunk * 2, (slice.length / ms) * size.targetMs))));
  }
}
