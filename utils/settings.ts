// User settings, in extension storage (not Dexie) so every context, including content scripts,
// reads them directly and hears changes through storage.onChanged.
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

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** Papers whose panel the user dismissed (by paper key). */
export const dismissedPapersItem = storage.defineItem<string[]>('local:dismissedPapers', { fallback: [] });
