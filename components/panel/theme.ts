// Light or dark: the `theme` setting wins; on 'auto' a theme the page itself declares (arXiv's
// HTML papers have a dark-mode toggle) comes next, then the system's prefers-color-scheme.
import { useEffect, useState } from 'react';
import type { Settings } from '@/utils/settings';

export type Theme = 'light' | 'dark';
/** Reads the theme the page shows, or null when it does not say. */
export type PageThemeReader = () => Theme | null;

export function resolveTheme(setting: Settings['theme'], pageTheme: Theme | null, systemDark: boolean): Theme {
  if (setting !== 'auto') return setting;
  return pageTheme ?? (systemDark ? 'dark' : 'light');
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function useTheme(setting: Settings['theme'], readPageTheme?: PageThemeReader): Theme {
  const [systemDark, setSystemDark] = useState(() => matchMedia(DARK_QUERY).matches);
  const [pageTheme, setPageTheme] = useState<Theme | null>(() => readPageTheme?.() ?? null);
  useEffect(() => {
    const query = matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    // Pages switch themes by attributes on <html>/<body> (data-theme, class).
    const observer = readPageTheme ? new MutationObserver(() => setPageTheme(readPageTheme())) : null;
    for (const el of [document.documentElement, document.body]) {
      if (el) observer?.observe(el, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    }
    return () => {
      query.removeEventListener('change', onChange);
      observer?.disconnect();
    };
  }, [readPageTheme]);
  return resolveTheme(setting, pageTheme, systemDark);
}
