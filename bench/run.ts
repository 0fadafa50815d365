// `npm run bench`: runs every benchmark area, prints one table (figure, target, PASS/FAIL) and
// writes bench/results.json. It measures, it does not judge: the exit code is 0 whatever the
// figures say, and 1 only when the harness itself broke (an area threw).
//
// Options: --only=search,popup   run some areas
//          --quick               smaller runs (no 100,000-summary corpus), for trying changes
// One module per area; each takes the shared Report and adds its figures.
import { Report } from './report';
import { benchSearch, DEFAULT_SEARCH_BENCH } from './search';
import { benchPopup } from './popup';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const quick = args.includes('--quick');

const areas: { name: string; run: (report: Report) => Promise<void> }[] = [
  { name: 'search', run: (r) => benchSearch(r, quick ? { ...DEFAULT_SEARCH_BENCH, sizes: [0, 10_000], queries: 150, baselineQueries: 4 } : DEFAULT_SEARCH_BENCH) },
  { name: 'popup', run: (r) => benchPopup(r) },
];

const report = new Report();
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
