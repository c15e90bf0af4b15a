// Evidence the learner produced, in a real browser: a fresh learner fails every live challenge even
// typing the answers printed in the lessons; every close code the inspector offers can be sent; the
// server closes with the codes a browser cannot send; the SSE resume works in the order the lesson
// suggests and its explanation is this run's; a page or widget whose code fails to load says so.

import { expect, test, type Page } from './support/test.js';

/** Every live challenge, with the answer anyone can know without doing anything. */
const liveChallenges = [
  ['endpoints-and-layers', 'find-the-port', (port: string) => port],
  ['http-request-response', 'count-the-head', () => '512'],
  ['polling-and-long-polling', 'post-and-release', () => '1'],
  ['server-sent-events', 'read-retry', () => '2000'],
  ['websocket-handshake', 'your-own-key', () => 'dGhlIHNhbXBsZSBub25jZQ=='],
  ['websocket-handshake', 'make-it-426', () => '426'],
  ['frames-and-messages', 'bytes-of-hi', () => '8'],
  ['frames-and-messages', 'private-close', () => '4000'],
  ['frames-and-messages', 'fragmented-message', () => '3'],
  ['socketio-is-not-websocket', 'read-ping-interval', () => '25000'],
  ['event-loop', 'last-nested-microtask', () => 'promise inside promise 1'],
  ['blocking-the-line', 'stall-500', () => '600'],
  ['blocking-the-line', 'queue-the-pool', () => '4'],
  ['worker-threads', 'calm-worker', () => '2'],
  ['who-is-on-the-other-end', 'reused-ticket', () => '401'],
  ['who-is-on-the-other-end', 'flood-close-code', () => '1008'],
  ['fan-in-fan-out', 'count-the-acks', () => '5'],
] as const;

// Each test drives live widgets on a shared, often busy machine: give them room.
test.describe.configure({ timeout: 90_000 });

function predictRegion(page: Page) {
  return page.getByRole('region', { name: 'Predict, then observe' });
}

// One page load per lesson, each lesson its own test so the two workers share them.
for (const lesson of new Set(liveChallenges.map(([name]) => name))) {
  test(`a fresh learner who did nothing fails every live challenge of ${lesson}, even with the answers the lesson prints`, async ({ page, baseURL }) => {
    const port = new URL(baseURL!).port;
    await page.goto(`/lessons/${lesson}`);
    for (const [, id, known] of liveChallenges.filter(([name]) => name === lesson)) {
      const challenge = page.getByTestId(`challenge-${id}`);
      await challenge.getByLabel('Your answer').fill(known(port));
      await challenge.getByRole('button', { name: 'Check' }).click();
      await expect(challenge.getByRole('status'), `${lesson} ${id}`).toContainText('✗');
    }
  });
}

test('every close code the inspector offers can be sent, and the server closes with 1001, 1008 and 1011 on request', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A fresh page for each code: each close is its own experiment on its own socket.
  const openInspector = async () => {
    await page.goto('/lessons/frames-and-messages');
    const inspector = page.getByRole('figure', { name: 'Handshake inspector' }).first();
    await inspector.getByRole('button', { name: 'Open a WebSocket' }).click();
    return inspector;
  };
  let inspector = await openInspector();
  // The close controls appear once the socket is open; reading the options before that reads none.
  await expect(inspector.getByLabel('Close code')).toBeVisible();
  const codes = await inspector.getByLabel('Close code').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(codes).toEqual(['1000', '3000', '4000', '4999']);
  for (const code of codes) {
    if (code !== codes[0]) inspector = await openInspector();
    await inspector.getByLabel('Close code').selectOption(code);
    await inspector.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(inspector.getByTestId('close-result')).toContainText(`Closed with ${code}`);
  }
  for (const code of ['1001', '1008', '1011']) {
    inspector = await openInspector();
    const ask = inspector.getByRole('button', { name: new RegExp(`^Server closes with ${code}`) });
    await expect(ask).toBeEnabled({ timeout: 20_000 });
    await ask.click();
    await expect(inspector.getByTestId('close-result')).toContainText(`Closed with ${code}`);
  }
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the server sends one message as three frames: FIN=0 and opcode 0x0 in the table, one message in the page', async ({ page }) => {
  await page.goto('/lessons/frames-and-messages');
  const inspector = page.getByRole('figure', { name: 'Handshake inspector' }).first();
  await inspector.getByRole('button', { name: 'Open a WebSocket' }).click();
  const ask = inspector.getByRole('button', { name: 'Ask the server for a fragmented message' });
  await expect(ask).toBeEnabled();
  await ask.click();
  await expect(inspector.getByTestId('received-messages')).toContainText('One message, sent as three frames.');
  // The server's keep-alive ping and the browser's pong may fall among them: frames too, but not these.
  const rows = inspector.getByTestId('frame-table').locator('tbody tr').filter({ hasNotText: /ping 0x9|pong 0xa/ });
  await expect(rows).toHaveCount(3);
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  const finAndOpcode = cells.map((row) => row.join(' | '));
  expect(finAndOpcode[0]).toMatch(/\| 0 \| text 0x1/);
  expect(finAndOpcode[1]).toMatch(/\| 0 \| continuation 0x0/);
  expect(finAndOpcode[2]).toMatch(/\| 1 \| continuation 0x0/);
  // The lesson's challenge now finds this learner's own fragmented message among their captures.
  const challenge = page.getByTestId('challenge-fragmented-message');
  await challenge.getByLabel('Your answer').fill('3');
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('✓');
});

