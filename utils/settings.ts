// User settings, in extension storage (not Dexie) so every context, including content scripts,
// reads them directly and hears changes through storage.onChanged. Only the background writes.
import { storage } from '#imports';

export interface Settings {
  /** Show the one-line "No summary yet" state on papers without a summary. */
  showNoSummary: boolean;
  /** Load images in summaries without a click (third-party requests). */
  autoLoadImages: boolean;
  /** Panel collapsed to its header. */
  panelCollapsed: boolean;
  /** Theme: follow the system/page, or force one. */
  theme: 'auto' | 'light' | 'dark';
}

export const DEFAULT_SETTINGS: Settings = { showNoSummary: true, autoLoadImages: false, panelCollapsed: false, theme: 'auto' };

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

let writes: Promise<unknown> = Promise.resolve();

/**
 * Read-modify-write of the settings, queued: two patches sent at once both land. Only the
 * background calls it (the other contexts send setPanelCollapsed / updateSettings to it), so
 * the queue orders every writer.
 */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = writes.then(async () => {
    const next = { ...(await getSettings()), ...patch };
    await settingsItem.setValue(next);
    return next;
  });
  writes = run.catch(() => undefined);
  return run;
}

/** Where an older release kept dismissed papers (now in IndexedDB, keyed by paper id). */
export const legacyDismissedPapersItem = storage.defineItem<string[]>('local:dismissedPapers', { fallback: [] });

/**
 * Badges on OpenReview venue/group pages (options page, "More sites"); off until switched on. Its
 * own item with one writer (the options page), so it races no settings write.
 */
export const openreviewVenuesItem = storage.defineItem<boolean>('local:openreviewVenueBadges', { fallback: false });
