// The content script comes in two bundles. The first is small: it detects the page, asks the
// background, and waits for the page's load. The second draws (preact, the panel, its styles).
// On pages that always get a panel the browser runs it once the page is idle (PANEL_UI_MATCHES),
// so a first panel does not wait for a stopped background to wake; on listing and search pages
// the background injects it only when they show badges (scripting API). Nothing of it is
// web-accessible; it hands its functions over in the content scripts' own world, which pages
// cannot see.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { sendMessage, type ResponseMap } from '@/utils/messaging/client';
import { afterPageLoad } from './after-load';
import { PANEL_UI_MATCHES } from './matches';
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

/** Where the two bundles meet: the content scripts' own global, which pages cannot see. */
interface Meeting {
  ui: ContentUi | null;
  waiting: ((ui: ContentUi) => void)[];
}
const KEY = Symbol.for('summary-lens.content-ui');
const meeting = (): Meeting => ((globalThis as Record<symbol, Meeting | undefined>)[KEY] ??= { ui: null, waiting: [] });

/** Called by the second bundle when it runs (run by the browser, or injected by the background). */
export function provideContentUi(ui: ContentUi): void {
  const m = meeting();
  m.ui = ui;
  for (const resolve of m.waiting.splice(0)) resolve(ui);
}

/**
 * How long after the page's load the browser's own run of the bundle may still come before the
 * background is asked instead (a tab restored or prerendered may run idle scripts late).
 */
const BROWSER_RUN_GRACE_MS = 1000;
/** ...counted from the page's load, or from this long after DOMContentLoaded when the load drags on. */
const BROWSER_RUN_DEADLINE_MS = 5000;
const browserRuns = PANEL_UI_MATCHES.map((p) => new MatchPattern(p));

let loading: Promise<ContentUi> | null = null;

/** The drawing bundle, once per page. */
export function loadContentUi(): Promise<ContentUi> {
  const m = meeting();
  if (m.ui) return Promise.resolve(m.ui);
  const url = location.href;
  loading ??= (browserRuns.some((p) => p.includes(url)) ? fromBrowser(m) : Promise.resolve(null)).then((ui) => ui ?? fromBackground(m));
  loading.catch(() => (loading = null));
  return loading;
}

function fromBrowser(m: Meeting): Promise<ContentUi | null> {
  return new Promise((resolve) => {
    m.waiting.push(resolve);
    void afterPageLoad(BROWSER_RUN_DEADLINE_MS).then(() => setTimeout(resolve, BROWSER_RUN_GRACE_MS, null));
  });
}

async function fromBackground(m: Meeting): Promise<ContentUi> {
  await sendMessage('loadContentUi', {});
  if (!m.ui) throw new Error('The panel script did not load.');
  return m.ui;
}
