import { defineConfig } from 'wxt';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONAL_ORIGINS } from './utils/optional-sites';

// Hosts the extension acts on: arXiv (and its mirrors/ar5iv) and OpenReview. Nothing broader.
export const PAPER_HOSTS = [
  '*://arxiv.org/*',
  '*://www.arxiv.org/*',
  '*://export.arxiv.org/*',
  '*://browse.arxiv.org/*',
  '*://ar5iv.labs.arxiv.org/*',
  '*://ar5iv.org/*',
  '*://openreview.net/*',
];

// ---- More sites (opt-in): every other paper site is an optional host permission, granted per site
// from the options page. The content script is registered there at runtime (scripting API): manifest
// content_scripts on these hosts would make them required (Chromium and Firefox both grant a
// content script's hosts at install).
function moreSitesPermissions(manifestVersion: number) {
  return manifestVersion === 2
    ? // MV2 lists optional hosts among optional_permissions.
      { optional_permissions: [...OPTIONAL_ORIGINS] }
    : { optional_host_permissions: [...OPTIONAL_ORIGINS] };
}
/** KaTeX fonts and the notes frame, loadable in pages of a granted site (as on the paper sites). */
const MORE_SITES_RESOURCES = [
  { resources: ['katex-fonts/*.woff2'], matches: [...OPTIONAL_ORIGINS] },
  { resources: ['notes-frame.html'], matches: [...OPTIONAL_ORIGINS], use_dynamic_url: true },
];
// ---- end of More sites

export default defineConfig({
  // Parallel work (and the benchmark) can build into their own folder.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // Firefox review gets the sources zip; test output and parallel build folders stay out of it.
  zip: { excludeSources: ['tests/artifacts/**', '.output-*/**', 'bench/results.json'] },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Detector example URLs (`TEST: addTests(...)` in utils/detect) are for unit tests only:
  // drop them from every bundle. Vitest does not use this build option, so tests keep them.
  vite: () => ({ build: { rolldownOptions: { transform: { dropLabels: ['TEST'] } } } }),
  hooks: {
    // The content script renders its React components with preact/compat: same components, a
    // bundle about 5x smaller on every arXiv/OpenReview page (extension pages keep React).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      (config.plugins ??= []).push({
        name: 'summary-lens:preact-in-content-scripts',
        config: () => ({
          resolve: {
            alias: [
              { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
              { find: /^react-dom$/, replacement: 'preact/compat' },
              { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
              { find: /^react$/, replacement: 'preact/compat' },
            ],
          },
        }),
      });
    },
    // KaTeX fonts for math in the in-page panel. Chromium ignores @font-face inside shadow roots,
    // so the content script declares them in the page, pointing at these copies
    // (components/katex.ts); web-accessible below, and nothing else is.
    'build:publicAssets': (wxt, files) => {
      const dir = join(wxt.config.root, 'node_modules/katex/dist/fonts');
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.woff2'))) {
        files.push({ absoluteSrc: join(dir, name), relativeDest: `katex-fonts/${name}` });
      }
    },
  },
  // Both browsers build MV3 (Firefox: `wxt build -b firefox --mv3`): web-accessible resources
  // scoped to the paper sites with `matches` need it; Firefox keeps `sidebar_action` and runs the
  // background as an event page (`background.scripts`).
  manifest: ({ browser, manifestVersion }) => ({
    ...moreSitesPermissions(manifestVersion),
    name: 'Summary Lens',
    description: 'Paper summaries and your notes beside arXiv and OpenReview papers. Offline, private.',
    // storage: settings; sidePanel (Chromium): PDF tabs; tabs is not needed (host permissions give tab URLs).
    // scripting: injects the panel's bundle into a listing page that shows badges, and only there.
    permissions: ['storage', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // A copy: WXT adds to this list in place, and the lists below must stay as they are.
    host_permissions: [...PAPER_HOSTS],
    // Extension pages run only the extension's own scripts, embed no plugins, and connect to
    // nothing but the extension itself (no network: the corpus ships inside); images may come
    // from https only when the user clicks "Load image" (README: Security and privacy).
    content_security_policy: {
      extension_pages:
        browser === 'firefox'
          ? "script-src 'self'; object-src 'none'; connect-src 'self'; base-uri 'none'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'"
          : "script-src 'self'; object-src 'none'; connect-src 'self'; base-uri 'none'",
    },
    action: { default_title: 'Summary Lens' },
    // Faster ways in: a shortcut that opens the popup (changeable on the browser's shortcuts
    // page; the popup's footer shows the real one) and the address-bar keyword "sl". Both MV3
    // builds use `_execute_action`. Neither needs a permission.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open Summary Lens search' },
    },
    omnibox: { keyword: 'sl' },
    web_accessible_resources: [
      { resources: ['katex-fonts/*.woff2'], matches: PAPER_HOSTS },
      // The in-page panel's notes editor is a frame of this page (entrypoints/content/panel/NotesFrame.tsx):
      // loadable in the paper sites' pages only. Its scripts and styles need no entry: the frame,
      // an extension document, loads them itself. Chromium: only through the per-session dynamic
      // URL, so a page cannot frame it by a guessed address (WXT lists plain paths for Firefox MV2).
      { resources: ['notes-frame.html'], matches: PAPER_HOSTS, use_dynamic_url: true },
      ...MORE_SITES_RESOURCES,
    ],
    browser_specific_settings: {
      gecko: {
        id: 'summary-lens@summarylens.dev',
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
