// Which tab the side panel describes: the active tab of the window the panel lives in, followed
// across tab switches (tabs.onActivated) and navigations (tabs.onUpdated). No `tabs` permission:
// both events fire regardless, and tab.url is filled in for hosts we hold host permissions for
// (the paper sites), undefined elsewhere — which is exactly "not a paper" for us.
import { browser, type Browser } from 'wxt/browser';

export interface WatchedTab {
  id: number;
  /** undefined: a page on a host we have no permission for (so not a paper page). */
  url: string | undefined;
  title: string | undefined;
}

/**
 * Calls `onChange` with the described tab now and whenever it changes (another tab activated in
 * this window, or the tab navigated), until `signal` aborts. `null`: no tab to describe.
 *
 * In the real side panel (Chromium) or sidebar (Firefox) the window's active tab is never the
 * panel itself. When the page is opened as an ordinary tab instead, that tab is the active one
 * while the user looks at it, so the panel keeps describing the tab the user was on before.
 */
export async function watchActiveTab(onChange: (tab: WatchedTab | null) => void, signal: AbortSignal): Promise<void> {
  const self = await browser.tabs.getCurrent(); // undefined in a side panel / sidebar
  const windowId = (await browser.windows.getCurrent()).id;
  let current: WatchedTab | null | undefined; // undefined: nothing reported yet

  const report = (tab: Browser.tabs.Tab | undefined) => {
    if (signal.aborted) return;
    const next = tab?.id !== undefined ? { id: tab.id, url: tab.url, title: tab.title } : null;
    if (current !== undefined && current?.id === next?.id && current?.url === next?.url) return;
    current = next;
    onChange(next);
  };

  const onActivated = ({ tabId, windowId: win }: { tabId: number; windowId: number }) => {
    if (win !== windowId || tabId === self?.id) return;
    browser.tabs.get(tabId).then(report, () => report(undefined));
  };
  const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: Browser.tabs.Tab) => {
    // URL changes (including in-page ones on OpenReview) and loads; a load to a host we cannot
    // see comes without a URL and must clear the panel.
    if (tabId !== current?.id || (change.url === undefined && change.status === undefined)) return;
    report(tab);
  };
  const onRemoved = (tabId: number) => {
    if (tabId === current?.id) void initial(); // the next active tab's onActivated follows anyway
  };

  async function initial() {
    const [active] = await browser.tabs.query({ active: true, windowId });
    if (active && active.id !== self?.id) return report(active);
    // Opened as a tab and currently showing: describe the tab used just before it.
    const others = (await browser.tabs.query({ windowId })).filter((t) => t.id !== self?.id);
    others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    report(others[0]);
  }

  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  signal.addEventListener('abort', () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
  });
  await initial();
}