test('SSE, in the order the lesson suggests: open, drop at once, and the reconnect resumes with the posted messages; the explanation is this run', async ({ page }) => {
  await page.goto('/lessons/server-sent-events');
  const predict = predictRegion(page);
  await predict.getByRole('radio', { name: /replays exactly the two it missed/ }).check();
  await predict.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(predict.getByRole('button', { name: 'Explain what I saw' })).toBeDisabled();
  const widget = predict.getByTestId('sse-stream');
  await widget.getByRole('button', { name: 'Open the stream' }).click();
  const lines = widget.getByTestId('sse-lines');
  await expect(lines.locator('mark', { hasText: 'notice' }).first()).toBeVisible();
  // No feed message has to arrive first: the notice carries the resume point.
  await widget.getByRole('button', { name: 'Drop connection' }).click();
  await expect(lines).toContainText('posted while the stream was down (2/2)');
  const text = await lines.innerText();
  const resumeFrom = Number(/GET \/api\/sse\/ticker with Last-Event-ID: (\d+)/.exec(text)?.[1]);
  expect(Number.isInteger(resumeFrom)).toBe(true);
  expect(text).toContain(`"resumedFrom":${resumeFrom},"replaying":2`);
  const replayed = text.slice(text.indexOf(`"resumedFrom":${resumeFrom}`));
  expect(replayed.indexOf('(1/2)')).toBeLessThan(replayed.indexOf('(2/2)'));
  await predict.getByRole('button', { name: 'Explain what I saw' }).click();
  await expect(predict.getByTestId('observed-summary')).toContainText(`Last-Event-ID: ${resumeFrom}`);
  await expect(predict.getByTestId('observed-summary')).toContainText('"replaying":2');
  await expect(predict.getByRole('status')).toContainText('Your prediction matches what you saw.');
});

