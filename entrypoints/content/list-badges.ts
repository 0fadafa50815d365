// Result lists on the opt-in sites (and OpenReview venue pages): the papers a reader finds, in
// one batched lookup (summary, and a has-note flag: never the note's text), then a badge on each
// that has a summary or a note, drawn by ./ui/listing-ui.tsx (loaded only when there is one).
// Single-page apps add entries later (more results, another tab): those are looked up once the
// DOM has been quiet for a moment, until the feature's signal aborts.
import type { ListedRef } from '@/utils/detect';
import { sendMessage } from '@/utils/messaging/client';
import { afterPageLoad } from './after-load';
import { waitForQuiet } from './dom';
import { PANEL_DEADLINE_MS } from './mount-panel';
import { loadContentUi } from './ui-api';

/** The protocol caps one lookupRefs at 200 papers. */
const BATCH = 200;

export async function badgeListedPapers(signal: AbortSignal, list: () => ListedRef[]): Promise<void> {
  const done = new WeakSet<Element>();
  const pass = async () => {
    const fresh = list().filter((e) => !done.has(e.anchor));
    fresh.forEach((e) => done.add(e.anchor));
    for (let i = 0; i < fresh.length && !signal.aborted; i += BATCH) {
      const chunk = fresh.slice(i, i + BATCH);
      const { found } = await sendMessage('lookupRefs', { refs: chunk.map((e) => e.ref) });
      const hits = chunk.flatMap((paper, j) => (found[j] ? [{ paper, hit: found[j]! }] : []));
      if (signal.aborted || hits.length === 0) continue;
      await afterPageLoad(PANEL_DEADLINE_MS);
      const ui = await loadContentUi();
      if (!signal.aborted) await ui.showListingBadges(signal, hits);
    }
  };
  await pass();
  while (!signal.aborted && (await waitForQuiet(signal))) await pass();
}
