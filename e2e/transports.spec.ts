// The transports lab in a real browser against the built server: the race, the raw SSE stream with
// resume, server-initiated close, and Socket.IO vs plain WebSocket.

import { expect, test, type Page } from './support/test.js';
import { test as ownServerTest } from './own-server.js';

const kinds = ['short-polling', 'long-polling', 'sse', 'websocket', 'socket.io'] as const;

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function numberIn(page: Page, kind: string, cell: string): Promise<number> {
  const text = await page.getByTestId(`race-row-${kind}`).getByTestId(cell).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

test('the race: 20 messages over all five transports, requests and bytes per transport', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transports' }).click();
  await expect(page).toHaveURL(/\/labs\/transports$/);
  const race = page.getByTestId('transport-race');
  await race.getByLabel('Messages').fill('20');
  await race.getByRole('button', { name: 'Start the race' }).click();
  await expect(race).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });

  for (const kind of kinds) {
    await expect(page.getByTestId(`race-row-${kind}`).getByTestId('delivered')).toHaveText('20/20');
    expect(await numberIn(page, kind, 'requests')).toBeGreaterThan(0);
  }
  expect(await numberIn(page, 'short-polling', 'requests')).toBeGreaterThan(await numberIn(page, 'websocket', 'requests'));
  expect(await numberIn(page, 'long-polling', 'requests')).toBeGreaterThan(await numberIn(page, 'websocket', 'requests'));
  expect(await numberIn(page, 'websocket', 'requests')).toBe(1);
  expect(await numberIn(page, 'sse', 'requests')).toBe(1);

  // The race's byte counts are the sums of the captured bytes of its exchanges, as the tap serves them.
  const raceId = await race.getAttribute('data-race-id');
  const paths: Record<(typeof kinds)[number], string> = {
    'short-polling': '/api/poll/short',
    'long-polling': '/api/poll/long',
    sse: '/api/sse/ticker',
    websocket: '/ws/feed',
    'socket.io': '/socket.io/',
  };
  const captures = await page.evaluate(async () => {
    const response = await fetch('/api/captures?limit=500');
    return ((await response.json()) as { captures: { url: string; wire: { clientBytes: number; serverBytes: number } }[] }).captures;
  });
  for (const kind of kinds) {
    const mine = captures.filter((capture) => capture.url.split('?')[0] === paths[kind] && new URLSearchParams(capture.url.split('?')[1]).get('race') === raceId);
    const sum = (side: 'clientBytes' | 'serverBytes') => mine.reduce((total, capture) => total + capture.wire[side], 0);
    expect(mine.length, kind).toBeGreaterThan(0);
    expect(await numberIn(page, kind, 'requests'), kind).toBe(mine.length);
    expect(await numberIn(page, kind, 'client-bytes'), kind).toBe(sum('clientBytes'));
    expect(await numberIn(page, kind, 'server-bytes'), kind).toBe(sum('serverBytes'));
  }
  // The bandwidth question, answered by the numbers: polling's headers cost more per message than frames.
  expect(await numberIn(page, 'short-polling', 'bytes-per-message')).toBeGreaterThan(await numberIn(page, 'websocket', 'bytes-per-message'));
  expect(await numberIn(page, 'long-polling', 'bytes-per-message')).toBeGreaterThan(await numberIn(page, 'websocket', 'bytes-per-message'));
  await expect(race.getByTestId('bytes-chart')).toBeVisible();

  // After the race every client machine is in `stopped`, and its chip is the one lit.
  for (const kind of kinds) {
    const current = page.getByTestId(`race-row-${kind}`).locator('.lifecycle__state.is-current');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText('stopped');
  }

  // The Socket.IO row, taken apart: both phases add up to the row, and the lab's broadcasts are named.
  const phases = race.getByTestId('socketio-phases');
  const bytesOf = async (testId: string) => Number((await phases.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));
  expect((await bytesOf('socketio-polling-bytes')) + (await bytesOf('socketio-websocket-bytes'))).toBe(
    (await numberIn(page, 'socket.io', 'client-bytes')) + (await numberIn(page, 'socket.io', 'server-bytes')),
  );
  expect(await bytesOf('socketio-broadcast-bytes')).toBeGreaterThan(0);
  await expect(phases).toContainText('loop:tick');

  // Short polling's median waits for the next poll: about half a cycle, never a whole one.
  const latency = race.getByTestId('short-poll-latency');
  await expect(latency).toContainText('This race measured');
  const cycleMs = Number(await latency.getAttribute('data-cycle-ms'));
  expect(cycleMs).toBeGreaterThanOrEqual(250);
  expect(Number(await latency.getAttribute('data-p50-ms'))).toBeLessThan(cycleMs);
  expect(errors).toEqual([]);
});

