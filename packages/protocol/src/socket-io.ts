// Socket.IO packets (protocol v5) on top of Engine.IO `message` packets, decoded with the project's
// own socket.io-parser: `40` connect, `42["event",…]` event, `43` ack, `44` connect error…

import { Decoder, PacketType, type Packet } from 'socket.io-parser';

export interface SocketIoPacket {
  type: number;
  typeName: string;
  /** Namespace, `/` unless the packet names another. */
  nsp: string;
  /** Acknowledgement id, when the sender wants an answer. */
  id?: number;
  /** EVENT / BINARY_EVENT: the event name (the first array element). */
  event?: string;
  /** The packet's data (for events, the arguments after the name), as JSON text. */
  data?: string;
  /** Binary packets announce how many binary attachments follow in their own frames. */
  attachments?: number;
  meaning: string;
}

const typeNames: Record<number, string> = {
  [PacketType.CONNECT]: 'CONNECT',
  [PacketType.DISCONNECT]: 'DISCONNECT',
  [PacketType.EVENT]: 'EVENT',
  [PacketType.ACK]: 'ACK',
  [PacketType.CONNECT_ERROR]: 'CONNECT_ERROR',
  [PacketType.BINARY_EVENT]: 'BINARY_EVENT',
  [PacketType.BINARY_ACK]: 'BINARY_ACK',
};

function meaningOf(packet: Packet, event: string | undefined): string {
  const where = packet.nsp === '/' ? 'the main namespace' : `namespace ${packet.nsp}`;
  switch (packet.type) {
    case PacketType.CONNECT:
      return `join ${where}${packet.data ? ' (with auth or session data)' : ''}`;
    case PacketType.DISCONNECT:
      return `leave ${where}`;
    case PacketType.EVENT:
    case PacketType.BINARY_EVENT:
      return `event "${event ?? '?'}"${packet.id !== undefined ? `, answer wanted (ack ${packet.id})` : ''}`;
    case PacketType.ACK:
    case PacketType.BINARY_ACK:
      return `answer to ack ${packet.id ?? '?'}`;
    case PacketType.CONNECT_ERROR:
      return `refused to join ${where}`;
    default:
      return 'unknown packet';
  }
}

/** Decodes one Socket.IO packet string (the data of an Engine.IO `4` message); null if invalid. */
export function decodeSocketIoPacket(text: string): SocketIoPacket | null {
  let decoded: Packet | null = null;
  const decoder = new Decoder();
  decoder.on('decoded', (packet: Packet) => {
    decoded = packet;
  });
  try {
    decoder.add(text);
  } catch {
    return null;
  } finally {
    decoder.destroy();
  }
  // A binary packet waits for attachments that travel in later frames: report its header anyway.
  const binaryHeader = /^([56])(\d+)-/.exec(text);
  if (decoded === null && binaryHeader === null) return null;
  const packet: Packet =
    decoded ?? {
      type: Number(binaryHeader![1]) as PacketType,
      nsp: '/',
      attachments: Number(binaryHeader![2]),
    };
  const args = Array.isArray(packet.data) ? (packet.data as unknown[]) : undefined;
  const isEvent = packet.type === PacketType.EVENT || packet.type === PacketType.BINARY_EVENT;
  const event = isEvent && typeof args?.[0] === 'string' ? args[0] : undefined;
  const data = isEvent ? args?.slice(1) : packet.data;
  const result: SocketIoPacket = {
    type: packet.type,
    typeName: typeNames[packet.type] ?? String(packet.type),
    nsp: packet.nsp,
    meaning: meaningOf(packet, event),
  };
  if (packet.id !== undefined) result.id = packet.id;
  if (event !== undefined) result.event = event;
  if (data !== undefined) result.data = JSON.stringify(data);
  if (binaryHeader) result.attachments = Number(binaryHeader[2]);
  return result;
}
