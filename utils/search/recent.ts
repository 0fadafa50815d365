// Papers viewed recently (the popup's empty state). Written by the background only — when a page,
// the side panel or the popup looks up a paper that has a summary — and kept in the background's
// IndexedDB (table `recent`, one row per paper id), which content scripts cannot read.
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

/** Where an older release kept the list (moved into IndexedDB on the first start). */
export const legacyRecentViewsItem = storage.defineItem<RecentView[]>('local:recentViews', { fallback: [] });
