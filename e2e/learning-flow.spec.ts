// The learning flow in a real browser against the real server, on lesson 5 (the WebSocket handshake):
// predict → observe the browser's own handshake in the live inspector → explain, challenges checked
// by the server against what it captured, progress kept across a reload, and carried to a fresh
// browser by exporting and importing the progress file.

import { readFileSync } from 'node:fs';
import { appReady, expect, test, type Page } from './support/test.js';

interface LessonWalkthrough {
  id: string;
  title: string;
  /** Predict step + challenges. */
  steps: number;
  prediction: string;
  /** Uses the predict step's live widget; returns what the learner read off it. */
  observe(page: Page, port: string): Promise<string>;
  /** A challenge the live server checks, answered with what the widget showed. */
  liveChallenge: { id: string; answer(observed: string, port: string): string };
  /** The lesson's other challenges, each solved as a learner would. */
  otherChallenges: { id: string; solve(page: Page): Promise<void> }[];
}

async function answerQuiz(page: Page, id: string, choice: string) {
  const challenge = page.getByTestId(`challenge-${id}`);
  await challenge.getByRole('radio', { name: choice }).check();
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('Correct');
}

function predictRegion(page: Page) {
  return page.getByRole('region', { name: 'Predict, then observe' });
}

/** The lesson this flow runs through (lesson 5: a real handshake to inspect), and how a learner works it. */
const lesson: LessonWalkthrough = {
  id: 'websocket-handshake',
  title: 'The WebSocket handshake',
  steps: 4,
  prediction: 'An HTTP GET request with an Upgrade: websocket header',
  async observe(page) {
    const inspector = predictRegion(page).getByRole('figure', { name: 'Handshake inspector' });
    await inspector.getByRole('button', { name: 'Open a WebSocket' }).click();
    const requestHead = inspector.getByTestId('request-head');
    await expect(requestHead).toContainText('GET /ws HTTP/1.1');
    await expect(requestHead).toContainText('Upgrade: websocket');
    await expect(inspector.getByTestId('response-head')).toContainText('HTTP/1.1 101 Switching Protocols');
    const key = /Sec-WebSocket-Key: (\S+)/i.exec(await requestHead.innerText())?.[1];
    expect(key).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    return key!;
  },
  // "Paste your browser's own Sec-WebSocket-Key": the server checks it received exactly that key.
  liveChallenge: { id: 'your-own-key', answer: (key) => key },
  otherChallenges: [
    {
      id: 'make-it-426',
      // The hint's way: open /ws in a new tab, an ordinary GET with no Upgrade header.
      async solve(page) {
        const tab = await page.context().newPage();
        const refused = await tab.goto('/ws');
        expect(refused?.status()).toBe(426);
        await tab.close();
        const challenge = page.getByTestId('challenge-make-it-426');
        await challenge.getByLabel('Your answer').fill('426 Upgrade Required');
        await challenge.getByRole('button', { name: 'Check' }).click();
        await expect(challenge.getByRole('status')).toContainText('426 Upgrade Required');
      },
    },
    { id: 'which-port', solve: (page) => answerQuiz(page, 'which-port', '443, the same TCP connection the handshake used') },
  ],
};

async function predictAndObserve(page: Page, port: string): Promise<string> {
  const predict = predictRegion(page);
  await expect(predict.getByRole('figure')).toHaveCount(0);
  await expect(predict.getByRole('button', { name: 'Commit my prediction' })).toBeDisabled();
  await predict.getByRole('radio', { name: lesson.prediction }).check();
  await predict.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(predict.getByText(`You predicted: ${lesson.prediction}`)).toBeVisible();
  const observed = await lesson.observe(page, port);
  await predict.getByRole('button', { name: 'Explain what I saw' }).click();
  await expect(predict.getByRole('status')).toContainText('Your prediction matches what you saw.');
  await predict.getByRole('button', { name: 'Got it' }).click();
  await expect(predict.getByText('Step complete')).toBeVisible();
  return observed;
}

async function passLiveChallenge(page: Page, observed: string, port: string) {
  const challenge = page.getByTestId(`challenge-${lesson.liveChallenge.id}`);
  await challenge.getByLabel('Your answer').fill(lesson.liveChallenge.answer(observed, port));
  await challenge.getByRole('button', { name: 'Check' }).click();
  await expect(challenge.getByRole('status')).toContainText('✓');
  await expect(challenge.getByText('✓ Solved')).toBeVisible();
}

