// The corpus's security promises tried as an attacker would: host names a DNS-rebinding page would
// send, a foreign page riding an existing Socket.IO session, tickets used by the wrong browser or
// burned by a failed handshake, and a request pipelined in front of an upgrade.

import { connect } from 'node:net';
import type { CorpusCase } from './case.js';
import {
  check,
  checkEqual,
  expectRawStatus,
  fetchText,
  handshake,
  newSession,
  openRawWebSocket,
  postJson,
  rawExchange,
  request,
  statusesOf,
  type Target,
} from './wire.js';

const attacker = 'attacker.example:3000';

const hosts: CorpusCase[] = [
  { name: 'Host: attacker.example on /api/health → 403 host_not_allowed', send: (t) => expectRawStatus(t, request('GET', '/api/health', { Host: attacker }), 403) },
  {
    name: 'Host: attacker.example starting a lab job → 403, the job never runs',
    send: async (t) => {
      const raw = await expectRawStatus(t, request('POST', '/api/lab/jobs', { Host: attacker }, '{"mode":"blocking","durationMs":1000}'), 403);
      check(raw.includes('"code":"host_not_allowed"'), 'the JSON refusal');
    },
  },
  { name: 'Host: attacker.example reading captures → 403', send: (t) => expectRawStatus(t, request('GET', '/api/captures', { Host: attacker }), 403) },
  { name: 'Host: attacker.example on the web app → 403', send: (t) => expectRawStatus(t, request('GET', '/', { Host: attacker, Accept: 'text/html' }), 403) },
  { name: 'Host: attacker.example on a WebSocket upgrade → 403', send: (t) => expectRawStatus(t, handshake('/ws', { Host: attacker }), 403) },
  {
    name: 'Host: attacker.example on a Socket.IO polling handshake → 403',
    send: (t) => expectRawStatus(t, request('GET', '/socket.io/?EIO=4&transport=polling', { Host: attacker }), 403),
  },
  { name: 'Host: 127.0.0.1.nip.io (a look-alike) → 403', send: (t) => expectRawStatus(t, request('GET', '/api/health', { Host: '127.0.0.1.nip.io' }), 403) },
  { name: 'Host: localhost:3000@evil.example → 403', send: (t) => expectRawStatus(t, request('GET', '/api/health', { Host: 'localhost:3000@evil.example' }), 403) },
  {
    name: 'absolute-form target naming another host (GET http://attacker.example/api/health) → 403',
    send: (t) => expectRawStatus(t, request('GET', 'http://attacker.example/api/health'), 403),
  },
  {
    name: 'HTTP/1.0 without Host → 400 missing_host',
    send: async (t) => {
      const raw = await expectRawStatus(t, 'GET /api/health HTTP/1.0\r\n\r\n', 400);
      check(raw.includes('"code":"missing_host"'), 'the JSON refusal');
    },
  },
  { name: 'Host: LOCALHOST (any case) is allowed → 200', send: (t) => expectRawStatus(t, request('GET', '/api/health', { Host: `LOCALHOST:${t.port}` }), 200) },
  { name: 'Host: [::1] is allowed → 200', send: (t) => expectRawStatus(t, request('GET', '/api/health', { Host: `[::1]:${t.port}` }), 200) },
];

async function openPollingSession(t: Target): Promise<string> {
  const open = await fetchText(t, '/socket.io/?EIO=4&transport=polling');
  const sid = (JSON.parse(open.text.slice(1)) as { sid: string }).sid;
  const connect = await fetchText(t, `/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '40' });
  checkEqual(connect.status, 200, 'the session connects');
  await fetchText(t, `/socket.io/?EIO=4&transport=polling&sid=${sid}`);
  return sid;
}

const evil = { origin: 'http://evil.example' };

const origins: CorpusCase[] = [
  {
    name: 'polling POST with a valid sid from a foreign Origin → 403, and the packet is never processed',
    send: async (t) => {
      const sid = await openPollingSession(t);
      const refused = await fetchText(t, `/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', headers: evil, body: '421["echo:send","from-evil"]' });
      checkEqual(refused.status, 403, 'status of the foreign POST');
      // Had it been processed, the ack (431[…from-evil…]) would be waiting for the session's next poll.
      await fetchText(t, `/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '422["echo:send","own"]' });
      const next = await fetchText(t, `/socket.io/?EIO=4&transport=polling&sid=${sid}`);
      check(next.text.includes('own') && !next.text.includes('from-evil'), `only the session's own ack: ${next.text.slice(0, 200)}`);
    },
  },
  {
    name: 'polling GET with a valid sid from a foreign Origin → 403',
    send: async (t) => {
      const sid = await openPollingSession(t);
      checkEqual((await fetchText(t, `/socket.io/?EIO=4&transport=polling&sid=${sid}`, { headers: evil })).status, 403, 'status');
    },
  },
  {
    name: 'WebSocket upgrade of an existing polling session from a foreign Origin → 403',
    send: async (t) => {
      const sid = await openPollingSession(t);
      await expectRawStatus(t, handshake(`/socket.io/?EIO=4&transport=websocket&sid=${sid}`, { Origin: 'http://evil.example' }), 403);
    },
  },
  {
    name: 'Socket.IO polling handshake from a foreign Origin → 403',
    send: async (t) => checkEqual((await fetchText(t, '/socket.io/?EIO=4&transport=polling', { headers: evil })).status, 403, 'status'),
  },
  { name: '/ws/feed from a foreign Origin → 403', send: (t) => expectRawStatus(t, handshake('/ws/feed', { Origin: 'http://evil.example' }), 403) },
  { name: '/ws/private from a foreign Origin → 403', send: (t) => expectRawStatus(t, handshake('/ws/private', { Origin: 'http://evil.example' }), 403) },
  { name: 'Origin: null (a sandboxed page) → 403', send: (t) => expectRawStatus(t, handshake('/ws', { Origin: 'null' }), 403) },
];

