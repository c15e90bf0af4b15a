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

/** RSS once the server has had a moment to finish closing the connections. */
async function settledRss(server: ServerProcess): Promise<number> {
  await sleep(1000);
  return server.rssMiB();
}

interface Growth {
  warm: number;
  after: number;
}

/** Warm-up, RSS, the measured messages, RSS again: on a fresh server with the tap as given. */
async function rssGrowth(tap: 'on' | 'off', sizes: Sizes['memory']): Promise<Growth> {
  return withServer({ TAP: tap }, async (server) => {
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
  });
}

export async function benchMemory(sizes: Sizes['memory']): Promise<Row[]> {
  const on = await rssGrowth('on', sizes);
  // The same load on an untapped server: what the rest of the server (and V8's heap sizing) grows by itself.
  const off = sizes.tapOffBaseline ? await rssGrowth('off', sizes) : null;
  const messages = sizes.messages.toLocaleString('en-US');
  const baseline = off ? `same load with TAP=off: ${off.warm.toFixed(1)} → ${off.after.toFixed(1)} MiB (${(off.after - off.warm).toFixed(1)})` : 'no TAP=off baseline in this mode';
  const scaled = sizes.messages === 100_000 ? '' : `; scaled to ${messages} messages: not comparable with the budget`;
  const connections = Math.ceil(sizes.messages / sizes.messagesPerConnection);
  return [
    measured(
      'memory.rss_growth_mb_100k',
      on.after - on.warm,
      'MiB',
      below(20),
      `server VmRSS ${on.warm.toFixed(1)} → ${on.after.toFixed(1)} MiB over ${messages} echoed messages on ${connections} connections (ws and Socket.IO), after ${sizes.warmupMessages.toLocaleString('en-US')} warm-up messages; ${baseline}${scaled}`,
    ),
  ];
}
