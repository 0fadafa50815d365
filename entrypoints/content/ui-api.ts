// The content script comes in two bundles. The one in the manifest is small: it detects the
// page, asks the background, and waits for the page's load. Only a page that gets a panel or
// badges loads the second, which draws them (preact, the panel, its styles): the background
// injects it into the same tab and frame (scripting API; nothing of it is web-accessible), and
// it hands its functions over in the content scripts' own world, which pages cannot see.
import { sendMessage, type ResponseMap } from '@/utils/messaging/client';
import type { PaperRef } from '@/utils/paper-ref';
import type { Settings } from '@/utils/settings';
import type { PanelPlacement } from './mount-panel';

export type Lookup = ResponseMap['lookupPaper'];
export type Outcome = { reply: Lookup } | { error: string };

/** What the second bundle draws, with its own content script context (WXT puts its styles in each shadow root). */
export interface ContentUi {
  /** Mounts the panel; `first` is the lookup's outcome when it was already known, `lookup` its promise. */
  showPanel(
    signal: AbortSignal,
    args: { ref: PaperRef; placement: PanelPlacement; settings: Settings; first: Outcome | null; lookup: Promise<Outcome>; wanted: (outcome: Outcome) => boolean },
  ): Promise<void>;
  /** Badges every listed paper that has a summary (or a note mark where it has only a note). */
  showListingBadges(signal: AbortSignal, entries: { paper: BadgeSpot; hit: ListedHit }[]): Promise<void>;
}

/** Where a badge goes: right after `anchor`; an unfolded summary at the end of `item`. */
export interface BadgeSpot {
  anchor: Element;
  item: Element;
}

/** What the background knows of a listed paper: its summary, if any, and whether it has a note (a flag, never its text). */
export interface ListedHit {
  summaryId: string | null;
  title: string | null;
  hasNote?: boolean;
}

const KEY = Symbol.for('summary-lens.content-ui');

/** Called by the second bundle when the background injected it. */
export function provideContentUi(ui: ContentUi): void {
  (globalThis as Record<symbol, unknown>)[KEY] = ui;
}

let loading: Promise<ContentUi> | null = null;

/** The drawing bundle, injected once per page. */
export function loadContentUi(): Promise<ContentUi> {
  const present = (globalThis as Record<symbol, ContentUi | undefined>)[KEY];
  if (present) return Promise.resolve(present);
  loading ??= sendMessage('loadContentUi', {}).then(() => {
    const ui = (globalThis as Record<symbol, ContentUi | undefined>)[KEY];
    if (!ui) throw new Error('The panel script did not load.');
    return ui;
  });
  loading.catch(() => (loading = null));
  return loading;
}