test('a lesson page whose code cannot load says so, inside the shell; no router developer screen', async ({ page }) => {
  await page.route(/\/assets\/LessonPage-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await page.getByRole('link', { name: /Endpoints and layers/ }).first().click();
  await expect(page.getByTestId('route-error')).toContainText('could not be loaded');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
});

test('a widget whose code cannot load fails alone: the lesson stays readable', async ({ page }) => {
  await page.route(/\/assets\/EndpointProbe-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/lessons/endpoints-and-layers');
  await expect(page.getByTestId('widget-failed').first()).toContainText('EndpointProbe widget stopped working', { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Two meanings of "endpoint"' })).toBeVisible();
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
});

test('lesson text renders its code: no literal backticks, no ligatures in code', async ({ page }) => {
  for (const lesson of ['server-sent-events', 'event-loop', 'websocket-handshake']) {
    await page.goto(`/lessons/${lesson}`);
    const shown = await page.locator('.goals, .recap, .predict__prompt').allInnerTexts();
    expect(shown.join('\n'), lesson).not.toContain('`');
  }
  const ligatures = await page.locator('code').first().evaluate((element) => getComputedStyle(element).fontVariantLigatures);
  expect(ligatures).toBe('none');
});

test('what the server knows about this page’s own Socket.IO connection is its WebSocket upgrade, Origin included', async ({ page, baseURL }) => {
  await page.goto('/lessons/who-is-on-the-other-end');
  const yours = page.locator('tr[data-yours]').filter({ hasText: 'socket.io' }).filter({ hasText: 'websocket' }).first();
  await expect(yours).toContainText(new URL(baseURL!).origin, { timeout: 15_000 });
});

test('the rooms widget names the sender and its room field has a valid pattern (no console error)', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto('/lessons/socketio-is-not-websocket');
  const alice = page.getByTestId('chat-alice');
  const bob = page.getByTestId('chat-bob');
  await expect(alice).toHaveAttribute('data-phase', 'open', { timeout: 20_000 });
  await expect(bob).toHaveAttribute('data-phase', 'open', { timeout: 20_000 });
  await alice.getByLabel('Message from Alice').fill('hi from Alice');
  await alice.getByRole('button', { name: 'Send' }).click();
  await expect(bob.getByRole('list', { name: 'What Bob saw' })).toContainText('Alice: hi from Alice');
  expect(errors.filter((text) => /pattern/i.test(text))).toEqual([]);
});

test('home says so when every lesson is complete, instead of "Continue with lesson 1"', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  const lessons = await page.locator('[data-testid^="map-"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-testid')!.slice(4)));
  const completed: Record<string, { completed: Record<string, string> }> = {};
  for (const lesson of lessons) {
    await page.goto(`/lessons/${lesson}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const challenges = await page.locator('[data-testid^="challenge-"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-testid')!.slice('challenge-'.length)));
    const steps = [...((await predictRegion(page).count()) > 0 ? ['predict'] : []), ...challenges.map((id) => `challenge:${id}`)];
    completed[lesson] = { completed: Object.fromEntries(steps.map((step) => [step, new Date().toISOString()])) };
  }
  await page.evaluate((lessonsDone) => localStorage.setItem('loopwire:progress', JSON.stringify({ version: 1, lessons: lessonsDone })), completed);
  await page.goto('/');
  await expect(page.getByRole('link', { name: /All 13 lessons complete/ })).toBeVisible();
  await expect(page.getByText('Continue with lesson')).toHaveCount(0);
});

test('the long-poll demo shows the id of each message, and of the one you posted', async ({ page }) => {
  await page.goto('/lessons/polling-and-long-polling');
  const demo = page.getByTestId('long-poll-demo');
  await demo.getByRole('button', { name: /long polls/ }).click();
  await expect(demo.getByTestId('held-request')).toHaveCount(3);
  await demo.getByRole('button', { name: 'Post a message' }).click();
  await expect(demo.getByTestId('posted-id')).toContainText(/Posted message #\d+/);
  for (const held of await demo.getByTestId('held-request').all()) await expect(held).toContainText(/200 after \d+ ms — message #\d+/);
});

test('the Socket.IO story is in time order and hides the loop heartbeat unless asked', async ({ page }) => {
  await page.goto('/lessons/socketio-is-not-websocket');
  const story = page.getByRole('figure', { name: 'Socket.IO story' });
  await story.getByRole('button', { name: 'Start a Socket.IO session' }).click();
  await expect(story.getByTestId('socketio-transport')).toHaveText('websocket');
  await story.getByRole('button', { name: 'Emit an event' }).click();
  await story.getByRole('button', { name: 'Disconnect' }).click();
  const list = story.getByTestId('socketio-story');
  // The disconnect packet is a step of its own that starts with 41 ("41" also turns up inside timestamps).
  await expect(list.locator('li code').filter({ hasText: /^41/ })).toHaveCount(1);
  const steps = await list.locator('li code').allInnerTexts();
  const joined = steps.findIndex((text) => text.startsWith('40{'));
  const left = steps.findIndex((text) => text.startsWith('41'));
  expect(joined).toBeGreaterThanOrEqual(0);
  expect(joined).toBeLessThan(left);
  expect(steps.filter((text) => text.includes('loop:tick'))).toEqual([]);
  await story.getByRole('checkbox', { name: /Show the loop heartbeat/ }).check();
  await expect(list).toContainText('loop:tick');
});
