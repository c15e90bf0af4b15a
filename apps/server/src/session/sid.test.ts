import { describe, expect, it } from 'vitest';
import { createSessions } from './sid.js';

const secret = 'a session secret of at least 32 characters';

describe('createSessions', () => {
  it('verifies the sids it issued, under the same secret only', () => {
    const sessions = createSessions(secret);
    const sid = sessions.create();
    expect(sid).toMatch(/^[\w-]{22}\.[\w-]{22}$/);
    expect(sessions.verify(sid)).toBe(sid);
    expect(createSessions(secret).verify(sid)).toBe(sid);
    expect(createSessions(`${secret}, but another`).verify(sid)).toBeNull();
    expect(sessions.fromCookieHeader(`theme=dark; loopwire_sid=${sid}`)).toBe(sid);
    expect(sessions.fromSetCookie(`loopwire_sid=${sid}; Path=/; HttpOnly`)).toBe(sid);
  });

  it('refuses made-up and altered values', () => {
    const sessions = createSessions(secret);
    const sid = sessions.create();
    const [id, signature] = sid.split('.') as [string, string];
    const flipped = `${id}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    for (const value of ['A'.repeat(22), `${'A'.repeat(22)}.${'A'.repeat(22)}`, flipped, `${id}.`, `${sid}x`, '']) {
      expect(sessions.verify(value), value).toBeNull();
    }
    expect(sessions.fromCookieHeader(`loopwire_sid=${'x'.repeat(22)}`)).toBeNull();
  });
});
