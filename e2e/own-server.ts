// A Playwright fixture for tests whose subject is shared server state (the one message feed): the
// test gets a Loopwire server of its own, built JavaScript on a free port, so no other test can
// post into it. The server is stopped by process group when the test ends.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test as base } from '@playwright/test';

export interface OwnServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
}

async function startOwnServer(): Promise<{ server: OwnServer; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LAB_FOREIGN_PORT: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const running = /running at (http:\/\/\S+)/.exec(output);
      if (running) resolve(running[1]!);
    });
    void exited.then(() => reject(new Error(`the server exited before listening: ${output}`)));
  });
  return {
    server: { url },
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

export const test = base.extend<{ ownServer: OwnServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
  ownServer: async ({}, use) => {
    const { server, stop } = await startOwnServer();
    try {
      await use(server);
    } finally {
      await stop();
    }
  },
});
