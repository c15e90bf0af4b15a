import { describe, expect, it } from 'vitest';
import type { Capture, Frame } from '@loopwire/contract';
import { applyStreamEvents } from './useCaptures.ts';

function capture(id: string, status: number | null, frames: Frame[] = []): Capture {
  return { id, status, frames } as unknown as Capture;
}

function frame(at: number): Frame {
  return { at } as Frame;
}

describe('applyStreamEvents (a batch of the capture stream)', () => {
  it('applies a batch in order: new captures in id order, updates in place, frames to their capture', () => {
    const before = [capture('1', 200), capture('3', null)];
    const after = applyStreamEvents(before, [
      { capture: capture('4', null) },
      { capture: capture('2', 200) },
      { capture: capture('3', 101) },
      { frame: { captureId: '3', frame: frame(10) } },
      { frame: { captureId: '3', frame: frame(11) } },
      { frame: { captureId: '9', frame: frame(12) } },
    ]);
    expect(after.map((c) => [c.id, c.status, c.frames.map((f) => f.at)])).toEqual([
      ['1', 200, []],
      ['2', 200, []],
      ['3', 101, [10, 11]],
      ['4', null, []],
    ]);
    expect(before.map((c) => c.status)).toEqual([200, null]);
  });

  it('keeps an untouched capture the same object, so its row is not drawn again', () => {
    const untouched = capture('1', 200);
    const after = applyStreamEvents([untouched, capture('2', 101)], [{ frame: { captureId: '2', frame: frame(1) } }]);
    expect(after[0]).toBe(untouched);
  });

  it('keeps the newest 200 captures and the newest 200 frames of each', () => {
    const many = Array.from({ length: 200 }, (_, i) => capture(String(i + 1), 200));
    const frames = Array.from({ length: 201 }, (_, i) => ({ frame: { captureId: '200', frame: frame(i) } }));
    const after = applyStreamEvents(many, [{ capture: capture('201', 200) }, ...frames]);
    expect(after).toHaveLength(200);
    expect(after[0]!.id).toBe('2');
    expect(after.find((c) => c.id === '200')!.frames.map((f) => f.at)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});