test('the SSE stream shows raw lines, and resumes with Last-Event-ID after the server drops it', async ({ page }) => {
  await page.goto('/labs/transports');
  const widget = page.getByTestId('sse-stream');
  await widget.getByRole('button', { name: 'Open the stream' }).click();
  const lines = widget.getByTestId('sse-lines');
  await expect(lines).toContainText('retry: 2000');
  await expect(lines.locator('mark', { hasText: 'notice' }).first()).toBeVisible();
  await expect(widget.getByRole('button', { name: 'Drop connection' })).toBeEnabled();
  // Give the stream one message so there is an id to resume from.
  await page.request.post('/api/poll/messages', { data: { text: 'before the drop' } });
  await expect(lines).toContainText('before the drop');
  await widget.getByRole('button', { name: 'Drop connection' }).click();
  await expect(lines).toContainText('stream ended');
  await expect(lines).toContainText('posted while the stream was down (2/2)');
  // Other tests share the feed, so read the resume point from the lines rather than assume it.
  const text = await lines.innerText();
  const resumeFrom = Number(/GET \/api\/sse\/ticker with Last-Event-ID: (\d+)/.exec(text)?.[1]);
  expect(resumeFrom).toBeGreaterThan(0);
  expect(text).toContain(`"resumedFrom":${resumeFrom}`);
  // Message ids only: each notice repeats the resume point as its own id.
  const ids = [...text.matchAll(/^id: (\d+)\nevent: message$/gm)].map((match) => Number(match[1]));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  await expect(widget.locator('[data-state="open"]')).toBeVisible();
});

// Its own server: the feed is shared, and another test's posts would be pushed here too.
ownServerTest('server-initiated close: EventSource and Socket.IO come back, a plain WebSocket stays closed with its code', async ({ page, ownServer }) => {
  await page.goto(`${ownServer.url}/labs/transports`);
  const push = page.getByTestId('server-push');
  await push.getByRole('button', { name: 'Connect all three' }).click();
  for (const transport of ['sse', 'websocket', 'socket.io']) {
    await expect(page.getByTestId(`push-${transport}`)).toHaveAttribute('data-state', 'open');
  }
  // The server speaks first: price updates arrive on the SSE stream with nobody asking.
  await expect(page.getByTestId('push-ticker')).toContainText(/Unprompted: LWR \d+\.\d\d/);
  await push.getByRole('button', { name: 'Publish to the feed' }).click();
  for (const transport of ['sse', 'websocket', 'socket.io']) {
    await expect(page.getByTestId(`push-${transport}`)).toContainText('1 pushed message');
  }
  for (const transport of ['sse', 'websocket', 'socket.io']) {
    await page.getByTestId(`push-${transport}`).getByRole('button', { name: 'Server hangs up' }).click();
  }
  const ws = page.getByTestId('push-websocket');
  await expect(ws).toHaveAttribute('data-state', 'closed');
  await expect(ws).toContainText('code 4000, closed by the server on request');
  await expect(page.getByTestId('push-sse')).toContainText('reconnecting');
  await expect(page.getByTestId('push-socket.io')).toContainText('reconnecting (transport close)');
  await expect(page.getByTestId('push-sse')).toHaveAttribute('data-state', 'open', { timeout: 10_000 });
  await expect(page.getByTestId('push-socket.io')).toHaveAttribute('data-state', 'open', { timeout: 10_000 });
  await expect(ws).toHaveAttribute('data-state', 'closed');
  await ws.getByRole('button', { name: 'Reconnect (your code)' }).click();
  await expect(ws).toHaveAttribute('data-state', 'open');
});

