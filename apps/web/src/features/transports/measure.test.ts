import { describe, expect, it } from 'vitest';
import type { Frame } from '@loopwire/contract';
import { raceMessageIndex, raceMessageText, socketIoPhases, sumRaceBytes } from './measure.ts';

/** A server text frame carrying one Socket.IO event, as the tap records it (2 header bytes). */
function eventFrame(event: string, payloadLength: number): Frame {
  return {
    at: 0,
    direction: 'server',
    fin: true,
    rsv: [false, false, false],
    opcode: 1,
    opcodeName: 'text',
    masked: false,
    maskingKey: null,
    payloadLength,
    headerBytes: '\x81\x10',
    payloadPreview: '',
    socketIo: { type: 2, typeName: 'EVENT', nsp: '/', event, meaning: '' },
  };
}

describe('race measurements', () => {
  it('numbers race messages so the send time can be found again', () => {
    expect(raceMessageIndex('abc', raceMessageText('abc', 4))).toBe(4);
    expect(raceMessageIndex('abc', raceMessageText('xyz', 4))).toBeNull();
    expect(raceMessageIndex('abc', 'hello')).toBeNull();
  });

  it('sums only this race’s exchanges, per transport, by path', () => {
    const sums = sumRaceBytes(
      [
        { url: '/api/poll/short?after=3&race=r1', wire: { clientBytes: 100, serverBytes: 200 } },
        { url: '/api/poll/short?after=4&race=r1', wire: { clientBytes: 101, serverBytes: 150 } },
        { url: '/api/poll/short?after=4&race=r2', wire: { clientBytes: 999, serverBytes: 999 } },
        { url: '/ws/feed?after=3&race=r1', wire: { clientBytes: 300, serverBytes: 400 } },
        { url: '/socket.io/?race=r1&EIO=4&transport=polling', wire: { clientBytes: 10, serverBytes: 20 } },
        { url: '/api/poll/messages', wire: { clientBytes: 50, serverBytes: 50 } },
      ],
      'r1',
    );
    expect(sums['short-polling']).toEqual({ requests: 2, clientBytes: 201, serverBytes: 350 });
    expect(sums.websocket).toEqual({ requests: 1, clientBytes: 300, serverBytes: 400 });
    expect(sums['socket.io']).toEqual({ requests: 1, clientBytes: 10, serverBytes: 20 });
    expect(sums.sse).toEqual({ requests: 0, clientBytes: 0, serverBytes: 0 });
  });

  it('splits the Socket.IO row by transport and weighs the broadcasts the feed client never asked for', () => {
    const phases = socketIoPhases(
      [
        { url: '/socket.io/?race=r1&EIO=4&transport=polling&t=a', wire: { clientBytes: 300, serverBytes: 200 }, frames: [], framesOmitted: 0 },
        { url: '/socket.io/?race=r1&EIO=4&transport=polling&t=b&sid=x', wire: { clientBytes: 310, serverBytes: 40 }, frames: [], framesOmitted: 0 },
        {
          url: '/socket.io/?race=r1&EIO=4&transport=websocket&sid=x',
          wire: { clientBytes: 500, serverBytes: 900 },
          frames: [eventFrame('loop:tick', 40), eventFrame('feed:message', 60), eventFrame('loop:sample', 70)],
          framesOmitted: 3,
        },
        { url: '/socket.io/?race=r2&EIO=4&transport=websocket', wire: { clientBytes: 9, serverBytes: 9 }, frames: [eventFrame('loop:tick', 40)], framesOmitted: 0 },
      ],
      'r1',
    );
    expect(phases.polling).toEqual({ requests: 2, clientBytes: 610, serverBytes: 240 });
    expect(phases.websocket).toEqual({ requests: 1, clientBytes: 500, serverBytes: 900 });
    expect(phases.broadcastEvents).toBe(2);
    expect(phases.broadcastBytes).toBe(2 + 40 + 2 + 70);
    expect(phases.framesOmitted).toBe(3);
  });
});
