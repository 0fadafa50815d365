// Opening the side panel (Chromium `sidePanel`) / sidebar (Firefox `sidebar_action`) from an
// extension page, e.g. the popup's "Open side panel" button. Both browsers accept the call only
// while handling the user's click, so call openSidePanel directly from the click handler.
import { browser } from 'wxt/browser';

interface ChromiumSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

function apis(): { sidePanel?: ChromiumSidePanel; sidebarAction?: FirefoxSidebarAction } {
  return browser as unknown as { sidePanel?: ChromiumSidePanel; sidebarAction?: FirefoxSidebarAction };
}

/** Whether this browser has a side panel we can open (false e.g. in Chromium before 114). */
export function canOpenSidePanel(): boolean {
  const { sidePanel, sidebarAction } = apis();
  return typeof sidebarAction?.open === 'function' || typeof sidePanel?.open === 'function';
}

/**
 * Opens the side panel in the given window (default: the caller's window). Firefox requires the
 * call to happen synchronously inside the click handler, so it goes first, before any await;
 * Chromium accepts it while the click's user activation lasts (checked: after awaiting
 * windows.getCurrent()), but passing the windowId avoids even that wait.
 */
export function openSidePanel(windowId?: number): Promise<void> {
  const { sidePanel, sidebarAction } = apis();
  if (sidebarAction?.open) return sidebarAction.open();
  if (!sidePanel?.open) return Promise.reject(new Error('This browser has no side panel.'));
  if (windowId !== undefined) return sidePanel.open({ windowId });
  return browser.windows.getCurrent().then((w) => {
    if (w.id === undefined) throw new Error('No current window to open the side panel in.');
    return sidePanel.open({ windowId: w.id });
  });
}
