// Tap floor probe "hooks only": the tap still listens to every read and wraps every write, and hands each
// chunk to the connection's frame stream, which counts its bytes and looks no further. What is left is
// the cost of being in the path at all.

import { serverModule } from './server-module.js';

interface FrameStreamPrototype {
  bytes: number;
  push(chunk: Uint8Array): void;
  pushText(text: string): boolean;
}

const { FrameStream } = await serverModule<{ FrameStream: { prototype: FrameStreamPrototype } }>('tap/frame-stream.js');

FrameStream.prototype.push = function push(this: FrameStreamPrototype, chunk: Uint8Array): void {
  this.bytes += chunk.length;
};
FrameStream.prototype.pushText = function pushText(this: FrameStreamPrototype, text: string): boolean {
  this.bytes += Buffer.byteLength(text, 'utf8');
  return true;
};
