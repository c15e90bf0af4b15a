// The wire tap seen from a real browser: the handshake widget shows this page's own WebSocket
// handshake (checked against what Chromium itself says it sent), frames, failures, and /inspector.

import { createHash } from 'node:crypto';
import { expect, test, type Page } from './support/test.js';

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The Sec-WebSocket-Key values Chromium itself put on the wire for /ws, from the DevTools protocol. */
async function recordHandshakeKeys(page: Page): Promise<string[]> {
  const keys: string[] = [];
  const urls = new Map<string, string>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketCreated', (event: { requestId: string; url: string }) => urls.set(event.requestId, event.url));
  cdp.on('Network.webSocketWillSendHandshakeRequest', (event: { requestId: string; request: { headers: Record<string, string> } }) => {
    // The page's own Socket.IO connection upgrades too: keep only the widget's /ws.
    if (new URL(urls.get(event.requestId) ?? 'ws://x/').pathname !== '/ws') return;
    const entry = Object.entries(event.request.headers).find(([name]) => name.toLowerCase() === 'sec-websocket-key');
    if (entry) keys.push(entry[1]);
  });
  return keys;
}

const acceptFor = (key: string) => createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');

test('Open a WebSocket shows the browser’s own handshake, then its frames, ping/pong and close', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const keys = await recordHandshakeKeys(page);
  await page.goto('/lessons/websocket-handshake');
  const widget = page.getByRole('figure', { name: 'Handshake inspector' }).first();
  await widget.getByRole('button', { name: 'Open a WebSocket' }).click();

  const responseHead = widget.getByTestId('response-head');
  await expect(responseHead).toContainText('HTTP/1.1 101 Switching Protocols', { timeout: 2000 });
  await expect.poll(() => keys.length).toBe(1);
  const key = keys[0]!;
  await expect(widget.getByTestId('request-head')).toContainText(`Sec-WebSocket-Key: ${key}`);
  await expect(responseHead).toContainText(`Sec-WebSocket-Accept: ${acceptFor(key)}`);
  await expect(widget.getByTestId('derivation-accept')).toHaveText(acceptFor(key));
  await expect(responseHead).toContainText('Sec-WebSocket-Protocol: chat');
  await expect(widget.getByTestId('machine-state')).toHaveAttribute('data-state', 'open');

  await widget.getByRole('button', { name: 'Send', exact: true }).click();
  const frames = widget.getByTestId('frame-table');
  await expect(frames.getByRole('row').filter({ hasText: 'browser →' }).filter({ hasText: 'Hello' })).toHaveCount(1);
  await expect(frames.getByRole('row').filter({ hasText: '← server' }).filter({ hasText: 'Hello' })).toHaveCount(1);
  // 2 header bytes + 4 masking key + 5 payload from the browser; 2 + 5 from the server.
  await expect(frames.getByRole('row').filter({ hasText: 'browser →' }).filter({ hasText: 'Hello' })).toContainText('11 B');

  await widget.getByRole('button', { name: 'Ask the server to ping' }).click();
  // The ping the page asked for carries "loopwire"; the server's 30 s heartbeat may add an empty one of its own.
  await expect(frames.getByRole('row').filter({ hasText: 'ping' }).filter({ hasText: 'loopwire' })).toHaveCount(1);
  await expect(frames.getByRole('row').filter({ hasText: 'browser →' }).filter({ hasText: 'pong' }).filter({ hasText: 'loopwire' })).toHaveCount(1);

  // The browser's Hello by its row, not its number: the server's keep-alive pings every peer on one timer, so its
  // ping can come first.
  await frames.getByRole('row').filter({ hasText: 'browser →' }).filter({ hasText: 'Hello' }).getByRole('button').click();
  await widget.getByRole('radio', { name: /masking key/ }).check();
  await expect(widget.getByTestId('hex-view').locator('.hex__byte.is-lit')).toHaveCount(4);

  await widget.getByLabel('Close code').selectOption('4000');
  await widget.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(widget.getByTestId('close-result')).toContainText('Closed with 4000');
  await expect(frames.getByRole('row').filter({ hasText: 'close' })).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('the failure demos show each refusal beside a 101', async ({ page }) => {
  await page.goto('/lessons/websocket-handshake#failures');
  const widget = page.getByRole('figure', { name: 'Handshake failures' });
  await widget.getByRole('button', { name: 'Try them all' }).click();
  await expect(widget.getByTestId('probe-no-upgrade').getByTestId('probe-response')).toContainText('HTTP/1.1 426 Upgrade Required');
  await expect(widget.getByTestId('probe-wrong-version').getByTestId('probe-response')).toContainText('Sec-WebSocket-Version: 13');
  await expect(widget.getByTestId('probe-missing-key').getByTestId('probe-response')).toContainText('HTTP/1.1 400 Bad Request');
  await expect(widget.getByTestId('probe-foreign-origin').getByTestId('probe-response')).toContainText('HTTP/1.1 403 Forbidden');
  await expect(widget.getByTestId('probe-ok').getByTestId('probe-response')).toContainText('HTTP/1.1 101 Switching Protocols');
});

test('the Socket.IO story shows polling open, probe, upgrade and an event', async ({ page }) => {
  await page.goto('/lessons/websocket-handshake#socketio');
  const widget = page.getByRole('figure', { name: 'Socket.IO story' });
  await widget.getByRole('button', { name: 'Start a Socket.IO session' }).click();
  await expect(widget.getByTestId('socketio-transport')).toHaveText('websocket');
  await widget.getByRole('button', { name: 'Emit an event' }).click();
  const story = widget.getByTestId('socketio-story');
  await expect(story.getByRole('listitem').filter({ hasText: /^← server0\{"sid"/ })).toHaveCount(1);
  await expect(story.getByRole('listitem').filter({ hasText: '2probe' })).toHaveCount(1);
  await expect(story.getByRole('listitem').filter({ hasText: '3probe' })).toHaveCount(1);
  await expect(story.getByRole('listitem').filter({ hasText: /^browser →5\b/ })).toHaveCount(1);
  await expect(story.getByRole('listitem').filter({ hasText: /42\d*\["echo:send"/ })).toHaveCount(1);
  await expect(widget.getByTestId('machine-state')).toHaveAttribute('data-state', 'open');
});

test('lesson 2 sends a real request and shows its heads byte for byte', async ({ page }) => {
  await page.goto('/lessons/http-request-response');
  const widget = page.getByRole('figure', { name: 'HTTP exchange' });
  await widget.getByRole('button', { name: 'Send the request' }).click();
  await expect(widget.getByTestId('request-head')).toContainText(/GET \/api\/health\?exchange=\w+ HTTP\/1\.1/);
  await expect(widget.getByTestId('response-head')).toContainText('HTTP/1.1 200 OK');
  await widget.getByLabel('Show line endings').check();
  await expect(widget.getByTestId('request-head')).toContainText('\\r\\n');
});

test('/inspector lists this browser’s exchanges live and shows one in detail', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inspector' }).click();
  await expect(page).toHaveURL(/\/inspector$/);
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await page.evaluate(() => fetch('/api/health?from=inspector-e2e'));
  const row = page.getByRole('button', { name: /GET \/api\/health\?from=inspector-e2e/ });
  await expect(row).toBeVisible();
  await row.click();
  const detail = page.getByTestId('capture-detail');
  await expect(detail.getByTestId('request-head')).toContainText('GET /api/health?from=inspector-e2e HTTP/1.1');
  await expect(detail.getByRole('link', { name: 'Download HAR' })).toHaveAttribute('href', /\/api\/captures\/\d+\/har$/);
  await expect(detail.getByRole('img', { name: /Sequence of capture/ })).toBeVisible();
});

test('/inspector follows a WebSocket live on its one stream: each frame once, numbered as the server counted it', async ({ page }) => {
  const streams: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/captures/stream') streams.push(request.url());
  });
  await page.goto('/inspector');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  // The page's own WebSocket to the echo: two messages before its capture is chosen, two after.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const socket = new WebSocket(`${location.origin.replace('http', 'ws')}/ws`);
        Object.assign(window, { e2eSocket: socket });
        socket.onopen = () => {
          socket.send('before 1');
          socket.send('before 2');
          resolve();
        };
      }),
  );
  await page.getByRole('button', { name: /GET \/ws\b.*101 · / }).click();
  const table = page.getByTestId('capture-detail').getByTestId('frame-table');
  await table.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const socket = (window as unknown as { e2eSocket: WebSocket }).e2eSocket;
    socket.send('after 1');
    socket.send('after 2');
  });
  for (const text of ['before 1', 'before 2', 'after 1', 'after 2']) {
    await expect(table.getByRole('row').filter({ hasText: 'browser →' }).filter({ hasText: text })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: '← server' }).filter({ hasText: text })).toHaveCount(1);
  }
  await expect(table.locator('tbody tr').filter({ hasText: 'text 0x1' })).toHaveCount(8);
  // Numbered as the server counted them: 1, 2, 3 … with no gap and no repeat. The server's keep-alive
  // ping and the browser's pong may fall among them: they are frames on the wire too.
  const rows = table.locator('tbody tr');
  await expect(rows.filter({ hasNotText: 'text 0x1' }).filter({ hasNotText: /ping 0x9|pong 0xa/ })).toHaveCount(0);
  await expect
    .poll(async () => (await rows.locator('td:first-child').allInnerTexts()).every((shown, index) => shown === String(index + 1)))
    .toBe(true);
  // The list and the detail share one EventSource, also after choosing another capture.
  expect(streams).toHaveLength(1);
});

test('on a phone, captures arriving live never push the capture detail down (newest at the bottom, as in a network panel)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/inspector');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const detail = page.locator('.inspector__detail');
  const before = await detail.boundingBox();
  for (let index = 0; index < 6; index++) await page.evaluate((n) => fetch(`/api/health?arrival=${n}`), index);
  const rows = page.getByRole('list', { name: 'Captures, oldest first' }).getByRole('button');
  await expect(rows.last()).toContainText('GET /api/health?arrival=5');
  await expect(rows.last()).toBeInViewport();
  expect((await detail.boundingBox())?.y).toBe(before?.y);
});
