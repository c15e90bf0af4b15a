// Lesson 12 shows the fan-out curve `npm run bench` measured, and says where and when: the numbers on the
// page are the committed run's (bench/results.json, from which `--readme` writes the lesson's data).

import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './support/test.js';

interface Results {
  mode: string;
  machine: { cpus: number; cpuModel: string; node: string; date: string };
  rows: { name: string; value: number | null }[];
}

const results = JSON.parse(readFileSync(new URL('../bench/results.json', import.meta.url), 'utf8')) as Results;
const value = (name: string) => results.rows.find((row) => row.name === name)?.value;
const sizes = results.rows.flatMap((row) => /^fanout\.p99_ms_(\d+)$/.exec(row.name)?.[1] ?? []).map(Number);

test('lesson 12 shows the bench’s fan-out curve to 10,000 devices, with where and when it was measured', async ({ page }) => {
  await page.goto('/lessons/fan-in-fan-out#million');
  const curve = page.getByTestId('fanout-curve');
  await expect(curve.getByRole('img', { name: 'Broadcast latency p50 and p99 against the number of devices' })).toBeVisible();
  const rows = curve.getByTestId('fanout-curve-table').locator('tbody tr');
  await expect(rows).toHaveCount(sizes.length);
  for (const [index, devices] of sizes.entries()) {
    await expect(rows.nth(index)).toContainText(`${devices.toLocaleString('en-US')}${value(`fanout.p50_ms_${devices}`)} ms${value(`fanout.p99_ms_${devices}`)} ms`);
  }
  await expect(rows.last()).toContainText('10,000');
  const [fewest, most] = [sizes[0]!, sizes.at(-1)!];
  const p99 = (devices: number) => value(`fanout.p99_ms_${devices}`)!;
  const times = (ratio: number) => String(Math.round(ratio * 10) / 10);
  await expect(curve.getByTestId('fanout-curve-summary')).toContainText(`${times(most / fewest)}× the devices: p99 ${times(p99(most) / p99(fewest))}× (${p99(fewest)} → ${p99(most)} ms)`);
  const { machine } = results;
  await expect(curve).toContainText(`Measured by npm run bench (${results.mode} run) on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.date.slice(0, 10)}`);
  // The page-wide axe suite may run before this lazy widget has loaded; here it has.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="fanout-curve"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);
});
