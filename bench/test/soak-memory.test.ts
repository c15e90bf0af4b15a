import { describe, expect, it } from 'vitest';
import { memoryVerdict } from '../src/soak-memory.js';

// One sample every 5 s; the first 20 s are the warm-up here.
const run = (rss: number[]) => rss.map((rssMiB, index) => ({ atS: index * 5, rssMiB, lagMaxMs: 0, handles: 0, errors: 0 }));
const warmUp = [300, 250, 240, 230];

describe('the soak memory verdict', () => {
  it('passes memory that saws between two levels, whichever level a minute happens to end on', () => {
    const sawing = [...warmUp, ...Array.from({ length: 100 }, (_, index) => (index % 3 === 0 ? 220 : 176))];
    const verdict = memoryVerdict(run([...sawing, 176, 176, 176, 176, 176, 176, 176, 176, 176, 176, 176, 176]), 20_000, 5000);
    expect(verdict).toMatchObject({ baselineMiB: 220, endMiB: 176, peakMiB: 220, failure: null });
  });

  it('fails a top that keeps rising, and says by how much', () => {
    const leaking = [...warmUp, ...Array.from({ length: 100 }, (_, index) => 200 + index * 0.5)];
    const verdict = memoryVerdict(run(leaking), 20_000, 5000);
    expect(verdict.baselineMiB).toBe(205.5);
    expect(verdict.endMiB).toBe(249.5);
    expect(verdict.failure).toMatch(/RSS grew past 10 %.*205\.5 MiB.*249\.5 MiB/);
  });

  it('fails one spike past the limit even when the end is back down', () => {
    const spiking = [...warmUp, ...Array.from({ length: 100 }, (_, index) => (index === 50 ? 260 : 200))];
    expect(memoryVerdict(run(spiking), 20_000, 5000).failure).toMatch(/peak 260 MiB/);
  });

  it('leaves the warm-up out', () => {
    expect(memoryVerdict(run([...warmUp, ...Array.from({ length: 24 }, () => 200)]), 20_000, 5000)).toMatchObject({ baselineMiB: 200, peakMiB: 200, failure: null });
  });
});