test('Socket.IO and a plain WebSocket do not understand each other', async ({ page }) => {
  await page.goto('/labs/transports');
  const plain = page.getByTestId('mismatch-plain-ws');
  await plain.getByRole('button', { name: 'Connect' }).click();
  await expect(plain.getByTestId('mismatch-packet').first()).toContainText(/^0\{"sid":/);
  await expect(plain.getByTestId('mismatch-packet').first()).toContainText('Engine.IO open');
  await plain.getByRole('button', { name: 'Send “hello”' }).click();
  await expect(plain.getByTestId('mismatch-closed')).toContainText('closed by the server');
  // The tap captured the exchange: a 101, the open packet, and the "hello" it could not decode.
  const captured = plain.getByTestId('captured-exchange');
  await expect(captured).toContainText('→ 101');
  await expect(captured.getByTestId('captured-frame').first()).toContainText('open: the server names the session');
  await expect(captured).toContainText('hello — not an Engine.IO packet');

  const sio = page.getByTestId('mismatch-socketio');
  await sio.getByRole('button', { name: 'Connect with polling' }).click();
  await expect(sio.getByTestId('mismatch-outcome')).toContainText('connect_error', { timeout: 10_000 });
  await expect(sio.getByTestId('captured-exchange')).toContainText('→ 426');
  await sio.getByRole('button', { name: 'Connect over WebSocket' }).click();
  await expect(sio.getByTestId('mismatch-outcome')).toContainText('connect_error', { timeout: 10_000 });
});

test('Socket.IO rooms and acknowledgements in the chat', async ({ page }) => {
  const room = `e2e-${Date.now().toString(36)}`;
  await page.goto(`/labs/transports?room=${room}`);
  const alice = page.getByTestId('chat-alice');
  const bob = page.getByTestId('chat-bob');
  await expect(alice).toContainText(`2 in #${room}`);
  await expect(bob).toContainText(`2 in #${room}`);
  await alice.getByLabel('Message from Alice').fill('hello bob');
  await alice.getByRole('button', { name: 'Send' }).click();
  await expect(alice.getByTestId('chat-ack')).toHaveText('ack for “hello bob”: delivered to 2');
  await expect(bob).toContainText('hello bob');
  await bob.getByLabel('Room').fill(`${room}-b`);
  await bob.getByRole('button', { name: 'Join' }).click();
  await expect(bob).toContainText(`1 in #${room}-b`);
  await alice.getByLabel('Message from Alice').fill('anyone?');
  await alice.getByRole('button', { name: 'Send' }).click();
  await expect(alice.getByTestId('chat-ack').last()).toHaveText('ack for “anyone?”: delivered to 1');
  await expect(bob).not.toContainText('anyone?');
});

test('the lessons embed the live widgets: the race in lesson 3, the raw stream in lesson 4, the mismatch in lesson 7', async ({ page }) => {
  await page.goto('/lessons/polling-and-long-polling#race');
  await expect(page.getByTestId('transport-race').first()).toBeVisible();
  await page.goto('/lessons/server-sent-events#stream');
  await expect(page.getByTestId('sse-stream').first()).toBeVisible();
  await page.goto('/lessons/socketio-is-not-websocket#mismatch');
  await expect(page.getByTestId('protocol-mismatch').first()).toBeVisible();
  await expect(page.getByTestId('chat-room').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Polling first, then the upgrade probe' })).toBeVisible();
});

ownServerTest('three held long polls are released together by one posted message', async ({ page, ownServer }) => {
  // A server of its own: no other test can post to this feed, so the three polls wait for this test's post.
  await page.goto(`${ownServer.url}/labs/transports`);
  const demo = page.getByTestId('long-poll-demo');
  await demo.getByRole('button', { name: 'Send 3 long polls' }).click();
  const held = demo.getByTestId('held-request');
  await expect(held).toHaveCount(3);
  // Held by the server, not still on their way: the tap has the three requests, none answered yet.
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const response = await fetch('/api/captures?kind=long-polling');
        const { captures } = (await response.json()) as { captures: { status: number | null }[] };
        return captures.filter((capture) => capture.status === null).length;
      }),
    )
    .toBe(3);
  for (const request of await held.all()) await expect(request).toHaveAttribute('data-status', 'held');
  await demo.getByRole('button', { name: 'Post a message' }).click();
  for (const request of await held.all()) await expect(request).toHaveAttribute('data-status', '200');
  const released = (await held.allInnerTexts()).map((answer) => /“(.*)”/.exec(answer)?.[1]);
  expect(released).toEqual(Array.from({ length: 3 }, () => expect.stringMatching(/^wake-up call at /)));
  expect(new Set(released).size).toBe(1);
});
