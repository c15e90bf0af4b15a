import { describe, expect, it } from 'vitest';
import { cookieValue, headerList, headerValue, parseHttpHead } from './http-head.js';

describe('parseHttpHead', () => {
  it('keeps names as sent, offsets, and finds headers case-insensitively', () => {
    const raw = 'GET /ws?x=1 HTTP/1.1\r\nHOST: a\r\nsec-websocket-PROTOCOL: chat, superchat\r\nX-Odd:  v \r\n\r\n';
    const head = parseHttpHead(raw);
    expect(head).toMatchObject({ kind: 'request', method: 'GET', target: '/ws?x=1', version: 'HTTP/1.1' });
    expect(head.headers.map((header) => header.name)).toEqual(['HOST', 'sec-websocket-PROTOCOL', 'X-Odd']);
    expect(headerValue(head, 'x-odd')).toBe('v');
    expect(headerList(head, 'Sec-WebSocket-Protocol')).toEqual(['chat', 'superchat']);
    const second = head.headers[1]!;
    expect(raw.slice(second.start, second.start + second.raw.length)).toBe('sec-websocket-PROTOCOL: chat, superchat');
  });

  it('parses a response and tolerates bare LF and junk lines', () => {
    const head = parseHttpHead('HTTP/1.1 426 Upgrade Required\nUpgrade: websocket\r\njunk\r\n\r\n');
    expect(head).toMatchObject({ kind: 'response', status: 426, reason: 'Upgrade Required' });
    expect(head.startLine.ending).toBe('\n');
    expect(head.malformed.map((line) => line.raw)).toEqual(['junk']);
  });

  it('calls garbage unknown instead of throwing', () => {
    expect(parseHttpHead('\x16\x03\x01 hello').kind).toBe('unknown');
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; loopwire_sid=abc; b=2', 'loopwire_sid')).toBe('abc');
    expect(cookieValue('a=1', 'loopwire_sid')).toBeUndefined();
  });
});
