import { describe, expect, it } from 'vitest';
import type { Capture, Frame } from '@loopwire/contract';
import { AdoptedCaptures, toAdoptedCapture, toAdoptedSummary } from './adopted-captures.js';

const worker = { pid: 4242, label: 'lab-4242', note: 'Recorded by worker pid 4242.' };

function capture(id: string, overrides: Partial<Capture> = {}): Capture {
  return {
    id,
    connectionId: 'conn-1',
    kind: 'websocket',
    startedAt: 1,
    respondedAt: null,
    method: 'GET',
    url: '/socket.io/?EIO=4&transport=websocket',
    status: null,
    requestHead: 'GET / HTTP/1.1\r\nCookie: theme=dark; loopwire_sid=******\r\n\r\n',
    responseHead: null,
    local: { address: '127.0.0.1', port: 1 },
    remote: { address: '127.0.0.1', port: 2 },
    requestBody: { length: 0, contentType: null, preview: '', complete: true },
    responseBody: null,
    framesSeen: 0,
    frames: [],
    framesOmitted: 0,
    wire: { clientBytes: 0, serverBytes: 0 },
    done: false,
    ...overrides,
  };
}

function frame(at: number): Frame {
  return { at, direction: 'server', fin: true, rsv: [false, false, false], opcode: 1, opcodeName: 'text', masked: false, maskingKey: null, payloadLength: 1, headerBytes: '\x81\x01', payloadPreview: 'x' };
}

function store(capacity?: number) {
  let next = 100;
  return new AdoptedCaptures(() => String(++next), capacity);
}

describe('adopted captures', () => {
  it('gives each relayed capture an id of this server and keeps it across updates', () => {
    const adopted = store();
    adopted.adopt(worker, [{ kind: 'capture', sid: 'a', noise: false, capture: capture('7') }]);
    adopted.adopt(worker, [{ kind: 'capture', sid: 'a', noise: false, capture: capture('7', { status: 101 }) }]);
    const [entry] = adopted.list({ sid: 'a' });
    expect(adopted.size).toBe(1);
    expect(entry).toMatchObject({ id: '101', producerPid: 4242, capture: { id: '101', status: 101, connectionId: 'lab-4242-conn-1', notes: [worker.note] } });
  });

  it('lists only the asking browser’s captures, newest first, and clears only theirs', () => {
    const adopted = store();
    adopted.adopt(worker, [
      { kind: 'capture', sid: 'a', noise: false, capture: capture('1') },
      { kind: 'capture', sid: 'b', noise: false, capture: capture('2') },
      { kind: 'capture', sid: 'a', noise: false, capture: capture('3') },
    ]);
    expect(adopted.list({ sid: 'a' }).map((entry) => entry.id)).toEqual(['103', '101']);
    expect(adopted.clear('a')).toBe(2);
    expect(adopted.list({ sid: 'a' })).toEqual([]);
    expect(adopted.list({ sid: 'b' }).map((entry) => entry.id)).toEqual(['102']);
  });

  it('appends relayed frames within the tap’s bound (first 50 for good, then the newest), counting the rest', () => {
    const adopted = store();
    const heard: number[] = [];
    const places: number[] = [];
    adopted.subscribe({
      capture: () => undefined,
      frame: (_entry, added, seq) => {
        heard.push(added.at);
        places.push(seq);
      },
    });
    adopted.adopt(worker, [{ kind: 'capture', sid: 'a', noise: false, capture: capture('1', { status: 101 }) }]);
    const frames = Array.from({ length: 260 }, (_, at) => frame(at));
    adopted.adopt(worker, [{ kind: 'frames', sid: 'a', captureId: '1', frames }]);
    const kept = adopted.list({ sid: 'a' })[0]!.capture;
    expect(kept.frames).toHaveLength(200);
    expect(kept.framesOmitted).toBe(60);
    expect(kept.framesSeen).toBe(260);
    expect(kept.frames[49]!.at).toBe(49);
    expect(kept.frames[50]!.at).toBe(110);
    expect(kept.frames[199]!.at).toBe(259);
    expect(heard).toHaveLength(260);
    // Each frame's place among all seen, so a page adds exactly the frames after its snapshot.
    expect(places).toEqual(Array.from({ length: 260 }, (_, seq) => seq));
  });

  it('drops frames claimed for another browser’s capture', () => {
    const adopted = store();
    adopted.adopt(worker, [{ kind: 'capture', sid: 'a', noise: false, capture: capture('1') }]);
    adopted.adopt(worker, [{ kind: 'frames', sid: 'b', captureId: '1', frames: [frame(1)] }]);
    expect(adopted.list({ sid: 'a' })[0]!.capture.frames).toEqual([]);
  });

  it('stays bounded: the oldest goes, and one browser never holds more than half', () => {
    const adopted = store(10);
    for (let i = 0; i < 4; i++) adopted.adopt(worker, [{ kind: 'capture', sid: 'quiet', noise: false, capture: capture(`q${i}`) }]);
    for (let i = 0; i < 20; i++) adopted.adopt(worker, [{ kind: 'capture', sid: 'busy', noise: false, capture: capture(`b${i}`) }]);
    expect(adopted.list({ sid: 'quiet' })).toHaveLength(4);
    expect(adopted.list({ sid: 'busy', limit: 100 })).toHaveLength(5);
    expect(adopted.size).toBe(9);
  });

  it('masks credential headers like every capture; reveal shows them but never the sid', () => {
    const adopted = store();
    adopted.adopt(worker, [{ kind: 'capture', sid: 'a', noise: false, capture: capture('1') }]);
    const entry = adopted.list({ sid: 'a' })[0]!;
    expect(toAdoptedCapture(entry).requestHead).toContain('Cookie: *******************************\r\n');
    expect(toAdoptedCapture(entry, { reveal: true }).requestHead).toContain('Cookie: theme=dark; loopwire_sid=******\r\n');
    expect(toAdoptedSummary(entry).requestHead).toBe(toAdoptedCapture(entry).requestHead);
  });

  it('summarises a capture without its frames, counting every frame seen', () => {
    const adopted = store();
    adopted.adopt(worker, [{ kind: 'capture', sid: 'a', noise: false, capture: capture('1', { status: 101 }) }]);
    adopted.adopt(worker, [{ kind: 'frames', sid: 'a', captureId: '1', frames: Array.from({ length: 210 }, (_, at) => frame(at)) }]);
    const summary = toAdoptedSummary(adopted.list({ sid: 'a' })[0]!);
    expect(summary).toMatchObject({ id: '101', status: 101, framesSeen: 210 });
    expect(summary).not.toHaveProperty('frames');
    expect(summary).not.toHaveProperty('framesOmitted');
  });
});
