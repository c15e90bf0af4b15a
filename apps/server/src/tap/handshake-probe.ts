// POST /api/lab/handshake-probe {"case"}: the server opens a raw TCP connection to itself and sends a
// crafted handshake from a fixed list — headers a browser will never let a page forge — then answers
// with the capture of what its own /ws said. Nothing the client sends becomes part of the bytes.

import { randomBytes } from 'node:crypto';
import { connect, type AddressInfo } from 'node:net';
import { HandshakeProbeRequestSchema, type HandshakeProbeCase, type HandshakeProbeResult } from '@loopwire/contract';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../core/errors.js';
import { readBody } from '../core/read-input.js';
import type { CaptureRecord } from './capture-record.js';
import { maskHead } from '../session/redaction.js';
import { sidCookieName, sidOf } from '../session/sid.js';
import type { Tap } from './tap.js';

const probeTimeoutMs = 3000;

function craftedHead(probeCase: HandshakeProbeCase, host: string, sid: string): string {
  const key = probeCase === 'bad-key' ? 'not-sixteen-bytes' : randomBytes(16).toString('base64');
  const lines = [`GET /ws HTTP/1.1`, `Host: ${host}`];
  if (probeCase === 'no-upgrade') {
    lines.push('Connection: close');
  } else {
    lines.push('Upgrade: websocket', 'Connection: Upgrade');
    if (probeCase !== 'missing-key') lines.push(`Sec-WebSocket-Key: ${key}`);
    lines.push(`Sec-WebSocket-Version: ${probeCase === 'wrong-version' ? '8' : '13'}`);
    if (probeCase === 'foreign-origin') lines.push('Origin: http://evil.example');
  }
  lines.push('User-Agent: loopwire-handshake-probe', `Cookie: ${sidCookieName}=${sid}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A masked close frame, code 1000: the client's half of a clean close (RFC 6455 §5.5.1). */
function maskedCloseFrame(): Buffer {
  const key = randomBytes(4);
  const payload = Buffer.from([0x03, 0xe8]);
  return Buffer.concat([Buffer.from([0x88, 0x82]), key, payload.map((byte, i) => byte ^ key[i % 4]!)]);
}

/** Where the probe connects (a wildcard listen address means loopback) and the Host header it sends. */
function probeTarget(address: AddressInfo): { connectTo: string; host: string } {
  const connectTo = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return { connectTo, host: `${connectTo.includes(':') ? `[${connectTo}]` : connectTo}:${address.port}` };
}

function runProbe(address: AddressInfo, head: string, sayGoodbye: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(address.port, probeTarget(address).connectTo);
    const timer = setTimeout(() => socket.destroy(), probeTimeoutMs);
    let answered = false;
    socket.on('connect', () => {
      const localPort = socket.localPort!;
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(localPort);
      });
      socket.write(head, 'latin1');
    });
    socket.on('data', (chunk) => {
      if (!answered && sayGoodbye && chunk.toString('latin1').startsWith('HTTP/1.1 101')) socket.write(maskedCloseFrame());
      answered = true;
    });
    socket.on('error', reject);
  });
}

async function settledCapture(tap: Tap, sid: string, remotePort: number): Promise<CaptureRecord | undefined> {
  // The server's side of the connection may close a moment after the probe's side.
  for (let attempt = 0; attempt < 50; attempt++) {
    const record = tap.list({ sid, limit: 20 }).find((candidate) => candidate.remote.port === remotePort);
    if (record?.done) return record;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

export function registerHandshakeProbe({ api, tap, httpServer }: Pick<ServerDeps, 'api' | 'tap' | 'httpServer'>): void {
  api.post('/lab/handshake-probe', async (req, res) => {
    const { case: probeCase } = readBody(HandshakeProbeRequestSchema, req.body);
    if (!tap.enabled) throw new HttpError(409, 'tap_off', 'The wire tap is off (TAP=off), so there is nothing to show.');
    const address = httpServer.address() as AddressInfo;
    const sid = sidOf(res);
    const head = craftedHead(probeCase as HandshakeProbeCase, probeTarget(address).host, sid);
    const remotePort = await runProbe(address, head, probeCase === 'ok');
    const record = await settledCapture(tap, sid, remotePort);
    if (!record) throw new HttpError(504, 'probe_not_captured', 'The probe ran but its capture did not settle in time.');
    const body: HandshakeProbeResult = { case: probeCase, sent: maskHead(head), capture: tap.toCapture(record) };
    res.json(body);
  });
}
