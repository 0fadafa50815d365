// An older release kept drafts, dismissed papers and the recent list in storage.local, which
// every content script can read. On start they move to IndexedDB (drafts to the extension-only
// drafts database, the others to the paper-keyed tables) and leave storage.local.
import { getDb } from '@/utils/db';
import { moveLegacyDrafts } from '@/utils/notes/drafts';
import { legacyDismissedPapersItem } from '@/utils/settings';
import { legacyRecentViewsItem } from '@/utils/search/recent';
import { arxivAlias, openreviewAlias } from '@/utils/identity/aliases';
import { currentPaperId, ensurePaper, resolvePaper } from './identity-store';

export async function moveLegacyStorage(): Promise<void> {
  const db = getDb();
  const now = Date.now();
  const dismissed = await legacyDismissedPapersItem.getValue();
  if (dismissed.length) {
    await db.transaction('rw', db.dismissals, db.aliases, db.papers, async () => {
      for (const key of dismissed) {
        const id = await currentPaperId(db, key);
        await ensurePaper(db, id, null, now);
        await db.dismissals.put({ paperKey: id, at: now });
      }
    });
  }
  await legacyDismissedPapersItem.removeValue();

  const recent = await legacyRecentViewsItem.getValue();
  for (const view of recent) {
    const aliases = [arxivAlias(view.arxivId), openreviewAlias(view.openreviewId), `summary:${view.summaryId}`].filter((a): a is string => a !== null);
    const paper = await resolvePaper(db, { aliases, sources: new Map(aliases.map((a) => [a, 'corpus'])), title: view.title }, now);
    if (paper && !(await db.recent.get(paper.paperId))) await db.recent.put({ ...view, paperKey: paper.paperId });
  }
  await legacyRecentViewsItem.removeValue();

  await moveLegacyDrafts();
}
