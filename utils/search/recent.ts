// Papers viewed recently (the popup's empty state). Written by the background only — when a page,
// the side panel or the popup looks up a paper that has a summary — and kept in storage.local,
// a short list, newest first.
import { storage } from '#imports';

export interface RecentView {
  summaryId: string;
  title: string | null;
  arxivId: string | null;
  openreviewId: string | null;
  year: number | null;
  viewedAt: number;
}

export const MAX_RECENT = 20;

export const recentViewsItem = storage.defineItem<RecentView[]>('local:recentViews', { fallback: [] });

/** The list after viewing `view`: it moves to the front, no duplicates, at most MAX_RECENT. */
export function withView(list: readonly RecentView[], view: RecentView): RecentView[] {
  return [view, ...list.filter((v) => v.summaryId !== view.summaryId)].slice(0, MAX_RECENT);
}
