import { describe, expect, it } from 'vitest';
import { createTicketBook, createTokenIssuer, maxTicketsPerSid } from './tokens.js';

describe('createTokenIssuer', () => {
  it('verifies its own token until it expires', () => {
    let now = 1_000;
    const issuer = createTokenIssuer(() => now);
    const { token } = issuer.issue('ada', 5_000);
    expect(issuer.verify(token)).toEqual({ ok: true, value: { sub: 'ada', exp: 6_000 } });
    now = 6_000;
    expect(issuer.verify(token)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a missing, malformed, altered or foreign token', () => {
    const issuer = createTokenIssuer();
    const { token } = issuer.issue('ada', 60_000);
    const [body, signature] = token.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ sub: 'root', exp: Date.now() + 1e9 })).toString('base64url')}.${signature}`;
    expect(issuer.verify(undefined)).toEqual({ ok: false, problem: 'missing' });
    expect(issuer.verify(42)).toEqual({ ok: false, problem: 'malformed' });
    expect(issuer.verify(body)).toEqual({ ok: false, problem: 'malformed' });
    expect(issuer.verify(forged)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(createTokenIssuer().verify(token)).toEqual({ ok: false, problem: 'bad_signature' });
  });
});

describe('createTicketBook', () => {
  it('redeems a ticket once, for the sid it was issued to, then says it was used', () => {
    const book = createTicketBook(10_000);
    const { ticket } = book.issue('sid-1')!;
    expect(book.redeem(ticket, 'sid-2')).toEqual({ ok: false, problem: 'wrong_session' });
    expect(book.redeem(ticket, null)).toEqual({ ok: false, problem: 'wrong_session' });
    expect(book.check(ticket, 'sid-1')).toEqual({ ok: true, value: { sid: 'sid-1' } });
    expect(book.redeem(ticket, 'sid-1')).toEqual({ ok: true, value: { sid: 'sid-1' } });
    expect(book.redeem(ticket, 'sid-1')).toEqual({ ok: false, problem: 'used' });
    expect(book.redeem('nope', 'sid-1')).toEqual({ ok: false, problem: 'unknown' });
    expect(book.redeem(null, 'sid-1')).toEqual({ ok: false, problem: 'missing' });
  });

  it('refuses an expired ticket', () => {
    let now = 0;
    const book = createTicketBook(30_000, () => now);
    const { ticket } = book.issue('sid-1')!;
    now = 30_000;
    expect(book.redeem(ticket, 'sid-1')).toEqual({ ok: false, problem: 'expired' });
  });

  it(`keeps at most ${maxTicketsPerSid} unredeemed tickets per sid: a flood from one sid only replaces its own`, () => {
    const book = createTicketBook(30_000);
    const victim = book.issue('victim')!.ticket;
    const flood = Array.from({ length: 1000 }, () => book.issue('attacker')!.ticket);
    expect(flood.filter((ticket) => book.check(ticket, 'attacker').ok)).toHaveLength(maxTicketsPerSid);
    expect(book.redeem(victim, 'victim')).toEqual({ ok: true, value: { sid: 'victim' } });
  });
});
