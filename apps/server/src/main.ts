// Composition root: config → server → listen, plus the process around it (signals, the log line).

import { ConfigError, parseConfig } from './config.js';
import { ListenError, startLoopwireServer } from './server.js';

function fail(message: string): never {
  console.error(`loopwire: ${message}`);
  process.exit(1);
}

let config;
try {
  config = parseConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

try {
  const server = await startLoopwireServer(config);
  console.log(`Loopwire is running at ${server.url}${config.dev ? ' (dev: hot reload on)' : ''}`);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`loopwire: ${signal} received, closing connections`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ListenError) fail(error.message);
  throw error;
}
