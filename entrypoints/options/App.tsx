// The options page: the notes dashboard first, then import/export, corpus packs and settings.
// Each section is its own component in this folder.
import { SiteAccessNotice } from '@/components/status/SiteAccessNotice';
import { StatusLine } from './StatusLine';
import { useSettings } from '@/components/hooks/use-settings';
import { useTheme } from '@/components/hooks/use-theme';
import { NotesDashboard } from './NotesDashboard';
import { ImportExport } from './ImportExport';
import { SettingsSection } from './SettingsSection';
import { PacksSection } from './PacksSection';
import { MoreSites } from './MoreSites';

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
          <a href="#packs">Corpus packs</a>
          <a href="#settings">Settings</a>
          <a href="#more-sites">More sites</a>
        </nav>
        <StatusLine />
        <SiteAccessNotice />
      </header>
      <main>
        <NotesDashboard />
        <ImportExport />
        <div id="packs" className="sl-options-section">
          <PacksSection />
        </div>
        <SettingsSection />
        <MoreSites />
      </main>
    </div>
  );
}
