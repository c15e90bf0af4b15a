// The fan-out curve drawn from a report: the points come from the p50/p99 rows, in order of devices.

import { describe, expect, it } from 'vitest';
import { fanoutCurve, fanoutSvg } from '../src/fanout-plot.js';
import { measured, type Report } from '../src/report.js';

const report = {
  rows: [10_000, 1000, 5000].flatMap((devices) => [
    measured(`fanout.p50_ms_${devices}`, devices / 100, 'ms', null),
    measured(`fanout.p99_ms_${devices}`, devices / 50, 'ms', null),
  ]),
} as Report;

describe('fanoutCurve and fanoutSvg', () => {
  it('reads one point per device count from the rows, fewest devices first', () => {
    expect(fanoutCurve(report)).toEqual([
      { devices: 1000, p50: 10, p99: 20 },
      { devices: 5000, p50: 50, p99: 100 },
      { devices: 10_000, p50: 100, p99: 200 },
    ]);
  });

  it('draws both lines through every point, the budget line, and labels the largest size', () => {
    const svg = fanoutSvg(fanoutCurve(report), { budgetMs: 300, caption: 'test run' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('budget p99 &lt; 300 ms');
    expect(svg).toContain('p99 200 ms');
    expect(svg).toContain('10,000');
  });

  it('refuses to draw a report without fan-out rows', () => {
    expect(() => fanoutSvg(fanoutCurve({ rows: [] } as unknown as Report), { budgetMs: 300, caption: '' })).toThrow(/no fan-out rows/);
  });
});
