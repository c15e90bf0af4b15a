// Engine.IO and Socket.IO packets as they appear in real captures (the bytes are copied from one).

import { describe, expect, it } from 'vitest';
import { decodeEnginePacket, decodeEnginePayload } from './engine-io.js';
import { decodeSocketIoPacket } from './socket-io.js';

describe('Engine.IO', () => {
  it('reads the open packet of a polling handshake', () => {
    const [open] = decodeEnginePayload('0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}');
    expect(open).toMatchObject({ code: '0', type: 'open' });
    expect(JSON.parse(open!.data!)).toMatchObject({ upgrades: ['websocket'] });
  });

  it('tells the probe and the upgrade apart from a heartbeat', () => {
    expect(decodeEnginePacket('2probe')).toMatchObject({ type: 'ping', data: 'probe', meaning: expect.stringMatching(/^probe/) });
    expect(decodeEnginePacket('3probe')).toMatchObject({ type: 'pong', data: 'probe' });
    expect(decodeEnginePacket('5')).toMatchObject({ code: '5', type: 'upgrade' });
    expect(decodeEnginePacket('2')).toMatchObject({ type: 'ping', meaning: 'ping: are you still there?' });
  });

  it('splits a polling body on 0x1e and decodes the Socket.IO packet inside each message', () => {
    const packets = decodeEnginePayload('40{"sid":"x"}\x1e42["server:hello",{"pid":1}]\x1e6');
    expect(packets.map((packet) => [packet.code, packet.socketIo?.typeName ?? null, packet.socketIo?.event ?? null])).toEqual([
      ['4', 'CONNECT', null],
      ['4', 'EVENT', 'server:hello'],
      ['6', null, null],
    ]);
  });

  it('calls an unknown type an error, not a crash', () => {
    expect(decodeEnginePacket('9nope').type).toBe('error');
  });
});

describe('Socket.IO', () => {
  it('decodes an event with an ack id', () => {
    expect(decodeSocketIoPacket('213["echo:send",{"n":1}]')).toMatchObject({
      typeName: 'EVENT',
      nsp: '/',
      id: 13,
      event: 'echo:send',
      data: '[{"n":1}]',
    });
  });

  it('reports a binary event header while its attachments are still to come', () => {
    expect(decodeSocketIoPacket('51-["upload",{"_placeholder":true,"num":0}]')).toMatchObject({ typeName: 'BINARY_EVENT', attachments: 1 });
  });

  it('returns null for garbage', () => {
    expect(decodeSocketIoPacket('2["unterminated')).toBeNull();
  });
});
