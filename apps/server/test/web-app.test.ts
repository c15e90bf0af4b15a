// The built web app as served: brotli or gzip from the files the build precompressed, chosen by the
// request's Accept-Encoding, with `Vary: Accept-Encoding`; the bytes decompress to exactly the built
// file, and the wire tap captures the compressed response byte for byte.

import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '@loopwire/contract';
import { webDist } from '../src/core/paths.js';
import type { LoopwireServer } from '../src/server.js';
import { startTestServer } from './helpers.js';

let server: LoopwireServer;
const indexHtml = readFileSync(join(webDist, 'index.html'));
const entryScript = /<script type="module" crossorigin src="([^"]+)"/.exec(indexHtml.toString('utf8'))![1]!;
const entryBytes = readFileSync(join(webDist, entryScript));

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface RawResponse {
  /** The response head exactly as received, up to and including the blank line. */
  head: string;
  status: number;
  headers: Map<string, string>;
  /** The body bytes as they came over the wire (Content-Length framed). */
  body: Buffer;
}

/** One GET on a raw socket, so nothing between the wire and the test decodes or re-frames the bytes. */
function rawGet(path: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const lines = Object.entries({ Host: `127.0.0.1:${server.port}`, Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}`);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const headEnd = received.indexOf('\r\n\r\n') + 4;
      const head = received.subarray(0, headEnd).toString('latin1');
      const headerMap = new Map(
        head
          .split('\r\n')
          .slice(1)
          .filter((line) => line.includes(':'))
          .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ head, status: Number(head.split(' ')[1]), headers: headerMap, body: received.subarray(headEnd) });
    });
    socket.write(`GET ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
  });
}

describe('the built web app, compressed as served', () => {
  it('sends the entry script as brotli when the browser accepts br and gzip, and it decompresses to the built file', async () => {
    const response = await rawGet(entryScript, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(Number(response.headers.get('content-length'))).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(entryBytes.length / 2);
    expect(brotliDecompressSync(response.body).equals(entryBytes)).toBe(true);
  });

  it('sends gzip to a browser that accepts only gzip, and the raw file to one that accepts neither (still saying Vary)', async () => {
    const gzip = await rawGet(entryScript, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(entryBytes)).toBe(true);
    const plain = await rawGet(entryScript, {});
    expect(plain.headers.has('content-encoding')).toBe(false);
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(plain.body.equals(entryBytes)).toBe(true);
  });

  it('sends a deep link’s prerendered page compressed too, never cached without revalidation', async () => {
    const page = readFileSync(join(webDist, 'pages', 'lessons', 'websocket-handshake.html'));
    const response = await rawGet('/lessons/websocket-handshake', { Accept: 'text/html', 'Accept-Encoding': 'br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(response.body).equals(page)).toBe(true);
    const notFound = await rawGet('/no/such/page', { Accept: 'text/html', 'Accept-Encoding': 'gzip' });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(notFound.body).equals(readFileSync(join(webDist, 'pages', '404.html')))).toBe(true);
  });

  it('the tap captures the compressed response exactly: its head byte for byte, its body length and first bytes as sent', async () => {
    const first = await rawGet('/api/health', {});
    const sid = /loopwire_sid=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1]!;
    const cookie = `loopwire_sid=${sid}`;
    const response = await rawGet(entryScript, { 'Accept-Encoding': 'br, gzip', Cookie: cookie });
    expect(response.headers.get('content-encoding')).toBe('br');
    const listed = await fetch(`${server.url}/api/captures?all=1&limit=10`, { headers: { Cookie: cookie } });
    const { captures } = (await listed.json()) as { captures: Capture[] };
    const capture = captures.find((candidate) => candidate.url === entryScript)!;
    expect(capture).toBeDefined();
    expect(capture.responseHead).toBe(response.head);
    expect(capture.responseBody).toMatchObject({ length: response.body.length, complete: true });
    expect(capture.responseBody!.preview).toBe(response.body.subarray(0, 256).toString('latin1'));
  });
});
