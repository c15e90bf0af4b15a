// The fan-out curve as data for lesson 12 (fan-in and fan-out): the same committed run the README's
// table and docs/fanout-p99.svg quote, written as a TypeScript module the lesson's widget imports.

import { fanoutCurve, rowValue } from './fanout-plot.js';
import { machineName, type Report } from './report.js';

/** Where `--readme` writes it, relative to the repository root. */
export const lessonCurvePath = 'packages/lessons/src/lessons/fan-in-fan-out/measured.ts';

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The module's source: the run's date and machine, and p50, p99, all-acked time and missed deliveries per device count, fewest first. */
export function lessonCurveModule(report: Report): string {
  const { machine } = report;
  const points = fanoutCurve(report).map(({ devices, p50, p99 }) => {
    const allAcked = rowValue(report, `fanout.all_acked_ms_${devices}`);
    const missed = rowValue(report, `fanout.missed_${devices}`);
    return `    { devices: ${devices}, p50: ${p50}, p99: ${p99}, allAcked: ${allAcked}, missed: ${missed} },`;
  });
  if (points.length === 0) throw new Error('no fan-out rows with both p50 and p99 for the lesson');
  return [
    '// Written by `node bench/dist/main.js --readme` from bench/results.json (the committed run); do not edit.',
    '// Broadcast latency against the number of devices on one server, in milliseconds: what lesson 12 shows.',
    '',
    'export const measuredFanout = {',
    `  mode: ${quote(report.mode)},`,
    `  measuredAt: ${quote(machine.date)},`,
    `  machine: ${quote(machineName(machine))},`,
    '  points: [',
    ...points,
    '  ],',
    '} as const;',
    '',
  ].join('\n');
}
