// Public entry of @loopwire/protocol: no Node or DOM imports anywhere below this file.
export * from './api.js';
export * from './events.js';
export * from './security.js';
export * from './fanout.js';
