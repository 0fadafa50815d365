// The toolbar badge: a check mark on tabs whose paper has a summary, in every page form (abs,
// PDF, HTML, OpenReview) — PDF tabs run no content script, so the background decides from the
// tab's URL alone. No `tabs` or `webNavigation` permission: tabs.onUpdated reports a tab's URL
// only for hosts we hold host permissions for, which are exactly the paper sites. Other tabs
// arrive without a URL and get no badge.
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { paperRefFromUrl } from '@/utils/detect';
import { findSummary } from '@/utils/corpus/lookup';
import { getDb } from '@/utils/db';
import type { PaperRef } from '@/utils/paper-ref';
import { ensureSeeded } from './corpus-state';

export const BADGE_TEXT = '✓';
export const BADGE_COLOR = '#1a7f37';
export const DEFAULT_TITLE = 'Summary Lens';

export interface BadgeState {
  text: string;
  title: string;
}

/** Finds the summary title for a paper reference, or undefined when it has no summary. */
export type SummaryLookup = (ref: PaperRef) => Promise<{ paper: { title: string | null } } | undefined>;

const corpusLookup: SummaryLookup = async (ref) => {
  await ensureSeeded();
  return findSummary(getDb(), ref);
};

/** The badge a tab showing `url` should carry. */
export async function badgeForUrl(url: string | undefined, lookup: SummaryLookup = corpusLookup): Promise<BadgeState> {
  const ref = url ? paperRefFromUrl(url) : null;
  const row = ref ? await lookup(ref) : undefined;
  return row ? markFor(row.paper.title) : { text: '', title: DEFAULT_TITLE };
}

function markFor(title: string | null): BadgeState {
  return { text: BADGE_TEXT, title: `${DEFAULT_TITLE}: summary of “${title ?? 'this paper'}”` };
}

type ActionApi = Pick<typeof browser.action, 'setBadgeText' | 'setTitle' | 'setBadgeBackgroundColor'>;

/** Chromium MV3 has `action`; Firefox MV2 only `browserAction` (the polyfill does not alias them). */
export function toolbarAction(): ActionApi {
  const apis = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  const api = apis.action ?? apis.browserAction;
  if (!api) throw new Error('No toolbar action API in this browser.');
  return api;
}

export interface TabBadges {
  /** Recomputes one tab's badge from its URL (undefined: a URL we may not see, so no paper). */
  update(tabId: number, url: string | undefined): Promise<void>;
  /** Recomputes every open tab, e.g. at start-up or after a corpus pack was installed or removed. */
  refreshAll(): Promise<void>;
  /**
   * The tab's content script found a summary for the page at `url` (e.g. an OpenReview forum
   * matched by title, which its URL alone cannot tell): mark it for as long as it stays on that URL.
   */
  confirm(tabId: number, url: string, title: string | null): Promise<void>;
  forget(tabId: number): void;
}

export function createTabBadges(lookup: SummaryLookup = corpusLookup): TabBadges {
  // Navigations can overtake each other's lookups: only the newest one per tab may paint.
  const generation = new Map<number, number>();
  const confirmed = new Map<number, { url: string; title: string | null }>();

  async function update(tabId: number, url: string | undefined): Promise<void> {
    const mine = (generation.get(tabId) ?? 0) + 1;
    generation.set(tabId, mine);
    let state: BadgeState;
    try {
      state = await badgeForUrl(url, lookup);
    } catch {
      state = { text: '', title: DEFAULT_TITLE }; // a database that cannot answer marks nothing
    }
    const byPage = confirmed.get(tabId);
    if (!state.text && byPage && byPage.url === url) state = markFor(byPage.title);
    if (generation.get(tabId) !== mine) return;
    await paint(tabId, state);
  }

  async function confirm(tabId: number, url: string, title: string | null): Promise<void> {
    confirmed.set(tabId, { url, title });
    generation.set(tabId, (generation.get(tabId) ?? 0) + 1);
    await paint(tabId, markFor(title));
  }

  async function paint(tabId: number, state: BadgeState): Promise<void> {
    const action = toolbarAction();
    try {
      await action.setBadgeText({ tabId, text: state.text });
      await action.setTitle({ tabId, title: state.title });
    } catch {
      // The tab closed while we looked it up.
    }
  }

  async function refreshAll(): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.filter((t) => t.id !== undefined).map((t) => update(t.id!, t.url)));
  }

  const forget = (tabId: number) => {
    generation.delete(tabId);
    confirmed.delete(tabId);
  };
  return { update, refreshAll, confirm, forget };
}

let shared: TabBadges | null = null;

/**
 * Set once the open tabs were marked in this browser session. The browser keeps per-tab badges
 * while the extension runs and clears session storage exactly when it drops them (browser
 * restart, extension reload/update/re-enable), so a service worker that merely woke up for a
 * message does not look every open tab up again.
 */
export const badgesPaintedThisSession = storage.defineItem<boolean>('session:tabBadgesPainted', { fallback: false });

/** Wires the badge to tab events. Call once, synchronously, when the background starts. */
export function watchTabBadges(lookup?: SummaryLookup): TabBadges {
  const badges = createTabBadges(lookup);
  shared = badges;
  void toolbarAction()
    .setBadgeBackgroundColor({ color: BADGE_COLOR })
    .catch(() => {});
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    // A URL change (load or in-page navigation on OpenReview), and every load start and end:
    // Firefox resets tab-specific badges when a page loads, and a tab leaving our hosts reports
    // a load without a URL, which must clear the mark.
    if (changeInfo.url !== undefined || changeInfo.status === 'loading' || changeInfo.status === 'complete') {
      void badges.update(tabId, tab.url ?? changeInfo.url);
    }
  });
  // The browser drops a closed tab's badge itself; we only forget its lookup counter.
  browser.tabs.onRemoved.addListener((tabId) => badges.forget(tabId));
  void badgesPaintedThisSession
    .getValue()
    .then(async (painted) => {
      if (painted) return;
      await badges.refreshAll();
      await badgesPaintedThisSession.setValue(true);
    })
    .catch(() => {});
  return badges;
}

/** Marks a tab whose content script found a summary its URL alone does not reveal. */
export function confirmTabBadge(tabId: number, url: string, title: string | null): Promise<void> {
  return shared?.confirm(tabId, url, title) ?? Promise.resolve();
}

/** Recomputes every tab's badge (for code that changes the corpus, e.g. a pack import). */
export function refreshAllTabBadges(): Promise<void> {
  return shared?.refreshAll() ?? Promise.resolve();
}
