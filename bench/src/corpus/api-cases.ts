// The corpus's API layer: polling and SSE parameters, lab parameters out of range, percent-encoding
// that decodes to nothing, paths that try to leave the web app's folder — each a 4xx JSON answer
// with the contract's body and nothing of the server's insides.

import type { CorpusCase } from './case.js';
import { check, checkEqual, checkNoInternals, expectJsonError, expectRawStatus, fetchText, postJson, rawExchange, request, statusOf } from './wire.js';

const pollingAndSse: CorpusCase[] = [
  { name: 'short poll with after=abc → 400 bad_after', send: (t) => expectJsonError(fetchText(t, '/api/poll/short?after=abc'), 400, 'bad_after') },
  { name: 'short poll with a 40-digit after → 400 (no precision games)', send: (t) => expectJsonError(fetchText(t, `/api/poll/short?after=${'9'.repeat(40)}`), 400) },
  { name: 'long poll with after=-1 → 400 at once, not held', send: (t) => expectJsonError(fetchText(t, '/api/poll/long?after=-1'), 400) },
  { name: 'long poll with after given twice → 400', send: (t) => expectJsonError(fetchText(t, '/api/poll/long?after=1&after=2'), 400) },
  {
    name: 'feed message that is not JSON → 400 bad_json',
    send: async (t) => {
      const raw = await expectRawStatus(t, request('POST', '/api/poll/messages', {}, '{"text"'), 400);
      check(raw.includes('"code":"bad_json"'), 'the body names bad_json');
    },
  },
  { name: 'feed message whose text is a number → 400 bad_text', send: (t) => expectJsonError(postJson(t, '/api/poll/messages', { text: 42 }), 400, 'bad_text') },
  {
    name: 'feed message sent as text/plain → 400 bad_body (the body is not read as JSON)',
    send: (t) => expectJsonError(fetchText(t, '/api/poll/messages', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"text":"x"}' }), 400, 'bad_body'),
  },
  {
    name: 'SSE with a garbage Last-Event-ID → 200 event stream from the start, not an error',
    send: async (t) => {
      const raw = await rawExchange(t, request('GET', '/api/sse/ticker', { 'Last-Event-ID': `${'9'.repeat(30)}junk`, Connection: 'keep-alive' }));
      checkEqual(statusOf(raw), 200, 'status');
      check(/content-type: text\/event-stream/i.test(raw), 'an event stream');
    },
  },
  {
    name: 'closing a feed connection of a made-up transport "__proto__" → 400 bad_transport',
    send: (t) => expectJsonError(postJson(t, '/api/feed/close', { transport: '__proto__', id: 'x' }), 400, 'bad_transport'),
  },
  { name: 'captures with limit=0 → 400 bad_limit', send: (t) => expectJsonError(fetchText(t, '/api/captures?limit=0'), 400, 'bad_limit') },
  { name: 'captures with kind=evil → 400 bad_kind', send: (t) => expectJsonError(fetchText(t, '/api/captures?kind=evil'), 400, 'bad_kind') },
];

const lab: CorpusCase[] = [
  { name: 'lab job with a huge durationMs → 400 bad_duration_ms (never runs)', send: (t) => expectJsonError(postJson(t, '/api/lab/jobs', { mode: 'blocking', durationMs: 1e308 }), 400, 'bad_duration_ms') },
  { name: 'lab job with durationMs as a string → 400', send: (t) => expectJsonError(postJson(t, '/api/lab/jobs', { mode: 'worker', durationMs: '100' }), 400) },
  { name: 'lab job with an unknown mode → 400 bad_mode', send: (t) => expectJsonError(postJson(t, '/api/lab/jobs', { mode: 'eval', durationMs: 10 }), 400, 'bad_mode') },
  { name: 'lab job with the mode "constructor" → 400 bad_mode (no prototype lookups)', send: (t) => expectJsonError(postJson(t, '/api/lab/jobs', { mode: 'constructor', durationMs: 10 }), 400, 'bad_mode') },
  { name: 'lab job body that is a JSON array → 400', send: (t) => expectJsonError(postJson(t, '/api/lab/jobs', '[1,2]'), 400) },
  { name: 'lab job body that is JSON null → 400', send: (t) => expectJsonError(postJson(t, '/api/lab/jobs', 'null'), 400) },
  { name: 'lab batch of 10^6 jobs → 400', send: (t) => expectJsonError(postJson(t, '/api/lab/batch', { mode: 'async', durationMs: 10, count: 1e6 }), 400) },
  {
    name: 'lab batch of blocking jobs that can never fit the blocking budget → 400 batch_over_budget (not 429)',
    send: (t) => expectJsonError(postJson(t, '/api/lab/batch', { mode: 'blocking', durationMs: 5000, count: 2 }), 400, 'batch_over_budget'),
  },
  {
    name: 'ordering experiment that is code, not a catalogue id → 400 bad_experiment (never evaluated)',
    send: (t) => expectJsonError(postJson(t, '/api/lab/order', { experiment: 'process.exit(1)' }), 400, 'bad_experiment'),
  },
  {
    name: 'ordering experiment "__proto__" → 400 bad_experiment (no prototype lookups)',
    send: (t) => expectJsonError(postJson(t, '/api/lab/order', { experiment: '__proto__' }), 400, 'bad_experiment'),
  },
  { name: 'invalid JSON to the lab → 400 bad_json', send: (t) => expectJsonError(postJson(t, '/api/lab/jobs', '{"mode":'), 400, 'bad_json') },
  { name: 'huge token lifetime → 400 bad_ttl_ms', send: (t) => expectJsonError(postJson(t, '/api/security/tokens', { name: 'a', ttlMs: 1e308 }), 400, 'bad_ttl_ms') },
  { name: 'token name with markup → 400 bad_name', send: (t) => expectJsonError(postJson(t, '/api/security/tokens', { name: '<script>alert(1)</script>' }), 400, 'bad_name') },
  { name: 'simulator count 10^9 → 400 bad_count', send: (t) => expectJsonError(postJson(t, '/api/devices/simulator', { count: 1e9 }), 400, 'bad_count') },
  { name: 'huge flood durationMs → 400 bad_duration_ms', send: (t) => expectJsonError(postJson(t, '/api/devices/flood', { ratePerDevice: 10, durationMs: 9e15 }), 400, 'bad_duration_ms') },
  { name: 'broadcast to a room like "../x" → 400 bad_room', send: (t) => expectJsonError(postJson(t, '/api/devices/broadcast', { payload: 1, room: '../x' }), 400, 'bad_room') },
  { name: 'command to a device that is not connected → 404 unknown_device', send: (t) => expectJsonError(postJson(t, '/api/devices/no-such-device/command', {}), 404, 'unknown_device') },
  { name: 'handshake probe with a case not in the list → 400 bad_case', send: (t) => expectJsonError(postJson(t, '/api/lab/handshake-probe', { case: 'Host: evil' }), 400, 'bad_case') },
];

/** A raw request whose answer must be this status, JSON, and free of stack traces and paths. */
const cleanError = (path: string, status: number, code?: string, method = 'GET') => async (t: Parameters<CorpusCase['send']>[0]) => {
  const raw = await expectRawStatus(t, request(method, path, {}, method === 'POST' ? '{}' : ''), status);
  check(/\r\ncontent-type: application\/json/i.test(raw), `a JSON answer: ${raw.slice(0, 200)}`);
  if (code) check(raw.includes(`"code":"${code}"`), `code ${code}: ${raw.slice(0, 300)}`);
  checkNoInternals(raw);
};

const errors: CorpusCase[] = [
  { name: '/assets/..%2f..%2fpackage.json (a way out of the web app folder) → 403 JSON, no stack, no path', send: cleanError('/assets/..%2f..%2fpackage.json', 403, 'forbidden') },
  { name: '/assets/%2e%2e/%2e%2e/package.json → 403 or 404 JSON, never the file', send: async (t) => {
    const raw = await rawExchange(t, request('GET', '/assets/%2e%2e/%2e%2e/package.json'));
    check([403, 404].includes(statusOf(raw)), `status ${statusOf(raw)}`);
    check(!raw.includes('"workspaces"'), 'package.json is not served');
    checkNoInternals(raw);
  } },
  { name: '/api/captures/%c0%ae (overlong UTF-8) → 400 bad_percent_encoding', send: cleanError('/api/captures/%c0%ae', 400, 'bad_percent_encoding') },
  { name: '/api/captures/%c0%ae/har → 400 bad_percent_encoding', send: cleanError('/api/captures/%c0%ae/har', 400, 'bad_percent_encoding') },
  { name: '/api/captures/% (a lone percent sign) → 400 bad_percent_encoding', send: cleanError('/api/captures/%', 400, 'bad_percent_encoding') },
  { name: '/api/devices/broadcasts/%ff → 400 bad_percent_encoding', send: cleanError('/api/devices/broadcasts/%ff', 400, 'bad_percent_encoding') },
  { name: 'POST /api/devices/%e0%a4%a/command → 400 bad_percent_encoding', send: cleanError('/api/devices/%e0%a4%a/command', 400, 'bad_percent_encoding', 'POST') },
  { name: '/api/security/attempts/%zz → 400 bad_percent_encoding', send: cleanError('/api/security/attempts/%zz', 400, 'bad_percent_encoding') },
  { name: '/%c0%ae outside the API → 400 JSON', send: cleanError('/%c0%ae', 400, 'bad_percent_encoding') },
  { name: 'a path outside the API that nothing serves, asking for JSON → 404 JSON', send: async (t) => {
    const raw = await expectRawStatus(t, request('GET', '/no/such/file.json', { Accept: 'application/json' }), 404);
    check(raw.includes('"code":"not_found"'), 'the JSON 404');
  } },
  { name: 'the same bad path 200 times → 200 × 400, and the server keeps answering', send: async (t) => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => fetchText(t, '/api/captures/%c0%ae')));
    check(answers.every((answer) => answer.status === 400), 'every answer is 400');
    checkNoInternals(answers[0]!.text);
  } },
];

export const apiGroups: Record<string, CorpusCase[]> = {
  'polling, SSE and captures': pollingAndSse,
  'lab parameters out of range': lab,
  'errors: percent-encoding and paths': errors,
};
