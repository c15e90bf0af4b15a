import { describe, expect, it } from 'vitest';
import { raceMessageIndex, raceMessageText, sumRaceBytes } from './measure.ts';

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
});
