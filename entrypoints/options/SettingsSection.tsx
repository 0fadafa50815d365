// Settings from utils/settings.ts. They live in extension storage, so every open view follows a
// change at once (storage.onChanged).
import { useId } from 'react';
import type { Settings } from '@/utils/settings';
import { sendMessage } from '@/utils/messaging/client';
import { useSettings } from '@/components/hooks/use-settings';

export function SettingsSection() {
  const settings = useSettings();
  const themeId = useId();
  // The background writes settings, one patch at a time (several tabs may write at once).
  const set = (patch: Partial<Settings>) => void sendMessage('updateSettings', { patch }).catch(() => undefined);
  return (
    <section id="settings" className="sl-options-section" aria-labelledby="sl-settings-heading" data-testid="settings-section">
      <h2 id="sl-settings-heading">Settings</h2>
      <label className="sl-check">
        <input type="checkbox" checked={settings.showNoSummary} onChange={(e) => set({ showNoSummary: e.target.checked })} />
        Show a one-line “No summary yet” bar on papers without a summary (it still lets you take notes)
      </label>
      <label className="sl-check">
        <input type="checkbox" checked={settings.autoLoadImages} onChange={(e) => set({ autoLoadImages: e.target.checked })} />
        Load images in summaries and notes without asking (contacts the image’s host)
      </label>
      <p className="sl-field">
        <label htmlFor={themeId}>Theme</label>{' '}
        <select id={themeId} value={settings.theme} onChange={(e) => set({ theme: e.target.value as Settings['theme'] })}>
          <option value="auto">Follow the page / system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </p>
    </section>
  );
}
