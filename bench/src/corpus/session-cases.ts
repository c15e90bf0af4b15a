// The corpus's session promises: sids the server did not sign count as none, one browser never sees
// another's connection details or ends or pings its connections, one browser flooding the capture
// store or the lab only costs itself.

import type { CorpusCase } from './case.js';
import {
  check,
  checkEqual,
  expectJsonError,
  expectRawStatus,
  fetchText,
  frame,
  handshake,
  newSession,
  openRawSocketIo,
  openRawWebSocket,
  postJson,
  rawExchange,
  type Target,
} from './wire.js';

const inventedSid = `loopwire_sid=${'A'.repeat(22)}`;
const forgedSid = `loopwire_sid=${'A'.repeat(22)}.${'B'.repeat(22)}`;

async function connectionsOf(t: Target, cookie: string) {
  const answer = await fetchText(t, '/api/security/connections', { headers: { cookie } });
  checkEqual(answer.status, 200, 'connections status');
  return { text: answer.text, body: JSON.parse(answer.text) as { connections: { id: string }[]; others: { websocket: number; socketIo: number } } };
}

const sessions: CorpusCase[] = [
  {
    name: 'an invented 22-character loopwire_sid → ignored: a fresh signed sid is issued and no captures come back',
    send: async (t) => {
      const answer = await fetchText(t, '/api/captures', { headers: { cookie: inventedSid } });
      checkEqual(answer.status, 200, 'status');
      const issued = answer.headers.getSetCookie()[0] ?? '';
      check(/^loopwire_sid=[\w-]{22}\.[\w-]{22};/.test(issued), `a fresh signed sid: ${issued}`);
      checkEqual(answer.text, '{"captures":[]}', 'captures');
    },
  },
  {
    name: 'a forged signature (<id>.<made-up>) → ignored: a fresh sid is issued',
    send: async (t) => {
      const answer = await fetchText(t, '/api/health', { headers: { cookie: forgedSid } });
      check(answer.headers.getSetCookie().some((cookie) => cookie.startsWith('loopwire_sid=') && !cookie.startsWith(forgedSid)), 'a fresh sid');
    },
  },
  {
    name: "a genuine sid with one character changed → ignored, and the owner's captures stay invisible to it",
    send: async (t) => {
      const cookie = await newSession(t);
      await fetchText(t, '/api/health?mine=1', { headers: { cookie } });
      const last = cookie.at(-1) === 'A' ? 'B' : 'A';
      const altered = `${cookie.slice(0, -1)}${last}`;
      const answer = await fetchText(t, '/api/captures', { headers: { cookie: altered } });
      check(!answer.text.includes('mine=1'), 'no captures of the real owner');
    },
  },
  {
    name: '/ws/limited from 7 cookie-less clients → all 7 open: no shared bucket, each gets its own sid in the 101',
    send: async (t) => {
      const raws = await Promise.all(Array.from({ length: 7 }, () => rawExchange(t, handshake('/ws/limited'), { idleMs: 200 })));
      const sids = raws.map((raw) => /\r\nSet-Cookie: loopwire_sid=([^;]+);/i.exec(raw)?.[1]);
      check(raws.every((raw) => raw.startsWith('HTTP/1.1 101')), 'every handshake opens');
      checkEqual(new Set(sids).size, 7, 'distinct fresh sids');
    },
  },
  {
    name: '/ws/limited: the same browser over MAX_CONNECTIONS_PER_SID → 429 (invented sids do not make new browsers)',
    send: async (t) => {
      const cookie = await newSession(t);
      const info = JSON.parse((await fetchText(t, '/api/security/info')).text) as { maxConnectionsPerSid: number };
      const open = await Promise.all(Array.from({ length: info.maxConnectionsPerSid }, () => openRawWebSocket(t, '/ws/limited', { Cookie: cookie })));
      await expectRawStatus(t, handshake('/ws/limited', { Cookie: cookie }), 429);
      for (const raw of open) raw.socket.destroy();
    },
  },
];

