// Bundle sizes of the built Chromium extension (WXT_OUT_DIR, default .output-bench): for each
// entry point the JavaScript it loads up front — the entry file plus every chunk it imports
// statically, followed transitively — raw and gzip-compressed (zlib, default level: about what a
// download or the store's zip costs). Chunks an entry only loads on demand (`import()`) are
// reported separately. The manifest and the HTML pages say which files belong to which entry.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Report } from './report';

const AREA = 'bundle';

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  side_panel?: { default_path?: string };
  web_accessible_resources?: { resources: string[] }[];
}

export interface EntrySize {
  files: string[];
  raw: number;
  gzip: number;
  lazyFiles: string[];
  lazyRaw: number;
}

export function extensionDir(): string {
  const root = new URL('..', import.meta.url).pathname;
  return join(root, process.env.WXT_OUT_DIR ?? '.output-bench', 'chrome-mv3');
}

/** Scripts an HTML page loads: its module script and the chunks Vite preloads for it. */
function htmlScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1]);
  return srcs.map((s) => normalize(s.replace(/^\//, '')));
}

/** Relative imports of a built JS file: static ones (loaded with it) and dynamic ones (on demand). */
function importsOf(dir: string, file: string): { eager: string[]; lazy: string[] } {
  const code = readFileSync(join(dir, file), 'utf8');
  const resolveSpec = (spec: string) => relative(dir, join(dir, dirname(file), spec));
  const lazy = [...code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => resolveSpec(m[1]));
  // `import x from"./a.js"`, `import"./a.js"`, `export{x}from"./a.js"` (minified: no spaces needed).
  const eager = [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => resolveSpec(m[1]));
  return { eager, lazy };
}

export function entrySize(dir: string, roots: string[]): EntrySize {
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const walk = (file: string, into: Set<string>) => {
    if (into.has(file) || (into === lazy && eager.has(file))) return;
    into.add(file);
    const imports = importsOf(dir, file);
    for (const f of imports.eager) walk(f, into);
    for (const f of imports.lazy) if (!eager.has(f)) walk(f, lazy);
  };
  for (const r of roots) walk(r, eager);
  for (const f of eager) lazy.delete(f);
  let raw = 0;
  let gzip = 0;
  for (const f of eager) {
    const bytes = readFileSync(join(dir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  let lazyRaw = 0;
  for (const f of lazy) lazyRaw += readFileSync(join(dir, f)).length;
  return { files: [...eager], raw, gzip, lazyFiles: [...lazy], lazyRaw };
}

export async function benchBundle(report: Report): Promise<void> {
  const dir = extensionDir();
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}.`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const entries: [string, string[]][] = [
    ['content script', [...new Set(manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? [])]],
    // Injected by the background only into pages that show a panel or badges, after their load.
    ['content script drawing bundle (at idle on panel pages, on demand elsewhere)', existsSync(join(dir, 'content-scripts/content-ui.js')) ? ['content-scripts/content-ui.js'] : []],
    ['background', manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? [])],
    ['popup', manifest.action?.default_popup ? htmlScripts(dir, manifest.action.default_popup) : []],
    ['options', manifest.options_ui?.page ? htmlScripts(dir, manifest.options_ui.page) : []],
    ['side panel', manifest.side_panel?.default_path ? htmlScripts(dir, manifest.side_panel.default_path) : []],
    // Extension pages that arXiv/OpenReview pages may embed (the panel's notes frame): in-page cost too.
    ...[...new Set(manifest.web_accessible_resources?.flatMap((w) => w.resources) ?? [])]
      .filter((r) => r.endsWith('.html') && !r.includes('*'))
      .map((page): [string, string[]] => [`in-page frame ${page}`, htmlScripts(dir, page)]),
  ];
  const kb = (bytes: number) => bytes / 1024;
  for (const [name, roots] of entries) {
    if (roots.length === 0) throw new Error(`The manifest names no script for the ${name}.`);
    const size = entrySize(dir, roots);
    const lazyNote = size.lazyFiles.length ? `; +${kb(size.lazyRaw).toFixed(1)} KB raw loaded on demand (${size.lazyFiles.length} chunks)` : '';
    report.add(AREA, `${name} JS, raw`, kb(size.raw), 'KB', { note: `${size.files.length} file(s) loaded up front: ${size.files.join(', ')}${lazyNote}` });
    report.add(AREA, `${name} JS, gzip`, kb(size.gzip), 'KB', { note: 'zlib default level, per file, summed' });
  }
  // The panel's styles travel inside the drawing bundle (bundled as text into each shadow root).
}
