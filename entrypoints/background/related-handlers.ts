// Related papers and background concepts: the panel's way to show a concept section.
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db';
import { getConceptRow } from '@/utils/corpus/live';
import { extensionUrl } from '@/utils/extension-url';
import { MessageError } from '@/utils/messaging/client';
import type { Handlers } from '@/utils/messaging/dispatch';
import { ensureSeeded } from './corpus-state';

/** The extension page that shows one course-notes section (entrypoints/concept). */
export function conceptPageUrl(id: string): string {
  // getURL's typed paths list only what `wxt prepare` saw; the page is ours either way.
  return `${extensionUrl('/concept.html')}?id=${encodeURIComponent(id)}`;
}

export const relatedHandlers: Pick<Handlers, 'openConcept'> = {
  openConcept: async ({ id }) => {
    await ensureSeeded();
    // Only sections that exist: a page cannot make us open tabs for arbitrary ids.
    if (!(await getConceptRow(getDb(), id))) throw new MessageError('bad-request', `No course-notes section "${id}".`);
    // tabs.create needs no "tabs" permission.
    await browser.tabs.create({ url: conceptPageUrl(id) });
    return { opened: true };
  },
};
