// What a reconnect of the raw SSE client really showed, read from the lines it received: the
// Last-Event-ID it carried and what the server replayed. The lesson explains this run from it.

import type { SseNotice } from '@loopwire/contract';
import type { Observation } from '../../lib/observed.ts';
import type { RawSseLine } from './raw-sse-client.ts';

/** What the latest reconnect in these lines showed: the Last-Event-ID it carried, what the server
 *  said it would replay, and how many messages followed before anything live. */
export function resumeObservation(lines: readonly RawSseLine[]): Observation | null {
  const at = lines.findLastIndex((line) => line.kind === 'request' && line.lastEventId !== null);
  if (at === -1) {
    const plain = lines.findLastIndex((line, index) => index > 0 && line.kind === 'request');
    return plain === -1 ? null : { outcome: 'lost', summary: 'the reconnect carried no Last-Event-ID, so the server could not know what you missed.' };
  }
  const after = lines.slice(at + 1).flatMap((line) => (line.kind === 'line' ? [line.text] : []));
  const noticeAt = after.indexOf('event: notice');
  if (noticeAt === -1) return null;
  const notice = JSON.parse(after[noticeAt + 1]!.slice('data: '.length)) as SseNotice;
  const replayed = after.slice(noticeAt).filter((text) => text === 'event: message').length;
  const sent = (lines[at] as { lastEventId: string }).lastEventId;
  if (replayed < notice.replaying) return null;
  return {
    outcome: notice.replaying > 0 ? 'replayed' : 'lost',
    summary: `the reconnect carried Last-Event-ID: ${sent}; the server answered "replaying":${notice.replaying}${notice.replaying > 0 ? ` and sent those ${notice.replaying} messages before anything new` : ''}.`,
  };
}
