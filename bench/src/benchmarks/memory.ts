// Memory under the tap: the server's RSS (VmRSS of the process we started) after a warm-up that fills
// the capture ring, then after 100,000 more captured messages on fresh connections. The ring is bounded,
// so the difference must stay small.

import { echoExactly, type EchoTransport } from '../echo-pump.js';
import { below, measured, MissingFeature, type Row } from '../report.js';
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
  after: Rss;
}

/** Warm-up, RSS, the measured messages, RSS again: on a fresh server with the tap as given. */
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
        return { warm, after: await settledRss(server) };
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
  const baseline = off ? `same load with TAP=off: ${change(off.warm.retained, off.after.retained)} after GC` : 'no TAP=off baseline in this mode';
  const scaled = sizes.messages === 100_000 ? '' : `; scaled to ${messages} messages: not comparable with the budget`;
  return [
    measured(
      'memory.rss_growth_mb_100k',
      on.after.retained - on.warm.retained,
      'MiB',
      below(20),
      `server VmRSS after a full GC (forced through the inspector) ${change(on.warm.retained, on.after.retained)}; before GC ${change(on.warm.raw, on.after.raw)}; ${messages} echoed messages on ${Math.ceil(sizes.messages / sizes.messagesPerConnection)} fresh connections (ws and Socket.IO) after ${sizes.warmupMessages.toLocaleString('en-US')} warm-up messages; ${baseline}${scaled}`,
    ),
  ];
}
