// Light or dark: the `theme` setting wins; on 'auto' a theme the page itself declares (arXiv's
// HTML papers have a dark-mode toggle) comes next, then the system's prefers-color-scheme.
import type { Settings } from './settings';

export type Theme = 'light' | 'dark';
/** Reads the theme the page shows, or null when it does not say. */
export type PageThemeReader = () => Theme | null;

export function resolveTheme(setting: Settings['theme'], pageTheme: Theme | null, systemDark: boolean): Theme {
  if (setting !== 'auto') return setting;
  return pageTheme ?? (systemDark ? 'dark' : 'light');
}
