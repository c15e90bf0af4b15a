import { describe, expect, it } from 'vitest';
import type { Capture } from '@loopwire/contract';
import { defaultSelection } from './defaultSelection.ts';

function capture(id: string, kind: Capture['kind'], status: number | null): Capture {
  return { id, kind, status } as Capture;
}

describe('defaultSelection', () => {
  it('picks the latest handshake over the newer Socket.IO polling of the page itself', () => {
    const captures = [capture('c4', 'socket.io', 200), capture('c3', 'http', 200), capture('c2', 'websocket', 101), capture('c1', 'websocket', 101)];
    expect(defaultSelection(captures)?.id).toBe('c2');
  });

  it('without a handshake, picks the latest exchange that is not Socket.IO background traffic', () => {
    expect(defaultSelection([capture('c3', 'socket.io', 200), capture('c2', 'long-polling', 204), capture('c1', 'http', 200)])?.id).toBe('c2');
  });

  it('falls back to the newest, and to nothing for an empty list', () => {
    expect(defaultSelection([capture('c2', 'socket.io', 200), capture('c1', 'socket.io', 200)])?.id).toBe('c2');
    expect(defaultSelection([])).toBeUndefined();
  });
});
