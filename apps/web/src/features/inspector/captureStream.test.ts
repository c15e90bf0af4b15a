import { describe, expect, it } from 'vitest';
import { framesKept, type Capture, type Frame } from '@loopwire/contract';
import { withFrame } from './captureStream.ts';

const frame = (at: number) => ({ at }) as Frame;

describe('withFrame (a followed capture growing by the stream’s frames)', () => {
  it('keeps the first frames for good and the newest after them, counting the dropped ones, as the store does', () => {
    let capture = { id: '1', frames: [], framesOmitted: 0, framesSeen: 0 } as unknown as Capture;
    const total = framesKept.first + framesKept.newest + 30;
    for (let at = 0; at < total; at++) capture = withFrame(capture, frame(at));
    expect(capture.framesSeen).toBe(total);
    expect(capture.framesOmitted).toBe(30);
    expect(capture.frames).toHaveLength(framesKept.first + framesKept.newest);
    expect(capture.frames[framesKept.first - 1]!.at).toBe(framesKept.first - 1);
    expect(capture.frames[framesKept.first]!.at).toBe(framesKept.first + 30);
    expect(capture.frames.at(-1)!.at).toBe(total - 1);
  });

  it('leaves the capture it was given as it was', () => {
    const before = { id: '1', frames: [frame(1)], framesOmitted: 0, framesSeen: 1 } as unknown as Capture;
    withFrame(before, frame(2));
    expect(before.frames).toHaveLength(1);
    expect(before.framesSeen).toBe(1);
  });
});
