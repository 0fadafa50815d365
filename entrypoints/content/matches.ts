// The pages the content script runs on: only the page types some feature handles.
const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'];
const AR5IV_HOSTS = ['ar5iv.labs.arxiv.org', 'ar5iv.org'];

// `/abs*` also covers the `/abs?id=` form. `/pdf/*`: Chromium's PDF viewer page runs content
// scripts; there it only marks the toolbar button (./features/pdf-mark.ts).
const ARXIV_PATHS = ['/abs*', '/html/*', '/list/*', '/a/*', '/search/*', '/pdf/*'];

export const CONTENT_MATCHES = [
  ...ARXIV_HOSTS.flatMap((host) => ARXIV_PATHS.map((path) => `*://${host}${path}`)),
  ...AR5IV_HOSTS.flatMap((host) => [`*://${host}/html/*`, `*://${host}/abs/*`]),
  // A single-page app: any OpenReview page can navigate to a forum without loading a new page.
  '*://openreview.net/*',
];


/**
 * Pages that get a panel as installed (the "no summary yet" line included): the browser itself
 * runs the drawing bundle there once the page is idle, so the first panel never waits for a
 * stopped background to wake up. Listing, search and PDF pages load it only when they show
 * something (./ui-api.ts).
 */
export const PANEL_UI_MATCHES = [
  ...ARXIV_HOSTS.flatMap((host) => [`*://${host}/abs*`, `*://${host}/html/*`]),
  ...AR5IV_HOSTS.flatMap((host) => [`*://${host}/html/*`, `*://${host}/abs/*`]),
  '*://openreview.net/*',
];
