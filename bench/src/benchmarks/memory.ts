// Memory under the tap: the server's RSS (VmRSS of the process we started, after a forced full GC) after
// a warm-up that fills the capture ring, then after each of two successive intervals of 100,000 captured
// messages on fresh connections. One interval cannot tell a plateau from a leak; a bounded ring adds
// (almost) nothing in the second, a leak adds as much as in the first.

import { echoExactly, type EchoTransport } from '../echo-pump.js';
import { atMost, measured, MissingFeature, type Row } from '../report.js';
import { openSession, type Session } from '../session.js';
import { withServer, type ServerProcess } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { sleep } from '../stats.js';

/** Sends `total` echoes over fresh connections (`perConnection` each, `parallel` at a time), alternating ws and Socket.IO. */
async function sendCapturedMessages(server: ServerProcess, session: Session, total: number, sizes: Sizes['memory']): Promise<void> {
  const connections = Math.ceil(total / sizes.messagesPerConnection);
  let next = 0;
  const lane = async () => {
    while (next < connections) {
      const index = next++;
      const transport: EchoTransport = index % 2 === 0 ? 'ws' : 'socketio';
      const messages = Math.min(sizes.messagesPerConnection, total - index * sizes.messagesPerConnection);
      await echoExactly(server.port, transport, { messages, window: 8, headers: session.cookieHeader() });
    }
  };
  await Promise.all(Array.from({ length: sizes.parallel }, lane));
}

interface Rss {
  /** As the process stands, garbage included. */
  raw: number;
  /** After a full garbage collection: what the server really holds on to. */
  retained: number;
}

/** RSS once the server has had a moment to finish closing the connections, before and after a full GC. */
async function settledRss(server: ServerProcess): Promise<Rss> {
  await sleep(1000);
  const raw = server.rssMiB();
  await server.collectGarbage();
  await sleep(500);
  return { raw, retained: server.rssMiB() };
}

interface Growth {
  warm: Rss;
  first: Rss;
  second: Rss;
}

/** Warm-up, RSS, then two intervals of the measured messages with RSS after each: on a fresh server with the tap as given. */
async function rssGrowth(tap: 'on' | 'off', sizes: Sizes['memory']): Promise<Growth> {
  return withServer(
    { TAP: tap },
    async (server) => {
      const session = await openSession(server.url);
      try {
        await sendCapturedMessages(server, session, sizes.warmupMessages, sizes);
        if (tap === 'on') {
          const captured = await session.captures('websocket');
          if (captured === null) throw new MissingFeature('the wire tap is not on this branch: GET /api/captures did not answer 200 {captures}, so no message is captured');
          if (captured.length === 0) throw new Error('the tap returned no websocket captures for the warm-up connections');
        }
        const warm = await settledRss(server);
        await sendCapturedMessages(server, session, sizes.messages, sizes);
        const first = await settledRss(server);
        await sendCapturedMessages(server, session, sizes.messages, sizes);
        return { warm, first, second: await settledRss(server) };
      } finally {
        session.close();
      }
    },
    { inspect: true },
  );
}

const change = (from: number, to: number) => `${from.toFixed(1)} → ${to.toFixed(1)} MiB (${to - from >= 0 ? '+' : ''}${(to - from).toFixed(1)})`;

export async function benchMemory(sizes: Sizes['memory']): Promise<Row[]> {
  const on = await rssGrowth('on', sizes);
  // The same load on an untapped server: what the rest of the server grows by itself.
  const off = sizes.tapOffBaseline ? await rssGrowth('off', sizes) : null;
  const messages = sizes.messages.toLocaleString('en-US');
  const load = `${messages} echoed messages on ${Math.ceil(sizes.messages / sizes.messagesPerConnection)} fresh connections (ws and Socket.IO)`;
  const scaled = sizes.messages === 100_000 ? '' : `; scaled to ${messages} messages: not comparable with the budget`;
  const baseline = (from: keyof Growth, to: keyof Growth) => (off ? `same load with TAP=off: ${change(off[from].retained, off[to].retained)} after GC` : 'no TAP=off baseline in this mode');
  return [
    measured(
      'memory.rss_growth_mib_first_100k',
      on.first.retained - on.warm.retained,
      'MiB',
      null,
      `server VmRSS after a full GC (forced through the inspector) ${change(on.warm.retained, on.first.retained)}; before GC ${change(on.warm.raw, on.first.raw)}; ${load} after ${sizes.warmupMessages.toLocaleString('en-US')} warm-up messages; ${baseline('warm', 'first')}${scaled}`,
    ),
    measured(
      'memory.rss_growth_mib_second_100k',
      on.second.retained - on.first.retained,
      'MiB',
      atMost(2),
      `the next ${load}: VmRSS after GC ${change(on.first.retained, on.second.retained)}; before GC ${change(on.first.raw, on.second.raw)}; ${baseline('first', 'second')}${scaled}`,
    ),
  ];
}
