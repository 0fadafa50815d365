// OpenReview forum pages: the panel under the paper's header (title, authors, date/venue line).
// OpenReview is a single-page app: the runner re-runs this on every URL change, and the forum's
// DOM may arrive after the URL, so we wait for the header that belongs to the forum in the URL.
import { isOpenReviewChallenge, isOpenReviewForum, paperRefFromDocument, paperRefFromUrl } from '@/utils/detect';
import { waitFor } from '../dom';
import { mountPanel, type PanelPlacement } from '../mount-panel';
import type { Feature } from '../runner';

/**
 * The header of the forum `id`, in the current (`.forum-note`) or legacy (`.note`, API v1
 * venues) layout; null while the page still shows another forum or nothing.
 */
export function forumPlacement(doc: Document, id: string): PanelPlacement | null {
  const title = doc.querySelector<HTMLElement>('h2.citation_title');
  if (!title?.textContent?.trim()) return null;
  const note = title.closest('.forum-note, .forum-container .note') ?? title.parentElement;
  if (!note) return null;
  // Links in the header carry the forum id; another id means the old forum is still shown.
  const ids = [...note.querySelectorAll<HTMLAnchorElement>('a[href*="pdf?id="], a[href*="revisions?id="], a[href*="forum?id="]')].map((a) =>
    new URL(a.href, doc.baseURI).searchParams.get('id'),
  );
  if (ids.some((other) => other && other !== id)) return null;
  const header =
    note.querySelector('.forum-meta')?.closest('.clearfix') ??
    [...note.querySelectorAll(':scope > .meta_row')].at(-1) ??
    note.querySelector('.forum-authors') ??
    title.closest('.forum-title, .title_pdf_row') ??
    title;
  return { anchor: header, append: 'after', layout: 'wide' };
}

const feature: Feature = {
  name: 'openreview-forum',
  include: [isOpenReviewForum],
  async init(signal) {
    const id = paperRefFromUrl(location)?.openreviewId;
    if (!id || isOpenReviewChallenge(document)) return;
    const placement = await waitFor(() => (isOpenReviewChallenge(document) ? null : forumPlacement(document, id)), signal, 10_000);
    if (!placement || signal.aborted) return;
    const ref = paperRefFromDocument(document, location);
    if (!ref) return;
    await mountPanel(signal, ref, placement);
  },
};

export default feature;

/* Test URLs
https://openreview.net/forum?id=SylKikSYDH (Compressive Transformers, in the corpus by OpenReview id)
https://openreview.net/forum?id=r1xMH1BtvB (ELECTRA)
https://openreview.net/forum?id=rnunjvgxAMt (Gifsplanation: math)
https://openreview.net/group?id=ICLR.cc/2020/Conference (via: a venue page; open a paper from it, in-page)
*/
