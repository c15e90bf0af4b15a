// The fan-out curve lesson 12 shows is the committed run's: `--readme` writes it from bench/results.json.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonCurveModule, lessonCurvePath } from '../src/lesson-curve.js';
import { paths } from '../src/paths.js';
import { measured, type Report } from '../src/report.js';

const machine = { cpus: 2, cpuModel: 'Test CPU', memoryMiB: 1024, node: 'v20.0.0', platform: 'linux', loadAverage1m: { start: 0, end: 0 }, date: '2026-01-02T03:04:05.000Z' };

describe('lessonCurveModule', () => {
  it('writes each size with its p50, p99, last ack and missed deliveries, fewest devices first', () => {
    const report = {
      mode: 'full',
      machine,
      rows: [2000, 1000].flatMap((devices) => [
        measured(`fanout.p50_ms_${devices}`, devices / 100, 'ms', null),
        measured(`fanout.p99_ms_${devices}`, devices / 50, 'ms', null),
        measured(`fanout.all_acked_ms_${devices}`, devices / 40, 'ms', null),
        measured(`fanout.missed_${devices}`, 0, 'deliveries', null),
      ]),
    } as Report;
    const source = lessonCurveModule(report);
    expect(source).toContain("machine: '2 × Test CPU, Node v20.0.0',");
    expect(source).toContain("measuredAt: '2026-01-02T03:04:05.000Z',");
    expect(source.indexOf('devices: 1000, p50: 10, p99: 20, allAcked: 25, missed: 0')).toBeLessThan(source.indexOf('devices: 2000, p50: 20, p99: 40, allAcked: 50, missed: 0'));
  });

  it('refuses a report without fan-out rows', () => {
    expect(() => lessonCurveModule({ mode: 'full', machine, rows: [] } as unknown as Report)).toThrow(/no fan-out rows/);
  });

  it('is what the lesson holds now: the committed curve comes from the committed bench/results.json', () => {
    const committed = JSON.parse(readFileSync(paths.results, 'utf8')) as Report;
    expect(readFileSync(`${paths.repoRoot}${lessonCurvePath}`, 'utf8')).toBe(lessonCurveModule(committed));
  });
});