const ownership: CorpusCase[] = [
  {
    name: "another browser listing connections sees A's only as counts: no Proxy-Authorization, X-Api-Key or id",
    send: async (t) => {
      const [a, b] = [await newSession(t), await newSession(t)];
      const raw = await openRawSocketIo(t, { Cookie: a, 'Proxy-Authorization': 'Basic UFJPWFlTRUNSRVQ=', 'X-Api-Key': 'XAPIKEYSECRET' });
      const sid = /"sid":"([^"]+)"/.exec(raw.texts.find((text) => text.startsWith('40'))!)![1]!;
      const seenByB = await connectionsOf(t, b);
      check(!/UFJPWFlTRUNSRVQ|XAPIKEYSECRET|PROX|XAPI/.test(seenByB.text), 'no credential, not even masked');
      check(!seenByB.text.includes(sid), "A's socket id is not shown to B");
      check(seenByB.body.others.socketIo >= 1, "A's connection is counted");
      const seenByA = await connectionsOf(t, a);
      check(seenByA.body.connections.some((connection) => connection.id === sid), 'A sees its own connection');
      check(!/UFJPWFlTRUNSRVQ|XAPIKEYSECRET/.test(seenByA.text), 'even A sees its credentials masked');
      raw.socket.destroy();
    },
  },
  {
    name: "another browser ending A's Socket.IO feed connection → 404, A stays connected; A itself → 200",
    send: async (t) => {
      const [a, b] = [await newSession(t), await newSession(t)];
      const raw = await openRawSocketIo(t, { Cookie: a });
      const sid = /"sid":"([^"]+)"/.exec(raw.texts.find((text) => text.startsWith('40'))!)![1]!;
      await expectJsonError(postJson(t, '/api/feed/close', { transport: 'socket.io', id: sid }, { cookie: b }), 404, 'no_such_connection');
      raw.socket.write(frame({ opcode: 0x1, payload: '421["echo:send","still mine"]' }));
      await raw.nextText((text) => text.startsWith('431') && text.includes('still mine'));
      checkEqual((await postJson(t, '/api/feed/close', { transport: 'socket.io', id: sid }, { cookie: a })).status, 200, "A closing its own");
      await raw.serverClose();
    },
  },
  {
    name: "another browser ending A's /ws/feed connection → 404",
    send: async (t) => {
      const [a, b] = [await newSession(t), await newSession(t)];
      const raw = await openRawWebSocket(t, '/ws/feed', { Cookie: a });
      const hello = JSON.parse(await raw.nextText((text) => text.includes('"hello"'))) as { connectionId: string };
      await expectJsonError(postJson(t, '/api/feed/close', { transport: 'websocket', id: hello.connectionId }, { cookie: b }), 404, 'no_such_connection');
      raw.socket.destroy();
    },
  },
  {
    name: "another browser asking the server to ping A's /ws connection → 404",
    send: async (t) => {
      const [a, b] = [await newSession(t), await newSession(t)];
      const raw = await openRawWebSocket(t, '/ws?ping-target=1', { Cookie: a });
      const list = JSON.parse((await fetchText(t, '/api/captures?kind=websocket', { headers: { cookie: a } })).text) as { captures: { id: string; url: string }[] };
      const captureId = list.captures.find((capture) => capture.url === '/ws?ping-target=1')!.id;
      await expectJsonError(postJson(t, '/api/ws/ping', { captureId }, { cookie: b }), 404, 'connection_not_found');
      checkEqual((await postJson(t, '/api/ws/ping', { captureId }, { cookie: a })).status, 200, 'A pinging its own');
      raw.socket.destroy();
    },
  },
  {
    name: "a browser flooding the capture store with 600 requests does not evict another browser's capture",
    send: async (t) => {
      const [victim, flooder] = [await newSession(t), await newSession(t)];
      await fetchText(t, '/api/health?victim=1', { headers: { cookie: victim } });
      for (let round = 0; round < 600; round += 100) {
        await Promise.all(Array.from({ length: 100 }, () => fetchText(t, '/api/health?flood=1', { headers: { cookie: flooder } })));
      }
      const list = await fetchText(t, '/api/captures?limit=500', { headers: { cookie: victim } });
      check(list.text.includes('victim=1'), "the victim's capture is still there");
    },
  },
  {
    name: 'a device id taken over by a second connection without the secret → CONNECT_ERROR device_id_taken',
    send: async (t) => {
      const first = await openRawSocketIo(t);
      first.socket.write(frame({ opcode: 0x1, payload: '40/devices,{"deviceId":"corpus-takeover","capabilities":["gps"]}' }));
      await first.nextText((text) => text.startsWith('42/devices,["device:registered"'));
      const thief = await openRawSocketIo(t);
      thief.socket.write(frame({ opcode: 0x1, payload: '40/devices,{"deviceId":"corpus-takeover","capabilities":["gps"]}' }));
      await thief.nextText((text) => text.startsWith('44/devices,') && text.includes('device_id_taken'));
      check(!first.texts.some((text) => text.startsWith('41/devices')), 'the first device is not disconnected');
      first.socket.destroy();
      thief.socket.destroy();
    },
  },
];

export const sessionGroups: Record<string, CorpusCase[]> = {
  'sessions (signed loopwire_sid)': sessions,
  "one browser, not another's": ownership,
};

