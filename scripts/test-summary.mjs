// Prints one closing line for the whole suite ("N passed, N failed", then the end-to-end tests
// per browser, from the file names *.chromium.test.ts / *.firefox.test.ts) from vitest's JSON reports.
import { readFileSync } from 'node:fs';
let passed = 0, failed = 0, skipped = 0;
const perBrowser = { chromium: { passed: 0, failed: 0 }, firefox: { passed: 0, failed: 0 } };
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const result of r.testResults ?? []) {
    const browser = /\.(chromium|firefox)\.test\.ts$/.exec(result.name)?.[1];
    if (!browser) continue;
    for (const test of result.assertionResults ?? []) {
      if (test.status === 'passed') perBrowser[browser].passed++;
      else if (test.status === 'failed') perBrowser[browser].failed++;
    }
  }
}
const browsers = Object.entries(perBrowser)
  .map(([name, n]) => `${name} ${n.passed} passed${n.failed ? ` ${n.failed} failed` : ''}`)
  .join(', ');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (end to end: ${browsers})`);
process.exit(failed === 0 && passed > 0 && perBrowser.chromium.passed > 0 && perBrowser.firefox.passed > 0 ? 0 : 1);
