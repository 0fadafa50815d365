// The content script's drawing half (see ../content/ui-api.ts): not in the manifest; the
// background injects it into a paper page's tab when that page gets a panel or badges.
import { provideContentUi } from '../content/ui-api';
import { showListingBadges } from '../content/ui/listing-ui';
import { showPanel } from '../content/ui/panel-ui';

export default defineContentScript({
  // Injected, never matched: the manifest lists it nowhere. Its styles travel inside it (../content/ui/styles.ts).
  registration: 'runtime',
  // WXT would otherwise window.postMessage "<extension id>:…:wxt:content-script-started" to the
  // page, where any message listener reads the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    provideContentUi({ showPanel: (...args) => showPanel(ctx, ...args), showListingBadges: (...args) => showListingBadges(ctx, ...args) });
  },
});
