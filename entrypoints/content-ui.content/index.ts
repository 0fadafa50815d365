// The content script's drawing half (see ../content/ui-api.ts): not in the manifest; the
// background injects it into a paper page's tab when that page gets a panel or badges.
import { CONTENT_HOSTS } from '../content/matches';
import { provideContentUi } from '../content/ui-api';
import { showListingBadges } from '../content/ui/listing-ui';
import { showPanel } from '../content/ui/panel-ui';
// Panel styles: WXT loads them into each shadow root (cssInjectionMode 'ui'), none into the page.
import '@/components/panel/summary.css';
import '../content/panel.css';

export default defineContentScript({
  registration: 'runtime',
  // The pages it may be injected into: its stylesheet is readable there (and nowhere else).
  matches: CONTENT_HOSTS,
  cssInjectionMode: 'ui',
  // WXT would otherwise window.postMessage "<extension id>:…:wxt:content-script-started" to the
  // page, where any message listener reads the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    provideContentUi({ showPanel: (...args) => showPanel(ctx, ...args), showListingBadges: (...args) => showListingBadges(ctx, ...args) });
  },
});
