// The content script's drawing half (see ../content/ui-api.ts): the browser runs it on the pages
// that always get a panel once they are idle; elsewhere the background injects it into a tab
// whose page gets badges or a panel.
import { provideContentUi } from '../content/ui-api';
import { PANEL_UI_MATCHES } from '../content/matches';
import { showListingBadges } from '../content/ui/listing-ui';
import { showPanel } from '../content/ui/panel-ui';

export default defineContentScript({
  matches: PANEL_UI_MATCHES,
  // After the page's load (or a while after DOMContentLoaded): it never competes with the page.
  runAt: 'document_idle',
  // The styles go into each shadow root as text (../content/ui/styles.ts), never into the page.
  cssInjectionMode: 'manual',
  // WXT would otherwise window.postMessage "<extension id>:…:wxt:content-script-started" to the
  // page, where any message listener reads the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    provideContentUi({ showPanel: (...args) => showPanel(ctx, ...args), showListingBadges: (...args) => showListingBadges(ctx, ...args) });
  },
});
