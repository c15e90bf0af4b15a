// The bench's verdicts: judged on the value as printed, extra conditions as rows of their own, and
// quick/smoke runs reported as information rather than pass/fail against the full budgets.

import { describe, expect, it } from 'vitest';
import { atLeast, between, exactly, formatMarkdown, formatTable, formatValue, judge, measured, unmeasured, verdict, type Row } from '../src/report.js';
import { runBench, type Benchmark } from '../src/run.js';

describe('a row is judged on the value it prints', () => {
  it('a ratio prints three decimals, so 0.9451 is 0.945 and misses ≥ 0.95', () => {
    const row = measured('tap.ws_echo_cpu_ratio', 0.9451, 'ratio', atLeast(0.95));
    expect(formatValue(row)).toBe('0.945');
    expect(row.value).toBe(0.945);
    expect(verdict(row)).toBe('FAIL');
  });

  it('0.9496 prints 0.95 and passes ≥ 0.95: never an in-budget number beside a FAIL', () => {
    const row = measured('tap.ws_echo_cpu_ratio', 0.9496, 'ratio', atLeast(0.95));
    expect(formatValue(row)).toBe('0.95');
    expect(verdict(row)).toBe('pass');
  });

  it('the issue’s example: 0.8951 against ≥ 0.9 prints 0.895 and fails', () => {
    const row = measured('tap.ratio', 0.8951, 'ratio', atLeast(0.9));
    expect(formatTable([row])).toMatch(/0\.895\s+ratio\s+≥ 0\.9\s+FAIL/);
  });

  it('milliseconds print one decimal and are judged at it: 215.04 is 215 and inside 190–215', () => {
    const row = measured('loop.lag_fidelity_200ms', 215.04, 'ms', between(190, 215));
    expect(formatValue(row)).toBe('215');
    expect(verdict(row)).toBe('pass');
    expect(verdict(measured('loop.lag_fidelity_200ms', 215.06, 'ms', between(190, 215)))).toBe('FAIL');
  });

  it('every printed value in a table agrees with its verdict', () => {
    const budget = atLeast(0.95);
    const rows = [0.9449, 0.945, 0.9499, 0.95, 0.951].map((value) => measured('r', value, 'ratio', budget));
    for (const row of rows) expect(verdict(row) === 'pass').toBe(budget.check(Number(formatValue(row))));
  });
});

describe('extra conditions are rows of their own', () => {
  it('a median in range passes while the count of runs out of range fails beside it', () => {
    const lags = [201, 204.5, 223, 199, 206];
    const fidelity = between(190, 215);
    const rows = [
      measured('loop.lag_fidelity_200ms', 204.5, 'ms', fidelity),
      measured('loop.lag_fidelity_runs_out_of_range', lags.filter((lag) => !fidelity.check(lag)).length, 'runs', exactly(0)),
    ];
    expect(rows.map((row) => [formatValue(row), verdict(row)])).toEqual([
      ['204.5', 'pass'],
      ['1', 'FAIL'],
    ]);
  });

  it('the budget declared for a row is the one it is judged by', () => {
    const produced = measured('fanout.missed_10000', 3, 'deliveries', null);
    const judged = judge(produced, exactly(0));
    expect(judged).toMatchObject({ budget: '= 0', pass: false });
    expect(formatMarkdown([judged])).toContain('| `fanout.missed_10000` | 3 | deliveries | = 0 | FAIL |');
  });

  it('a row that could not be measured is never given a number and never passes', () => {
    const row = judge(unmeasured('web.initial_js_kib', 'KiB', null, 'no server'), atLeast(0));
    expect(row.value).toBeNull();
    expect(verdict(row)).toBe('FAIL');
  });
});

describe('quick and smoke runs are information', () => {
  const benchmark: Benchmark = {
    title: 'a benchmark over budget',
    rows: () => [
      { name: 'x.ratio', unit: 'ratio', budget: atLeast(0.95) },
      { name: 'x.missing', unit: 'ms', budget: atLeast(1) },
    ],
    run: (): Row[] => [measured('x.ratio', 0.5, 'ratio', null)],
  };

  it('quick: a value under the budget is info, not FAIL; the budget is still shown', async () => {
    const report = await runBench('quick', () => {}, [benchmark]);
    expect(report.rows[0]).toMatchObject({ name: 'x.ratio', value: 0.5, budget: '≥ 0.95', pass: null });
    expect(formatTable(report.rows)).toMatch(/x\.ratio\s+0\.5\s+ratio\s+≥ 0\.95\s+info/);
  });

  it('quick: a row the benchmark did not produce is still a failure of the harness', async () => {
    const report = await runBench('smoke', () => {}, [benchmark]);
    expect(report.rows[1]).toMatchObject({ name: 'x.missing', value: null, pass: false });
  });

  it('full: the same value fails its budget', async () => {
    const report = await runBench('full', () => {}, [benchmark]);
    expect(report.rows[0]).toMatchObject({ pass: false });
  });
});
