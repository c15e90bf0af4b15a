// Composition root: config → server → listen, plus the process around it (signals, the log line).
// With WORKERS > 1 this process is the primary (scale/loopwire-primary.ts) and each worker runs the
// same file with LOOPWIRE_WORKER_SLOT set: it takes connections from the primary instead of listening.

import cluster from 'node:cluster';
import { ConfigError, parseConfig, type Config } from './config.js';
import { ListenError, startLoopwireServer } from './server.js';
import { listenPrimary, startPrimary } from './scale/loopwire-primary.js';

function fail(message: string): never {
  console.error(`loopwire: ${message}`);
  process.exit(1);
}

let config: Config;
try {
  config = parseConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

function onSignals(stop: (signal: string) => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    await stop(signal);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function runPrimary(): Promise<void> {
  let listening;
  try {
    listening = await listenPrimary(config);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${config.port} is already in use on ${config.host}; set PORT to another port (or 0 for any free one)` : (error as Error).message);
  }
  const primary = startPrimary(config, listening.server, listening.port, (line) => console.log(`loopwire: ${line}`));
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Loopwire is running at http://${host}:${listening.port} (${config.workers} worker processes, primary pid ${process.pid})`);
  onSignals(async (signal) => {
    console.log(`loopwire: ${signal} received, stopping the workers`);
    await primary.stop();
  });
}

async function runServer(): Promise<void> {
  try {
    const server = await startLoopwireServer(config);
    if (config.workerSlot === null) console.log(`Loopwire is running at ${server.url}${config.dev ? ' (dev: hot reload on)' : ''}`);
    onSignals(async (signal) => {
      if (config.workerSlot === null) console.log(`loopwire: ${signal} received, closing connections`);
      await server.close();
    });
    // A worker whose primary is gone (it crashed) has nobody to hand it connections: it goes too.
    if (config.workerSlot !== null) process.once('disconnect', () => void server.close().then(() => process.exit(0)));
  } catch (error) {
    if (error instanceof ListenError) fail(error.message);
    throw error;
  }
}

if (config.workers > 1 && cluster.isPrimary) await runPrimary();
else await runServer();
