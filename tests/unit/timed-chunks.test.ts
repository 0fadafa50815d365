// Write transactions sized by time: each near the target on a slow or a fast writer.
import { describe, expect, it } from 'vitest';
import { writeInTimedChunks } from '../../utils/timed-chunks';

/** A writer that takes `msPerRow` per row, on a fake clock. */
function fakeWriter(msPerRow: number) {
  let now = 0;
  const sizes: number[] = [];
  const clock = { now: () => now };
  const write = async (slice: number[]) => {
    sizes.push(slice.length);
    now += slice.length * msPerRow;
  };
  return { sizes, write, clock };
}

describe('writeInTimedChunks', () => {
  for (const [name, msPerRow, expected] of [
    ['a slow writer', 2, 20],
    ['a fast writer', 0.05, 800],
  ] as const) {
    it(`settles near the target with ${name}, writing every row once, in order`, async () => {
      const { sizes, write, clock } = fakeWriter(msPerRow);
      const realNow = performance.now.bind(performance);
      performance.now = clock.now;
      const rows = Array.from({ length: 20_000 }, (_, i) => i);
      const written: number[] = [];
      try {
        await writeInTimedChunks(rows, async (slice) => (written.push(...slice), write(slice)), { targetMs: 40, first: 50, min: 10, max: 1000 });
      } finally {
        performance.now = realNow;
      }
      expect(written).toEqual(rows);
      expect(sizes[0]).toBe(50);
      expect(sizes.slice(5, -1).every((n) => n === expected)).toBe(true);
    });
  }

  it('keeps to the bounds', async () => {
    const { sizes, write, clock } = fakeWriter(100);
    const realNow = performance.now.bind(performance);
    performance.now = clock.now;
    try {
      await writeInTimedChunks(Array.from({ length: 200 }, (_, i) => i), write, { targetMs: 40, first: 50, min: 10, max: 1000 });
    } finally {
      performance.now = realNow;
    }
    expect(sizes.slice(1).every((n) => n === 10)).toBe(true);
  });
});