async function ticketFor(t: Target, cookie: string): Promise<string> {
  const answer = await postJson(t, '/api/security/tickets', {}, { cookie });
  checkEqual(answer.status, 201, 'ticket status');
  return (JSON.parse(answer.text) as { ticket: string }).ticket;
}

const tickets: CorpusCase[] = [
  {
    name: "another browser (sid B) with A's ticket → 401, and A can still use it",
    send: async (t) => {
      const [a, b] = [await newSession(t), await newSession(t)];
      const ticket = await ticketFor(t, a);
      await expectRawStatus(t, handshake(`/ws/private?ticket=${ticket}`, { Cookie: b }), 401);
      const opened = await openRawWebSocket(t, `/ws/private?ticket=${ticket}`, { Cookie: a });
      opened.socket.destroy();
    },
  },
  {
    name: "a cookie-less client with someone's ticket → 401",
    send: async (t) => expectRawStatus(t, handshake(`/ws/private?ticket=${await ticketFor(t, await newSession(t))}`), 401),
  },
  {
    name: 'a version-8 attempt with a valid ticket → 426, and the ticket still opens the valid handshake → 101',
    send: async (t) => {
      const a = await newSession(t);
      const ticket = await ticketFor(t, a);
      await expectRawStatus(t, handshake(`/ws/private?ticket=${ticket}`, { Cookie: a, 'Sec-WebSocket-Version': '8' }), 426);
      const opened = await openRawWebSocket(t, `/ws/private?ticket=${ticket}`, { Cookie: a });
      opened.socket.destroy();
    },
  },
  {
    name: 'a used ticket → 401 already used',
    send: async (t) => {
      const a = await newSession(t);
      const ticket = await ticketFor(t, a);
      (await openRawWebSocket(t, `/ws/private?ticket=${ticket}`, { Cookie: a })).socket.destroy();
      const raw = await expectRawStatus(t, handshake(`/ws/private?ticket=${ticket}`, { Cookie: a }), 401);
      check(raw.includes('already used'), 'says the ticket was used');
    },
  },
  {
    name: "300 tickets asked for by one browser do not evict another browser's ticket",
    send: async (t) => {
      const [victim, flooder] = [await newSession(t), await newSession(t)];
      const ticket = await ticketFor(t, victim);
      for (let round = 0; round < 300; round += 50) await Promise.all(Array.from({ length: 50 }, () => ticketFor(t, flooder)));
      (await openRawWebSocket(t, `/ws/private?ticket=${ticket}`, { Cookie: victim })).socket.destroy();
    },
  },
];

/** Sends two requests in one write on one connection; returns everything the server answered. */
function pipelined(t: Target, bytes: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(t.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(idle);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(idle);
      idle = setTimeout(finish, 300);
    });
    socket.on('close', finish);
    socket.on('error', reject);
    socket.write(bytes);
  });
}

const pipelining: CorpusCase[] = [
  {
    name: 'POST /api/poll/messages then GET /ws with Upgrade on one connection → 201, then 101, in that order, and the captures pair them so',
    send: async (t) => {
      const cookie = await newSession(t);
      const body = '{"text":"before the upgrade"}';
      const bytes =
        request('POST', '/api/poll/messages', { Connection: 'keep-alive', Cookie: cookie }, body) + handshake('/ws?pipelined=1', { Cookie: cookie });
      const answer = (await pipelined(t, bytes)).toString('latin1');
      const statuses = statusesOf(answer.slice(0, answer.indexOf('\r\n\r\n', answer.indexOf('HTTP/1.1 101')) + 4));
      check(JSON.stringify(statuses) === '[201,101]', `201 then 101, got ${JSON.stringify(statuses)}`);
      const list = JSON.parse((await fetchText(t, '/api/captures?limit=10', { headers: { cookie } })).text) as { captures: { method: string; url: string; status: number | null }[] };
      const post = list.captures.find((capture) => capture.method === 'POST' && capture.url === '/api/poll/messages');
      const upgrade = list.captures.find((capture) => capture.url === '/ws?pipelined=1');
      checkEqual(post?.status, 201, "the POST capture's status");
      checkEqual(upgrade?.status, 101, "the upgrade capture's status");
    },
  },
  {
    name: 'GET /api/health then GET /ws with Upgrade pipelined → 200, then 101',
    send: async (t) => {
      const answer = (await pipelined(t, request('GET', '/api/health', { Connection: 'keep-alive' }) + handshake('/ws'))).toString('latin1');
      check(/^HTTP\/1\.1 200 [\s\S]*HTTP\/1\.1 101 /.test(answer), `200 then 101: ${answer.slice(0, 80)}`);
    },
  },
  {
    name: 'a refused upgrade pipelined after a request → 200, then 403',
    send: async (t) => {
      const raw = await rawExchange(t, request('GET', '/api/health', { Connection: 'keep-alive' }) + handshake('/ws', { Origin: 'http://evil.example' }));
      checkEqual(JSON.stringify(statusesOf(raw)), '[200,403]', 'statuses');
    },
  },
];

export const securityGroups: Record<string, CorpusCase[]> = {
  'Host allowlist (DNS rebinding)': hosts,
  'Origin on every Socket.IO request': origins,
  'tickets for /ws/private': tickets,
  'a request pipelined before an upgrade': pipelining,
};

