// Public entry of @loopwire/protocol: no Node or DOM imports anywhere below this file.
export * from './api.js';
export * from './events.js';
export * from './feed.js';
export * from './security.js';
export * from './fanout.js';
export * from './bytes.js';
export * from './http-head.js';
export * from './ws-frame.js';
export * from './accept.js';
export * from './engine-io.js';
export * from './socket-io.js';
export * from './captures.js';
export * from './lab.js';
export * from './stats.js';
