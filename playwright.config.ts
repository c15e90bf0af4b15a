// End-to-end tests: Debian's Chromium against the built server, started by Playwright on a free port.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  // A lesson's widgets load as their own chunks; on a busy 2-core machine that can take more than 5 s.
  expect: { timeout: 10_000 },
  // Traces of failed tests; emptied at every start, so nothing else is written here.
  outputDir: 'test-results',
  // scripts/test.mjs adds a JSON reporter (PLAYWRIGHT_JSON_OUTPUT_FILE, under reports/) to count results.
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node apps/server/dist/main.js',
    url: `http://127.0.0.1:${port}/api/health`,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
