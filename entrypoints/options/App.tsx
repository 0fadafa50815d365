// The options page: the notes dashboard first, then import/export, corpus packs (when that
// section is built in) and settings. Other features add a section as its own component.
import type { ComponentType } from 'react';
import { StatusLine } from '@/components/StatusLine';
import { useSettings } from '@/components/panel/use-settings';
import { useTheme } from '@/components/panel/theme';
import { NotesDashboard } from './NotesDashboard';
import { ImportExport } from './ImportExport';
import { SettingsSection } from './SettingsSection';

// The corpus packs section belongs to another feature; it is rendered when its file exists
// (a build-time glob: no file, no import, no error).
const packsModules = import.meta.glob<{ PacksSection?: ComponentType; default?: ComponentType }>('../../components/options/PacksSection.tsx', { eager: true });
const PacksSection = Object.values(packsModules).map((m) => m.PacksSection ?? m.default)[0];

export function OptionsApp() {
  const settings = useSettings();
  const theme = useTheme(settings.theme);
  return (
    <div className="sl-options" data-theme={theme}>
      <header className="sl-options-header">
        <h1>Summary Lens</h1>
        <nav aria-label="Sections">
          <a href="#notes">Notes</a>
          <a href="#import-export">Import &amp; export</a>
          {PacksSection && <a href="#packs">Corpus packs</a>}
          <a href="#settings">Settings</a>
        </nav>
        <StatusLine />
      </header>
      <main>
        <NotesDashboard />
        <ImportExport />
        {PacksSection && (
          <div id="packs" className="sl-options-section">
            <PacksSection />
          </div>
        )}
        <SettingsSection />
      </main>
    </div>
  );
}
