import { describe, expect, it } from 'vitest';
import type { RawSseLine } from './raw-sse-client.ts';
import { resumeObservation } from './sse-resume.ts';

const line = (text: string): RawSseLine => ({ kind: 'line', text });
const notice = (resumedFrom: number | null, replaying: number) => [
  line('event: notice'),
  line(`data: ${JSON.stringify({ stream: 'abc', resumedFrom, replaying })}`),
  line(''),
];
const message = (id: number) => [line(`id: ${id}`), line('event: message'), line(`data: {"id":${id}}`), line('')];

describe('resumeObservation', () => {
  it('says nothing before a reconnect', () => {
    expect(resumeObservation([{ kind: 'request', lastEventId: null }, ...notice(null, 0)])).toBeNull();
  });

  it('reports a replay once the notice and every replayed message are in', () => {
    const reconnect: RawSseLine[] = [{ kind: 'request', lastEventId: null }, ...notice(null, 0), { kind: 'ended', retryMs: 2000 }, { kind: 'request', lastEventId: '7' }, ...notice(7, 2)];
    expect(resumeObservation([...reconnect, ...message(8)])).toBeNull();
    expect(resumeObservation([...reconnect, ...message(8), ...message(9)])).toEqual({
      outcome: 'replayed',
      summary: expect.stringContaining('Last-Event-ID: 7'),
    });
  });

  it('reports a loss when the reconnect carried no Last-Event-ID', () => {
    const lines: RawSseLine[] = [{ kind: 'request', lastEventId: null }, ...notice(null, 0), { kind: 'ended', retryMs: 2000 }, { kind: 'request', lastEventId: null }, ...notice(null, 0)];
    expect(resumeObservation(lines)).toMatchObject({ outcome: 'lost' });
  });
});
