// Public entry of @loopwire/protocol: pure decoders of what goes over the wire (HTTP heads, WebSocket
// frames, the Accept derivation, Engine.IO and Socket.IO packets). No Node or DOM imports below this file.
export * from './bytes.js';
export * from './http-head.js';
export * from './ws-frame.js';
export * from './accept.js';
export * from './engine-io.js';
export * from './socket-io.js';
export * from './stats.js';
