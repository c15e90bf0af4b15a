// What lesson 12 says about the fan-out curve it shows must hold for that curve, which `--readme` writes
// from the committed bench run: a run that no longer bears a sentence out fails here.

import { maxSimulatedDevices } from '@loopwire/contract';
import { describe, expect, it } from 'vitest';
import content from './content.md?raw';
import { measuredFanout } from './measured.ts';

const { points } = measuredFanout;
/** The lesson's prose with its line breaks as spaces, as a reader sees it. */
const prose = content.replace(/\s+/g, ' ');

describe('the fan-out curve lesson 12 shows', () => {
  it('goes on from where the fleet stops to 10,000 devices, as the lesson says', () => {
    expect(prose).toContain(`The fleet above stops at ${maxSimulatedDevices.toLocaleString('en-US')} devices.`);
    expect(prose).toContain('`npm run bench` goes on to 10,000 against one server');
    expect(points[0].devices).toBe(maxSimulatedDevices);
    expect(points.at(-1)?.devices).toBe(10_000);
  });

  it('comes from a full run, where the slowest devices wait longer at every step and nothing breaks', () => {
    expect(prose).toContain('the slowest devices wait longer at every step, and nothing breaks along the way');
    expect(measuredFanout.mode).toBe('full');
    for (let index = 1; index < points.length; index++) expect(points[index]!.p99).toBeGreaterThan(points[index - 1]!.p99);
    expect(points.map((point) => point.missed)).toEqual(points.map(() => 0));
  });
});
