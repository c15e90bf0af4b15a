// `npm run bench [-- --quick | --smoke] [--out <file>]`: runs every benchmark against the built server,
// prints the table and writes the report (bench/results.json by default). Exits 1 if a budget is missed.
// `--readme` runs nothing: it copies bench/results.json into the README's Performance table.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { paths } from './paths.js';
import { updateReadme } from './readme-table.js';
import { formatTable } from './report.js';
import { runBench } from './run.js';
import type { Mode } from './sizes.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string' },
    readme: { type: 'boolean', default: false },
  },
});
if (values.readme) {
  updateReadme();
  console.log('README.md: Performance table updated from bench/results.json');
  process.exit(0);
}
const mode: Mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
// Only the full run is the committed measurement; the others must not overwrite it by accident.
const out = values.out ?? (mode === 'full' ? paths.results : `${paths.repoRoot}bench/results.${mode}.json`);

console.log(`Loopwire bench (${mode}) — node ${process.version}`);
const report = await runBench(mode, (line) => console.log(line));
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${formatTable(report.rows)}\n`);
const { cpus, loadAverage1m } = report.machine;
if (Math.max(loadAverage1m.start, loadAverage1m.end) > cpus) {
  console.log(`Warning: load average ${loadAverage1m.start} → ${loadAverage1m.end} on ${cpus} CPUs: other work competed with the bench, so timings are pessimistic.`);
}
const failed = report.rows.filter((row) => row.pass === false);
console.log(`${report.rows.length} rows in ${report.durationS} s, ${failed.length} not met; written to ${out}`);
process.exit(failed.length > 0 ? 1 : 0);
