// The theme a view shows, kept live: the setting, the page's own theme and the system's.
import { useEffect, useState } from 'react';
import type { Settings } from '@/utils/settings';
import { resolveTheme, type PageThemeReader, type Theme } from '@/utils/theme';

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
