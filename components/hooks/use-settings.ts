// Live user settings for React views: starts from a known value (no flash of the wrong state) and
// follows changes made in any tab or extension page (storage.onChanged through WXT storage).
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, getSettings, settingsItem, type Settings } from '@/utils/settings';

export function useSettings(initial?: Settings): Settings {
  const [settings, setSettings] = useState<Settings>(initial ?? DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    if (!initial) void getSettings().then((s) => live && setSettings(s));
    const unwatch = settingsItem.watch((value) => setSettings({ ...DEFAULT_SETTINGS, ...value }));
    return () => {
      live = false;
      unwatch();
    };
    // Subscribes once; `initial` only seeds the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return settings;
}
