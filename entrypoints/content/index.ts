// The content script: runs the page integrations in ./features on arXiv and OpenReview pages
// (see ./runner.ts). It is kept small: what it shows is drawn by a second bundle it loads only
// when a page gets a panel or badges (./ui-api.ts), in closed shadow roots.
import { features } from './features';
import { CONTENT_MATCHES } from './matches';
import { runFeatures } from './runner';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // As soon as the DOM is parsed: the lookup is asked while the page's images and styles load.
  runAt: 'document_end',
  // WXT would otherwise window.postMessage "<extension id>:…:wxt:content-script-started" to the
  // page, where any message listener reads the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runFeatures(ctx, features);
  },
});
