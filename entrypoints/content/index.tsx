// The content script: runs the page integrations in ./features on arXiv and OpenReview pages
// (see ./runner.ts). Everything it shows lives in closed shadow roots (./mount-panel.tsx).
import { features } from './features';
import { runFeatures } from './runner';
// Panel styles: WXT loads them into each shadow root (cssInjectionMode 'ui'), none into the page.
import '@/components/panel/summary.css';
import './panel.css';

const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'];
const AR5IV_HOSTS = ['ar5iv.labs.arxiv.org', 'ar5iv.org'];

// Only the page types some feature handles (PDFs are the side panel's: browsers' PDF viewers
// run no content scripts). `/abs*` also covers the `/abs?id=` form.
const ARXIV_PATHS = ['/abs*', '/html/*', '/list/*', '/a/*', '/search/*'];

export default defineContentScript({
  matches: [
    ...ARXIV_HOSTS.flatMap((host) => ARXIV_PATHS.map((path) => `*://${host}${path}`)),
    ...AR5IV_HOSTS.flatMap((host) => [`*://${host}/html/*`, `*://${host}/abs/*`]),
    // A single-page app: any OpenReview page can navigate to a forum without loading a new page.
    '*://openreview.net/*',
  ],
  // As soon as the DOM is parsed: the panel should be up within 150 ms of DOMContentLoaded.
  runAt: 'document_end',
  cssInjectionMode: 'ui',
  main(ctx) {
    runFeatures(ctx, features);
  },
});
