// Public entry of @loopwire/contract: the wire shapes both the server and the web app rely on.
// No Node or DOM imports anywhere below this file.
export * from './errors.js';
export * from './api.js';
export * from './feed.js';
export * from './lab.js';
export * from './security.js';
export * from './fanout.js';
export * from './captures.js';
export * from './events.js';
export * from './progress.js';
export * from './scale.js';
export * from './process.js';
