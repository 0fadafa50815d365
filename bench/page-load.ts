// Page-load cost on an arXiv abs page (fixture, routed), in real Chromium, side by side in one run:
// one browser without extensions, one with Summary Lens, and one per peer extension loaded
// unpacked from its public source (never part of this repository: pass the folder holding them,
// one unpacked extension per sub-folder, with --peers=DIR or SL_BENCH_PEERS=DIR).
// Each round loads the page once in every browser, one after the other, in an order shuffled
// round by round; a browser's figure is the median over rounds of its load time over the
// extension-free load of the same round (loadEventEnd from navigation start).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/support/chromium';
import type { Report } from './report';
import { percentile } from './report';

const AREA = 'page load';
const PAGE_URL = 'https://arxiv.org/abs/1701.05369';
const RATIO_TARGET = { op: '<=' as const, limit: 1.05, source: 'quality bar: page load with the extension ≤ 1.05× without it' };

export interface Peer {
  name: string;
  dir: string;
}

/** Unpacked extensions under `dir` (each sub-folder with a manifest.json), by folder name. */
export function findPeers(dir: string | undefined): Peer[] {
  if (!dir) return [];
  const root = resolve(dir);
  if (!existsSync(root)) throw new Error(`No peer extensions folder at ${root}.`);
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'manifest.json')))
    .map((e) => ({ name: e.name, dir: join(root, e.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface Load {
  /** loadEventEnd from navigation start. */
  load: number;
  /** The page's main thread, busy from navigation until load (DevTools Performance.getMetrics TaskDuration). */
  busy: number;
  /** Of which running scripts (the page's and the extensions' content scripts). */
  script: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function timedLoad(page: Page, cdp: CDPSession): Promise<Load> {
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd > 0);
  const after = await metrics(cdp);
  const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  // The counters start again with each new document: what they hold now is this load's.
  return { load, busy: after.TaskDuration * 1000, script: after.ScriptDuration * 1000 };
}

export async function benchPageLoad(report: Report, opts: { rounds?: number; peersDir?: string } = {}): Promise<void> {
  const rounds = opts.rounds ?? 60;
  const peers = findPeers(opts.peersDir);
  // Imported late: the launcher reads WXT_OUT_DIR (the bench's own build folder) when loaded.
  const { launchChromium, serveFixtures } = await import('../tests/e2e/support/chromium');
  const { PANEL_FIXTURES } = await import('../tests/e2e/support/panel');
  serveFixtures(PANEL_FIXTURES);
  const contenders: { name: string; extensionDir?: string; withExtension: boolean }[] = [
    { name: 'no extension', withExtension: false },
    { name: 'Summary Lens', withExtension: true },
    ...peers.map((p) => ({ name: p.name, extensionDir: p.dir, withExtension: true })),
  ];
  const profiles: string[] = [];
  const browsers: ExtensionBrowser[] = [];
  try {
    const pages: Page[] = [];
    const sessions: CDPSession[] = [];
    for (const c of contenders) {
      const userDataDir = mkdtempSync(join(tmpdir(), 'sl-bench-load-'));
      profiles.push(userDataDir);
      const browser = await launchChromium({ withExtension: c.withExtension, extensionDir: c.extensionDir, userDataDir });
      browsers.push(browser);
      const page = await browser.context.newPage();
      pages.push(page);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      sessions.push(cdp);
    }
    // Warm-up, not counted: first installs (seeding the corpus), caches, compiled code.
    for (let k = 0; k < 5; k++) for (let i = 0; i < pages.length; i++) await timedLoad(pages[i], sessions[i]);
    await new Promise((r) => setTimeout(r, 2000));
    const runs = contenders.map(() => [] as Load[]);
    const order = shuffler(20261203);
    for (let round = 0; round < rounds; round++) {
      for (const i of order(contenders.length)) runs[i].push(await timedLoad(pages[i], sessions[i]));
    }
    const times = runs.map((r) => r.map((l) => l.load));
    const base = times[0];
    const busyBase = percentile(runs[0].map((l) => l.busy), 50);
    report.add(AREA, 'abs page load without extensions, median', percentile(base, 50), 'ms', {
      note: `${rounds} rounds of ${PAGE_URL} (fixture) in ${contenders.length} Chromium browsers, one load each per round, order shuffled; loadEventEnd`,
    });
    const ratios = new Map<string, number>();
    contenders.forEach((c, i) => {
      if (i === 0) return;
      const paired = times[i].map((t, r) => t / base[r]);
      const ratio = percentile(paired, 50);
      ratios.set(c.name, ratio);
      const peerDir = c.extensionDir ? `; ${peerVersion({ name: c.name, dir: c.extensionDir })}, loaded unpacked` : '';
      report.add(AREA, `${c.name}: page load ratio vs none, median of paired loads`, ratio, '×', {
        target: c.name === 'Summary Lens' ? RATIO_TARGET : undefined,
        note: `median load ${percentile(times[i], 50).toFixed(0)} ms, p95 of ratios ${percentile(paired, 95).toFixed(2)}×${peerDir}`,
      });
      const busy = percentile(runs[i].map((l) => l.busy), 50);
      report.add(AREA, `${c.name}: page main thread busy until load, over none's`, busy - busyBase, 'ms', {
        note: `median TaskDuration navigation → load ${busy.toFixed(1)} ms vs ${busyBase.toFixed(1)} ms without extensions; script ${percentile(runs[i].map((l) => l.script), 50).toFixed(1)} ms (DevTools Performance.getMetrics)`,
      });
    });
    if (peers.length) {
      const ours = ratios.get('Summary Lens')!;
      const lightest = Math.min(...peers.map((p) => ratios.get(p.name)!));
      report.add(AREA, 'Summary Lens ratio over the lightest peer’s', ours / lightest, '×', {
        target: { op: '<=', limit: 1, source: 'quality bar: lighter than every peer measured side by side' },
        note: `peers: ${peers.map((p) => `${p.name} ${ratios.get(p.name)!.toFixed(3)}×`).join(', ')}`,
      });
    } else {
      report.add(AREA, 'Summary Lens ratio over the lightest peer’s', null, '×', { note: 'no peers given: --peers=DIR or SL_BENCH_PEERS=DIR' });
    }
  } finally {
    await Promise.all(browsers.map((b) => b.close().catch(() => {})));
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A new order per round (seeded, so runs repeat): a rotating order would keep every browser
 * right behind the same neighbour, whose after-load work (a panel being drawn) then always
 * lands on that browser's load.
 */
function shuffler(seed: number): (n: number) => number[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0; // mulberry32
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  };
}

/** A peer's name and version as its manifest gives them (for the report's notes). */
export function peerVersion(peer: Peer): string {
  const manifest = JSON.parse(readFileSync(join(peer.dir, 'manifest.json'), 'utf8')) as { name?: string; version?: string };
  return `${manifest.name ?? peer.name} ${manifest.version ?? ''}`.trim();
}
