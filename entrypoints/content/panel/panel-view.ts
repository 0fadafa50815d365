// Whether the in-page panel shows a summary in full or its opening (the compact default).
// Remembered for every paper and tab, like collapsing; a view preference, not a setting.
import { storage } from '#imports';

export const panelExpandedItem = storage.defineItem<boolean>('local:panelExpanded', { fallback: false });

/**
 * How much of a summary the compact panel shows (visible characters, cut at a sentence end):
 * about three lines above the abstract, about ten in arXiv's narrow right column.
 */
export const PREVIEW_CHARS = { wide: 360, column: 220 } as const;
