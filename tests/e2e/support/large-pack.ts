// The popup with a 10,000-summary pack imported, checked alike in Chromium and Firefox: the pack
// file, and what the popup must (and, before the import, must not) find. Each browser's test
// supplies how it opens the popup and reads its rows.
import { expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePack, syntheticArxivId } from '../../fixtures/packs/make-packs';

export const LARGE_PACK_ID = 'e2e-10k';
export const LARGE_PACK_SIZE = 10_000;
/** make-packs titles end with "(<pack id> <index>)": this one paper of the pack. */
export const LARGE_PACK_PAPER = `(${LARGE_PACK_ID} 4321)`;
/** Time a 10,000-summary import may take on a loaded machine before the test gives up. */
export const LARGE_IMPORT_TIMEOUT = 150_000;

/**
 * Opens the popup, types `query` and returns the text of its result rows once one holds
 * `expectText` (with null: once any row or the "nothing found" line shows).
 */
export type PopupRows = (query: string, expectText: string | null) => Promise<string[]>;

/** Writes the pack file (~100 MB) to a fresh folder and returns its path: file inputs take it from disk. */
export function writeLargePack(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sl-pack-10k-')), 'pack-10k.json');
  writeFileSync(file, JSON.stringify(makePack({ id: LARGE_PACK_ID, summaries: LARGE_PACK_SIZE })));
  return file;
}

/** Before the import: the pack's paper is not found by its id; the shipped corpus is searched. */
export async function expectNotYetImported(rows: PopupRows): Promise<void> {
  expect((await rows(syntheticArxivId(4321), null)).join('\n')).not.toContain(LARGE_PACK_PAPER);
  expect((await rows('lottery ticket', 'Lottery Ticket Hypothesis')).length).toBeGreaterThan(0);
}

/** After the import: a paper of the pack by id and by words, and the shipped paper still first by its id. */
export async function expectImported(rows: PopupRows): Promise<void> {
  const byId = await rows(syntheticArxivId(4321), LARGE_PACK_PAPER);
  expect(byId[0]).toContain(LARGE_PACK_PAPER);
  // Title words plus the pack's own marker: the one paper of the pack with that index.
  const byWords = await rows(`${LARGE_PACK_ID} 4321`, LARGE_PACK_PAPER);
  expect(byWords.some((r) => r.includes(LARGE_PACK_PAPER))).toBe(true);
  // The shipped paper itself (the pack repeats its text under other ids, so its words alone
  // would also list the copies): by its arXiv id, and by words among its copies.
  const shipped = await rows('1903.01611', 'Lottery Ticket Hypothesis');
  expect(shipped[0]).toMatch(/^Stabilizing the Lottery Ticket Hypothesis/);
  expect(shipped[0]).not.toContain(`(${LARGE_PACK_ID}`);
  const byShippedWords = await rows('stabilizing lottery ticket', 'Lottery Ticket Hypothesis');
  expect(byShippedWords.some((r) => r.startsWith('Stabilizing the Lottery Ticket Hypothesis') && !r.includes(`(${LARGE_PACK_ID}`))).toBe(true);
}
