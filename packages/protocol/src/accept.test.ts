import { describe, expect, it } from 'vitest';
import { deriveAccept } from './accept.js';

describe('deriveAccept', () => {
  it('derives the RFC 6455 §1.3 sample step by step', () => {
    expect(deriveAccept('dGhlIHNhbXBsZSBub25jZQ==')).toEqual({
      key: 'dGhlIHNhbXBsZSBub25jZQ==',
      guid: '258EAFA5-E914-47DA-95CA-C5AB0DC85B11',
      concatenated: 'dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11',
      sha1Hex: 'b37a4f2cc0624f1690f64606cf385945b2bec4ea',
      accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
    });
  });

  it('gives HSmrc0sMlYUkAGmm5OPpG2HaGWk= for x3JJHMbDL1EzLkh9GBhXDw==', () => {
    expect(deriveAccept('x3JJHMbDL1EzLkh9GBhXDw==').accept).toBe('HSmrc0sMlYUkAGmm5OPpG2HaGWk=');
  });
});
