// Echo load: many connections, each keeping a window of messages in flight to the server's echo
// (raw WebSocket /ws, or Socket.IO `echo:send` with an ack), counting replies.

import { clientFrame, openRawWebSocket, type Frame, type RawWebSocket } from './raw-websocket.js';

export type EchoTransport = 'ws' | 'socketio';

/** 32 bytes: the payload size every per-message number in the bench uses. */
export const payload32 = 'loopwire-bench-payload-32-bytes!';

interface EchoProtocol {
  path: string;
  request: Buffer;
  isReply(frame: Frame): boolean;
  /** Everything needed after the 101 before echoes can flow (Socket.IO's open + connect packets). */
  ready(socket: RawWebSocket): Promise<void>;
}

const engineIoPong = clientFrame('3');

/** Engine.IO's heartbeat ping (`2`); the client must answer `3` or long runs are disconnected. */
const isEnginePing = (frame: Frame): boolean => frame.payload.length === 1 && frame.payload[0] === 0x32;

/** Counts the replies in one read and answers any heartbeat. */
function countReplies(frames: Frame[], protocol: EchoProtocol, socket: RawWebSocket): number {
  let replies = 0;
  for (const frame of frames) {
    if (isEnginePing(frame)) socket.send(engineIoPong);
    else if (protocol.isReply(frame)) replies++;
  }
  return replies;
}

const protocols: Record<EchoTransport, EchoProtocol> = {
  ws: {
    path: '/ws',
    request: clientFrame(payload32),
    isReply: (frame) => frame.opcode === 0x1,
    ready: async () => {},
  },
  socketio: {
    // Straight to the websocket transport, as a client does after the upgrade: the steady state.
    path: '/socket.io/?EIO=4&transport=websocket',
    // Every request reuses ack id 1: the server only echoes the id back, and a fixed frame costs the client nothing.
    request: clientFrame(`421["echo:send","${payload32}"]`),
    isReply: (frame) => frame.payload[0] === 0x34 && frame.payload[1] === 0x33, // "43": an ack
    ready: (socket) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('Socket.IO did not confirm the connect within 5 s')), 5000);
        socket.onFrames((frames) => {
          for (const frame of frames) {
            const text = frame.payload.toString('utf8');
            if (text.startsWith('0{')) socket.send(clientFrame('40'));
            else if (text.startsWith('40')) {
              clearTimeout(timer);
              resolve();
            } else if (text.startsWith('44')) {
              clearTimeout(timer);
              reject(new Error(`Socket.IO refused the connect: ${text}`));
            }
          }
        });
      }),
  },
};

const requests = (protocol: EchoProtocol, count: number): Buffer => Buffer.concat(Array.from({ length: count }, () => protocol.request));

export interface EchoLoad {
  /** Replies received so far, over all connections. */
  replies(): number;
  stop(): void;
}

async function openEchoConnection(port: number, transport: EchoTransport, headers: Record<string, string>): Promise<RawWebSocket> {
  const protocol = protocols[transport];
  const socket = await openRawWebSocket(port, protocol.path, headers);
  await protocol.ready(socket);
  return socket;
}

/** Starts `connections` echo connections with `window` messages in flight each; runs until stop(). */
export async function startEchoLoad(
  port: number,
  transport: EchoTransport,
  { connections, window, headers = {} }: { connections: number; window: number; headers?: Record<string, string> },
): Promise<EchoLoad> {
  const protocol = protocols[transport];
  const batch = requests(protocol, window);
  let replies = 0;
  let running = true;
  const sockets = await Promise.all(Array.from({ length: connections }, () => openEchoConnection(port, transport, headers)));
  for (const socket of sockets) {
    socket.onFrames((frames) => {
      const count = countReplies(frames, protocol, socket);
      replies += count;
      // As many requests in as replies came out, in one write: the window stays full and the client stays cheap.
      if (running && count > 0) socket.send(batch.subarray(0, Math.min(count, window) * protocol.request.length));
    });
    socket.send(batch);
  }
  return {
    replies: () => replies,
    stop() {
      running = false;
      for (const socket of sockets) socket.close();
    },
  };
}

/** Sends exactly `messages` echoes on one fresh connection (window in flight), then closes it. */
export async function echoExactly(
  port: number,
  transport: EchoTransport,
  { messages, window, headers = {} }: { messages: number; window: number; headers?: Record<string, string> },
): Promise<void> {
  const protocol = protocols[transport];
  const batch = requests(protocol, window);
  const socket = await openEchoConnection(port, transport, headers);
  await new Promise<void>((resolve, reject) => {
    let sent = Math.min(window, messages);
    let received = 0;
    socket.socket.once('close', () => reject(new Error(`connection closed after ${received} of ${messages} echoes`)));
    socket.onFrames((frames) => {
      const count = countReplies(frames, protocol, socket);
      received += count;
      if (received >= messages) return resolve();
      const more = Math.min(count, messages - sent, window);
      sent += more;
      if (more > 0) socket.send(batch.subarray(0, more * protocol.request.length));
    });
    socket.send(batch.subarray(0, sent * protocol.request.length));
  }).finally(() => socket.close());
}
