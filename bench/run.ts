// `npm run bench`: runs every benchmark area, prints one table (figure, target, PASS/FAIL) and
// writes bench/results.json. It measures, it does not judge: the exit code is 0 whatever the
// figures say, and 1 only when the harness itself broke (an area threw).
//
// Options: --only=search,popup   run some areas
//          --peers=DIR         peer extensions (one unpacked extension per sub-folder) for the
//                              side-by-side page-load figures; or SL_BENCH_PEERS=DIR
//          --quick               smaller runs (no 100,000-summary corpus), for trying changes
//          --no-build            use the existing build in WXT_OUT_DIR (default .output-bench)
// One module per area; each takes the shared Report and adds its figures.
import { execSync } from 'node:child_process';
import { Report } from './report';
import { benchSearch, DEFAULT_SEARCH_BENCH } from './search';
import { benchPopup } from './popup';
import { benchPopupScale } from './popup-scale';
import { benchPanel } from './panel';
import { benchSeeding } from './seeding';
import { benchBundle } from './bundle';
import { benchPageLoad } from './page-load';
import { benchWakeups } from './wakeups';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const quick = args.includes('--quick');
const peersDir = args.find((a) => a.startsWith('--peers='))?.slice('--peers='.length) ?? process.env.SL_BENCH_PEERS;

const areas: { name: string; run: (report: Report) => Promise<void> }[] = [
  // Browser figures first, while the machine is not yet busy with the 100,000-summary corpus.
  { name: 'wake-ups', run: (r) => benchWakeups(r) },
  { name: 'page-load', run: (r) => benchPageLoad(r, { rounds: quick ? 20 : 60, peersDir }) },
  { name: 'popup', run: (r) => benchPopup(r) },
  { name: 'popup-scale', run: (r) => benchPopupScale(r, quick ? { sizes: [10_000] } : {}) },
  { name: 'panel', run: (r) => benchPanel(r, quick ? { loads: 10 } : {}) },
  { name: 'seeding', run: (r) => benchSeeding(r, quick ? { freshProfiles: 2 } : {}) },
  { name: 'bundle', run: (r) => benchBundle(r) },
  { name: 'search', run: (r) => benchSearch(r, quick ? { ...DEFAULT_SEARCH_BENCH, sizes: [0, 10_000], queries: 150, baselineQueries: 4 } : DEFAULT_SEARCH_BENCH) },
];

// The browser areas measure the built extension: build it (corpus included) into the bench's own folder.
process.env.WXT_OUT_DIR ??= '.output-bench';
// The bench build keeps the performance marks the figures are read from (utils/bench-mark.ts).
process.env.WXT_BENCH = '1';
const report = new Report();
if (!args.includes('--no-build')) {
  const root = new URL('..', import.meta.url).pathname;
  console.log(`== build (${process.env.WXT_OUT_DIR})`);
  try {
    execSync('npm run corpus && npx wxt build', { cwd: root, stdio: 'inherit', env: process.env });
  } catch (error) {
    report.error('build', error);
  }
}
for (const area of areas) {
  if (only && !only.includes(area.name)) continue;
  console.log(`\n== ${area.name}`);
  try {
    await area.run(report);
  } catch (error) {
    report.error(area.name, error);
  }
}

const out = new URL('./results.json', import.meta.url).pathname;
report.write(out);
console.log(`\n${report.table()}\n\nwritten: ${out}`);
process.exit(report.errors.length ? 1 : 0);