function mapCard(page: Page) {
  return page.getByTestId(`map-${lesson.id}`);
}

test('complete a lesson end to end; a reload keeps every step', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const port = new URL(baseURL!).port;
  await page.goto(`/lessons/${lesson.id}`);
  const observed = await predictAndObserve(page, port);
  await passLiveChallenge(page, observed, port);
  for (const challenge of lesson.otherChallenges) await challenge.solve(page);
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: `${lesson.title}, complete` })).toHaveCount(1);

  await page.reload();
  await expect(page.getByText(/^Lesson \d+ · \d+ min · complete$/)).toBeVisible();
  const predict = predictRegion(page);
  await expect(predict.getByText('Step complete')).toBeVisible();
  await expect(predict.getByRole('radio', { name: lesson.prediction })).toBeChecked();
  for (const id of [lesson.liveChallenge.id, ...lesson.otherChallenges.map((challenge) => challenge.id)]) {
    await expect(page.getByTestId(`challenge-${id}`).getByText('✓ Solved')).toBeVisible();
  }

  await page.getByRole('link', { name: 'Curriculum' }).click();
  await expect(mapCard(page)).toContainText('✓ Complete');
  await expect(page.getByTestId('progress-totals')).toContainText(`${lesson.steps} of`);
  await expect(page.getByRole('link', { name: /^Continue with lesson/ })).toBeVisible();
});

test('predicting again starts the step over and takes it out of the progress', async ({ page, baseURL }) => {
  const port = new URL(baseURL!).port;
  await page.goto(`/lessons/${lesson.id}`);
  await predictAndObserve(page, port);
  const predict = predictRegion(page);
  await predict.getByRole('button', { name: 'Predict again' }).click();
  await expect(predict.getByRole('button', { name: 'Commit my prediction' })).toBeDisabled();
  await page.reload();
  await expect(predict.getByRole('button', { name: 'Commit my prediction' })).toBeVisible();
});

test('export, then import into a fresh browser, restores the progress; bad files are refused', async ({ page, baseURL, browser }) => {
  test.setTimeout(90_000);
  const port = new URL(baseURL!).port;
  await page.goto(`/lessons/${lesson.id}`);
  const observed = await predictAndObserve(page, port);
  await passLiveChallenge(page, observed, port);
  await page.goto('/');
  await expect(mapCard(page)).toContainText(`2 of ${lesson.steps} steps`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^loopwire-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = readFileSync((await download.path())!);
  expect(JSON.parse(file.toString('utf8'))).toMatchObject({ app: 'loopwire', version: 1 });

  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await other.goto('/');
    await appReady(other);
    await expect(other.getByTestId('progress-totals')).toContainText('0 of');
    await expect(mapCard(other)).not.toContainText('steps');

    async function importFile(name: string, buffer: Buffer) {
      const [chooser] = await Promise.all([other.waitForEvent('filechooser'), other.getByRole('button', { name: 'Import progress…' }).click()]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer });
    }
    const status = other.getByRole('region', { name: 'Your progress' }).getByRole('status');
    await importFile('notes.json', Buffer.from('this is not json'));
    await expect(status).toHaveText('notes.json is not a JSON file, so it cannot be Loopwire progress.');
    await importFile('other.json', Buffer.from('{"hello": "world"}'));
    await expect(status).toContainText('Nothing imported. This is not a Loopwire progress file');
    await expect(other.getByTestId('progress-totals')).toContainText('0 of');

    await importFile(download.suggestedFilename(), file);
    await expect(status).toContainText('Imported 2 completed steps');
    await expect(mapCard(other)).toContainText(`2 of ${lesson.steps} steps`);
    await other.reload();
    await appReady(other);
    await expect(mapCard(other)).toContainText(`2 of ${lesson.steps} steps`);
    await mapCard(other).getByRole('link').click();
    await expect(predictRegion(other).getByText('Step complete')).toBeVisible();
    await expect(other.getByTestId(`challenge-${lesson.liveChallenge.id}`).getByText('✓ Solved')).toBeVisible();

    await other.goto('/');
    await appReady(other);
    await other.getByRole('button', { name: 'Reset progress…' }).click();
    await other.getByRole('button', { name: 'Yes, reset' }).click();
    await expect(mapCard(other)).not.toContainText('steps');
    await expect(other.getByTestId('progress-totals')).toContainText('0 of');
  } finally {
    await fresh.close();
  }
});
