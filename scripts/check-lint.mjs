// Reads `web-ext lint --output json` from stdin; fails on any error, prints warnings.
const report = JSON.parse(await new Response(process.stdin).text());
for (const w of report.warnings) console.log(`web-ext lint warning ${w.code}: ${w.file ?? ''} ${w.message}`);
for (const e of report.errors) console.error(`web-ext lint ERROR ${e.code}: ${e.file ?? ''} ${e.message}`);
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
process.exit(report.summary.errors === 0 ? 0 : 1);
