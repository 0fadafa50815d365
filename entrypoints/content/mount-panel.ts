// Shared by the page features: wakes the background as soon as the page is parsed, asks it about
// the paper once the page has loaded, and has the panel drawn at the place the feature chose
// (./ui/panel-ui.tsx, in the drawing bundle: ./ui-api.ts).
import type { PageThemeReader } from '@/utils/theme';
import { sendMessage } from '@/utils/messaging/client';
import type { PaperRef } from '@/utils/paper-ref';
import { getSettings, type Settings } from '@/utils/settings';
import { afterPageLoad } from './after-load';
import { loadContentUi, type Lookup, type Outcome } from './ui-api';

export const PANEL_TAG = 'summary-lens-panel';

export interface PanelPlacement {
  /** Element the panel is placed relative to. */
  anchor: Element;
  append: 'first' | 'last' | 'before' | 'after';
  layout: 'column' | 'wide';
  /** The theme the page itself shows, when it has one. */
  readPageTheme?: PageThemeReader;
  /** Side margins (px) that line the panel up with the page's own text, measured once mounted. */
  inset?: (host: HTMLElement) => { left: number; right: number };
}

/**
 * A reply this fast (counted from the page's load, when the lookup is sent) is waited for, so the
 * panel appears once, in its final state: a running background answers in a few tens of
 * milliseconds. A slower one (the background is still starting) gets a one-line "Looking up…"
 * panel first, keeping the panel visible within the 150 ms quality bar.
 */
const WAIT_FOR_REPLY_MS = 50;
/** The latest the panel waits for the page's load event (after the content script started). */
export const PANEL_DEADLINE_MS = 100;

export async function mountPanel(signal: AbortSignal, ref: PaperRef, placement: PanelPlacement): Promise<void> {
  // A stopped background needs ~100 ms to start: it is woken now, while the page loads, by a
  // message that costs a running one nothing. The lookup (database reads and writes, the toolbar
  // mark) waits for the page's load, so none of that work competes with the page's own.
  void sendMessage('wake', {}).catch(() => {});
  const lookup: Promise<Outcome> = afterPageLoad(PANEL_DEADLINE_MS)
    .then(() => sendMessage('lookupPaper', { ref }))
    .then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error: `Could not look up this paper: ${error instanceof Error ? error.message : String(error)}` }),
    );
  // The drawing bundle too: the browser injects it when the page is idle (loaded, or a while
  // after DOMContentLoaded), not before. A page that turns out to want no panel ignores it.
  const ui = loadContentUi();
  ui.catch(() => {});
  // Leaving this paper in the page (OpenReview's in-page navigation): the tab's toolbar mark
  // follows the page's new URL (a full page load clears it in the browser itself).
  signal.addEventListener('abort', () => void sendMessage('markTab', {}).catch(() => {}), { once: true });

  const [settings] = await Promise.all([getSettings(), afterPageLoad(PANEL_DEADLINE_MS)]);
  const first = await Promise.race([lookup, new Promise<null>((resolve) => setTimeout(resolve, WAIT_FOR_REPLY_MS, null))]);
  if (signal.aborted) return;

  const wanted = (outcome: Outcome) => 'error' in outcome || wantsPanel(outcome.reply, settings);
  if (first && !wanted(first)) return;
  const drawing = await ui;
  if (signal.aborted) return;
  await drawing.showPanel(signal, { ref, placement, settings, first, lookup, wanted });
}

/** No panel for a dismissed paper, nor for a paper without summary when the user turned that state off. */
export function wantsPanel(reply: Pick<Lookup, 'summary' | 'dismissed'>, settings: Settings): boolean {
  if (reply.dismissed) return false;
  return reply.summary !== null || settings.showNoSummary;
}
