// Writes the committed results (bench/results.json) into the README's "Performance" table, between
// the <!-- bench:table --> markers, and redraws the fan-out curve from the same run, as a picture
// (docs/fanout-p99.svg) and as data for lesson 12, so the README and the lesson always quote a real run.

import { readFileSync, writeFileSync } from 'node:fs';
import { fanoutCurve, fanoutSvg } from './fanout-plot.js';
import { lessonCurveModule, lessonCurvePath } from './lesson-curve.js';
import { paths } from './paths.js';
import { formatMarkdown, machineName, type Report } from './report.js';

const start = '<!-- bench:table -->';
const end = '<!-- /bench:table -->';

export function updateReadme(): void {
  const report = JSON.parse(readFileSync(paths.results, 'utf8')) as Report;
  const { machine } = report;
  const notes = report.rows.filter((row) => row.note && row.pass === false).map((row) => `- \`${row.name}\`: ${row.note}`);
  const table = [
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} × ${machine.cpuModel}, ${Math.round(machine.memoryMiB / 1024)} GiB, Node ${machine.node}, load average ${machine.loadAverage1m.start} → ${machine.loadAverage1m.end} (${report.mode} run, ${report.durationS} s; every note is in \`bench/results.json\`):`,
    '',
    formatMarkdown(report.rows),
    ...(notes.length > 0 ? ['', 'Not met, and why:', '', ...notes] : []),
  ].join('\n');
  const readmePath = `${paths.repoRoot}README.md`;
  const readme = readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md has no ${start} … ${end} markers`);
  writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
  const caption = `${report.mode} run ${machine.date.slice(0, 10)}, ${machineName(machine)}; bench/results.json`;
  writeFileSync(`${paths.repoRoot}docs/fanout-p99.svg`, fanoutSvg(fanoutCurve(report), { budgetMs: 300, caption }));
  writeFileSync(`${paths.repoRoot}${lessonCurvePath}`, lessonCurveModule(report));
}
