// The one redaction policy: which headers count as credentials, and how each view masks them.

import { describe, expect, it } from 'vitest';
import { isCredentialField, isCredentialHeader, maskAuth, maskHead, maskHeaders, maskSecret } from './redaction.js';

describe('redaction policy', () => {
  it.each(['Cookie', 'set-cookie', 'Authorization', 'Proxy-Authorization', 'X-Api-Key', 'x-auth-token', 'X-Client-Secret', 'WWW-Authenticate'])(
    '%s is a credential header',
    (name) => expect(isCredentialHeader(name)).toBe(true),
  );

  it.each(['Host', 'Origin', 'Sec-WebSocket-Key', 'Sec-WebSocket-Accept', 'Sec-WebSocket-Protocol', 'Content-Type', 'Upgrade'])(
    '%s is not',
    (name) => expect(isCredentialHeader(name)).toBe(false),
  );

  it('masks every credential value in a head byte for byte, and reveals all but the sid', () => {
    const cookie = 'theme=dark; loopwire_sid=abcdefghijklmnopqrstuv';
    const head = `GET / HTTP/1.1\r\nHost: a\r\nX-Api-Key:  k-123\r\nCookie: ${cookie}\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    const masked = maskHead(head);
    expect(masked).toBe(
      'GET / HTTP/1.1\r\nHost: a\r\nX-Api-Key:  *****\r\nCookie: ' + '*'.repeat(cookie.length) + '\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(masked).toHaveLength(head.length);
    expect(maskHead(head, { reveal: true })).toBe(head.replace('abcdefghijklmnopqrstuv', '*'.repeat(22)));
  });

  it('lists connection headers with cookie names kept and credentials shortened', () => {
    expect(maskHeaders({ cookie: 'a=1234567890; b=xy', 'x-auth-token': 'secret-value', host: 'h', 'sec-websocket-key': 'nonce' })).toEqual({
      cookie: 'a=1234…••••; b=••••',
      'x-auth-token': 'secr…••••',
      host: 'h',
      'sec-websocket-key': 'nonce',
    });
    expect(maskSecret('short')).toBe('••••');
  });

  it('masks string credentials in a Socket.IO auth payload, keeps the rest', () => {
    expect(isCredentialField('password')).toBe(true);
    expect(maskAuth({ token: 'abcdefgh', ticket: 'ticket-1', apiKey: 'k-1234567', name: 'grace', retries: 3 })).toEqual({
      token: 'abcd…••••',
      ticket: 'tick…••••',
      apiKey: 'k-12…••••',
      name: 'grace',
      retries: 3,
    });
  });
});
