import { describe, expect, it } from 'vitest';
import { memoryVerdict } from '../src/soak-memory.js';

// One sample every 5 s; the first 20 s are the warm-up here.
const run = (rss: number[]) => rss.map((rssMiB, index) => ({ atS: index * 5, rssMiB, lagMaxMs: 0, handles: 0, errors: 0 }));
const warmUp = [300, 250, 240, 230];
const after = (length: number, rss: (index: number) => number) => [...warmUp, ...Array.from({ length }, (_, index) => rss(index))];

describe('the soak memory verdict', () => {
  it('passes memory that saws between two levels, whichever level the run happens to end on', () => {
    const sawing = (index: number) => (index % 30 < 10 ? 226 : 172);
    expect(memoryVerdict(run(after(96, sawing)), 20_000)).toMatchObject({
      baselineMiB: 226,
      endMiB: 226,
      floorMiB: { first: 172, second: 172 },
      failure: null,
    });
    expect(memoryVerdict(run(after(100, sawing)), 20_000).failure).toBeNull();
  });

  it('fails a top that keeps rising, and says by how much', () => {
    const verdict = memoryVerdict(run(after(100, (index) => 200 + index * 0.5)), 20_000);
    expect(verdict).toMatchObject({ baselineMiB: 224.5, endMiB: 249.5, peakMiB: 249.5 });
    expect(verdict.failure).toMatch(/second half.*top 224\.5 → 249\.5 MiB/);
  });

  it('fails a floor that rises while the tops stay where they were', () => {
    const verdict = memoryVerdict(run(after(100, (index) => (index % 10 === 0 ? 230 : index < 50 ? 170 : 200))), 20_000);
    expect(verdict).toMatchObject({ baselineMiB: 230, endMiB: 230, floorMiB: { first: 170, second: 200 } });
    expect(verdict.failure).toMatch(/floor 170 → 200 MiB/);
  });

  it('fails one spike past the limit in the second half', () => {
    expect(memoryVerdict(run(after(100, (index) => (index === 80 ? 260 : 200))), 20_000).failure).toMatch(/top 200 → 260 MiB/);
  });

  it('passes memory that falls, and leaves the warm-up out', () => {
    expect(memoryVerdict(run(after(100, (index) => 220 - index * 0.4)), 20_000).failure).toBeNull();
    expect(memoryVerdict(run(after(24, () => 200)), 20_000)).toMatchObject({ baselineMiB: 200, peakMiB: 200, failure: null });
  });
});
