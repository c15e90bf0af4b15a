// `npm run bench [-- --quick | --smoke] [--only tap,loop] [--out <file>]`: runs the benchmarks against the built server,
// prints the table and writes the report (bench/results.json by default). Exits 1 if a budget is missed
// (full sizes only: quick and smoke rows are info) or a row could not be measured.
// `--readme` runs nothing: it copies bench/results.json into the README's Performance table, the fan-out
// plot (docs/fanout-p99.svg) and lesson 12's fan-out curve (packages/lessons/…/fan-in-fan-out/measured.ts).

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { paths } from './paths.js';
import { updateReadme } from './readme-table.js';
import { formatTable } from './report.js';
import { expectedRowNames, runBench, selectBenchmarks } from './run.js';
import type { Mode } from './sizes.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string' },
    readme: { type: 'boolean', default: false },
    /** Comma-separated row-name prefixes, e.g. `tap,memory`: run only the benchmarks producing them. */
    only: { type: 'string' },
  },
});
if (values.readme) {
  updateReadme();
  console.log('README.md: Performance table updated from bench/results.json');
  process.exit(0);
}
const mode: Mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';

console.log(`Loopwire bench (${mode}) — node ${process.version}`);
const only = values.only?.split(',').map((prefix) => prefix.trim()).filter(Boolean) ?? [];
const selected = selectBenchmarks(only, mode);
if (selected.length === 0) {
  console.error(`--only ${values.only}: no benchmark produces a row starting with that; rows are ${expectedRowNames(mode).join(', ')}`);
  process.exit(2);
}
// A partial run must not replace the committed full results.
const out = values.out ?? (mode === 'full' && only.length === 0 ? paths.results : `${paths.repoRoot}bench/results.${only.length > 0 ? 'partial' : mode}.json`);
const report = await runBench(mode, (line) => console.log(line), selected);
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${formatTable(report.rows)}\n`);
const { cpus, loadAverage1m } = report.machine;
if (Math.max(loadAverage1m.start, loadAverage1m.end) > cpus) {
  console.log(`Warning: load average ${loadAverage1m.start} → ${loadAverage1m.end} on ${cpus} CPUs: other work competed with the bench, so timings are pessimistic.`);
}
const failed = report.rows.filter((row) => row.pass === false);
const judged = mode === 'full' ? `${failed.length} not met` : `${mode} sizes, so every measured row is info (${failed.length} not measured)`;
console.log(`${report.rows.length} rows in ${report.durationS} s, ${judged}; written to ${out}`);
process.exit(failed.length > 0 ? 1 : 0);
