// The toolbar badge: a check mark on tabs whose paper has a summary, in every page form (abs,
// PDF, HTML, OpenReview). It costs nothing on other sites: no listener fires for every tab of
// the browser. The browser clears a tab's badge when the tab loads another page; the content
// script, on the paper sites only, asks for the mark of its page (lookupPaper, markTab: PDF
// tabs in Chromium, whose viewer runs content scripts; in-page navigations on OpenReview).
// Firefox's PDF viewer runs none: there, tabs.onUpdated filtered to the paper sites' PDF URLs.
// No `tabs` or `webNavigation` permission: the host permissions give the paper tabs' URLs.
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { paperRefFromUrl } from '@/utils/detect';
import { findSummary } from '@/utils/corpus/lookup';
import { getDb } from '@/utils/db';
import type { PaperRef } from '@/utils/paper-ref';
import { ensureSeeded } from './corpus-state';

export const BADGE_TEXT = '✓';

/** The paper sites' PDF addresses (Firefox's tabs.onUpdated filter). */
export const PDF_URL_PATTERNS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'].map((host) => `*://${host}/pdf/*`).concat('*://openreview.net/pdf*');
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
}

/** A page's mark found by its content script (e.g. matched by title), per tab id. */
type ConfirmedMarks = Record<string, { url: string; title: string | null }>;

/**
 * Kept in session storage: a worker that stopped and started again (or refreshes every tab after
 * a pack import) still knows which tabs' pages were matched by what they show, not by their URL.
 */
export const confirmedMarksItem = storage.defineItem<ConfirmedMarks>('session:tabMarks', { fallback: {} });

// Writes queue up so two confirmations never overwrite each other's read-modify-write.
let markWrites: Promise<unknown> = Promise.resolve();
function editMarks(edit: (marks: ConfirmedMarks) => void): Promise<void> {
  const next = markWrites.then(async () => {
    const marks = { ...(await confirmedMarksItem.getValue()) };
    edit(marks);
    await confirmedMarksItem.setValue(marks);
  });
  markWrites = next.catch(() => {});
  return next;
}

export function createTabBadges(lookup: SummaryLookup = corpusLookup): TabBadges {
  // Navigations can overtake each other's lookups: only the newest one per tab may paint.
  const generation = new Map<number, number>();

  async function update(tabId: number, url: string | undefined): Promise<void> {
    const mine = (generation.get(tabId) ?? 0) + 1;
    generation.set(tabId, mine);
    let state: BadgeState;
    try {
      state = await badgeForUrl(url, lookup);
    } catch {
      state = { text: '', title: DEFAULT_TITLE }; // a database that cannot answer marks nothing
    }
    const byPage = state.text ? undefined : (await confirmedMarksItem.getValue().catch(() => ({}) as ConfirmedMarks))[tabId];
    if (byPage && byPage.url === url) state = markFor(byPage.title);
    if (generation.get(tabId) !== mine) return;
    await paint(tabId, state);
  }

  async function confirm(tabId: number, url: string, title: string | null): Promise<void> {
    generation.set(tabId, (generation.get(tabId) ?? 0) + 1);
    await Promise.all([paint(tabId, markFor(title)), editMarks((marks) => void (marks[tabId] = { url, title })).catch(() => {})]);
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
    // Closed tabs' confirmations go here (listening to every tab's closing would wake us for all).
    const open = new Set(tabs.map((t) => String(t.id)));
    await editMarks((marks) => {
      for (const id of Object.keys(marks)) if (!open.has(id)) delete marks[id];
    }).catch(() => {});
    await Promise.all(tabs.filter((t) => t.id !== undefined).map((t) => update(t.id!, t.url)));
  }

  return { update, refreshAll, confirm };
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
  // Firefox: its PDF viewer runs no content script. The filter keeps every other tab's events
  // away from the background (Chromium has no such filter, and runs content scripts on PDFs).
  if (import.meta.env.FIREFOX) {
    const onUpdated = browser.tabs.onUpdated as unknown as {
      addListener(cb: (tabId: number, change: { url?: string; status?: string }, tab: { url?: string }) => void, filter: { urls: string[]; properties: string[] }): void;
    };
    onUpdated.addListener(
      (tabId, change, tab) => {
        // Firefox resets tab-specific badges when a page loads: mark again once it is complete.
        if (change.url !== undefined || change.status === 'complete') void badges.update(tabId, tab.url ?? change.url);
      },
      { urls: PDF_URL_PATTERNS, properties: ['url', 'status'] },
    );
  }
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

/** Recomputes one tab's mark for the page it shows (its content script asked). */
export function updateTabBadge(tabId: number, url: string): Promise<void> {
  return shared?.update(tabId, url) ?? Promise.resolve();
}

/** Recomputes every tab's badge (for code that changes the corpus, e.g. a pack import). */
export function refreshAllTabBadges(): Promise<void> {
  return shared?.refreshAll() ?? Promise.resolve();
}
