// The head splitter fed awkward reads: a head split mid-blank-line, chunked bodies, pipelining, a switch.

import { describe, expect, it } from 'vitest';
import { HttpMessageSplitter, type BodyFraming } from './http-splitter.js';

function split(chunks: string[], framingOf: (head: string) => BodyFraming) {
  const events: string[] = [];
  let wire = 0;
  const splitter = new HttpMessageSplitter({
    head: (head) => {
      events.push(`head:${head.toString('latin1').split('\r\n')[0]}`);
      return framingOf(head.toString('latin1'));
    },
    body: (bytes) => events.push(`body:${bytes.toString('latin1')}`),
    end: () => events.push('end'),
    wire: (count) => (wire += count),
    raw: (bytes) => events.push(`raw:${bytes.toString('latin1')}`),
    lost: (reason) => events.push(`lost:${reason}`),
  });
  for (const chunk of chunks) splitter.push(Buffer.from(chunk, 'latin1'));
  return { events, wire, splitter };
}

describe('HttpMessageSplitter', () => {
  it('finds a blank line split across reads and counts every byte', () => {
    const bytes = 'GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n';
    const { events, wire } = split([bytes.slice(0, 26), bytes.slice(26, 27), bytes.slice(27)], () => ({ kind: 'none' }));
    expect(events).toEqual(['head:GET /a HTTP/1.1', 'end', 'head:GET /b HTTP/1.1', 'end']);
    expect(wire).toBe(bytes.length);
  });

  it('removes chunked framing, across reads, and finds the next message', () => {
    const response = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n';
    const chunks = [response.slice(0, 50), response.slice(50, 53), response.slice(53, 70), response.slice(70)];
    const { events, wire } = split(chunks, (head) => (head.includes('chunked') ? { kind: 'chunked' } : { kind: 'none' }));
    expect(events.filter((event) => !event.startsWith('body')).join('|')).toBe('head:HTTP/1.1 200 OK|end|head:HTTP/1.1 204 No Content|end');
    expect(events.filter((event) => event.startsWith('body')).map((event) => event.slice(5)).join('')).toBe('hello world');
    expect(wire).toBe(response.length);
  });

  it('holds bytes after an upgrade request until the answer, then hands them over raw', () => {
    const { events, splitter } = split(['GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n\x81\x00'], () => ({ kind: 'hold' }));
    expect(events).toEqual(['head:GET /ws HTTP/1.1', 'end']);
    splitter.switchToRaw();
    splitter.push(Buffer.from('more'));
    expect(events.slice(2)).toEqual(['raw:\x81\x00', 'raw:more']);
  });

  it('gives up on a head over 64 KiB instead of buffering forever', () => {
    const { events } = split(['GET / HTTP/1.1\r\n', `X: ${'a'.repeat(70_000)}`], () => ({ kind: 'none' }));
    expect(events).toEqual(['lost:a head over 64 KiB']);
  });
});
