// Takes the README's screenshots: starts the built server on a free port, drives Debian's Chromium.
// Usage: npm run screenshot  (writes docs/*.png): the curriculum map, then three written lessons,
// each in light and dark, scrolled to their first live widget after using it the way a learner would;
// then the labs, the inspector, and a lesson and its menu on a phone (390 × 844).

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Lessons to show, best first; the first three that are written (not "coming soon") are taken. */
const preferredLessons = [
  'websocket-handshake',
  'blocking-the-line',
  'endpoints-and-layers',
  'frames-and-messages',
  'socketio-is-not-websocket',
  'event-loop',
  'beyond-one-server',
];
const lessonsShown = 3;

/** How a learner would use a lesson's first widget before the picture is taken. */
const interactions = {
  async 'websocket-handshake'(page) {
    const inspector = page.getByRole('figure', { name: 'Handshake inspector' }).first();
    await inspector.getByRole('button', { name: 'Open a WebSocket' }).click();
    await inspector.getByTestId('response-head').waitFor();
    return inspector;
  },
  async 'blocking-the-line'(page) {
    const lab = page.getByTestId('loop-lab').first();
    await lab.getByRole('radio', { name: 'blocking' }).check();
    await lab.getByRole('button', { name: 'Run job' }).click();
    await lab.getByTestId('lab-result').waitFor({ timeout: 15_000 });
    // Let the lag chart draw a few samples after the stall.
    await page.waitForTimeout(1500);
    return lab;
  },
  async 'endpoints-and-layers'(page) {
    const probe = page.getByRole('figure', { name: 'Endpoint probe' }).first();
    await probe.getByRole('button', { name: 'Ask over HTTP' }).click();
    await probe.getByRole('button', { name: 'Ask over HTTP' }).click();
    await probe.getByRole('button', { name: 'Ask over WebSocket' }).click();
    await probe.getByTestId('server-side').nth(2).waitFor();
    return probe;
  },
};

/** The map looks as it does for a learner part-way through: lesson 1's prediction and one challenge done. */
async function workLessonOne(page) {
  const predict = page.getByRole('region', { name: 'Predict, then observe' });
  await predict.getByRole('radio', { name: 'The same port the page came from' }).check();
  await predict.getByRole('button', { name: 'Commit my prediction' }).click();
  await predict.getByRole('button', { name: 'Explain what I saw' }).click();
  await predict.getByRole('button', { name: 'Got it' }).click();
  const challenge = page.getByTestId('challenge-two-tabs');
  await challenge.getByRole('radio', { name: 'The client port' }).check();
  await challenge.getByRole('button', { name: 'Check' }).click();
  await challenge.getByText('✓ Solved').waitFor();
}

const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
  env: { ...process.env, PORT: '0' },
  detached: true,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = /running at (\S+)/.exec(String(chunk));
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

async function openPage(theme, path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: theme });
  await page.goto(url + path);
  await page.getByTestId('connection-badge').and(page.locator('[data-phase="open"]')).waitFor();
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function settle(page) {
  await page.locator('.widget--loading').first().waitFor({ state: 'detached' }).catch(() => {});
  await page.evaluate(() => globalThis.document.fonts.ready);
}

async function isWritten(path) {
  const page = await openPage('light', path);
  const planned = await page.getByText('coming soon', { exact: false }).first().isVisible().catch(() => false);
  await page.close();
  return !planned;
}

try {
  mkdirSync('docs', { recursive: true });
  const written = [];
  for (const id of preferredLessons) {
    if (written.length === lessonsShown) break;
    if (await isWritten(`/lessons/${id}`)) written.push(id);
  }

  for (const theme of ['light', 'dark']) {
    const home = await openPage(theme, '/lessons/endpoints-and-layers');
    await workLessonOne(home);
    await home.getByRole('link', { name: 'Curriculum' }).click();
    await home.getByRole('heading', { name: 'Curriculum' }).waitFor();
    await settle(home);
    await home.screenshot({ path: `docs/home-${theme}.png` });
    console.log(`wrote docs/home-${theme}.png`);
    await home.close();

    for (const id of written) {
      const page = await openPage(theme, `/lessons/${id}`);
      await settle(page);
      const widget = interactions[id] ? await interactions[id](page) : page.locator('.widget').first();
      await settle(page);
      // Scroll so the widget sits below a little of the text that introduces it.
      await widget.evaluate((element) => {
        const top = element.getBoundingClientRect().top + globalThis.scrollY;
        globalThis.scrollTo(0, Math.max(0, top - 220));
      });
      await page.waitForTimeout(300);
      const file = `docs/lesson-${id}-${theme}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }

  // The event-loop lab right after a 1500 ms blocking job: the lag chart's block and the heartbeat's gap.
  const lab = await openPage('light', '/labs/loop');
  await lab.getByRole('radio', { name: 'blocking' }).check();
  await lab.getByLabel('Duration').fill('1500');
  await lab.getByRole('button', { name: 'Run job' }).click();
  await lab.getByTestId('lab-result').waitFor({ timeout: 10_000 });
  await lab.getByTestId('lab-result').scrollIntoViewIfNeeded();
  await settle(lab);
  await lab.screenshot({ path: 'docs/lab-loop.png' });
  console.log('wrote docs/lab-loop.png');
  await lab.close();

  // The inspector showing a WebSocket this page opened: the handshake's heads and its frames.
  const inspector = await openPage('light', '/inspector');
  await inspector.evaluate(
    () =>
      new Promise((resolve) => {
        const socket = new globalThis.WebSocket(`ws://${globalThis.location.host}/ws`, ['chat', 'superchat']);
        socket.onopen = () => socket.send('Hello, inspector');
        socket.onmessage = () => {
          socket.close(1000, 'done');
          resolve(undefined);
        };
      }),
  );
  const row = inspector.getByRole('button', { name: /GET \/ws\b/ }).first();
  await row.click();
  await inspector.getByTestId('capture-detail').getByTestId('request-head').waitFor();
  await settle(inspector);
  await inspector.screenshot({ path: 'docs/handshake-inspector.png' });
  console.log('wrote docs/handshake-inspector.png');
  await inspector.close();

  // A phone: lesson 5 with its handshake, then the menu that holds the header's links and the lessons.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await phone.goto(`${url}/lessons/websocket-handshake`);
  await phone.getByTestId('connection-badge').and(phone.locator('[data-phase="open"]')).waitFor();
  await settle(phone);
  const handshake = await interactions['websocket-handshake'](phone);
  await settle(phone);
  await handshake.evaluate((element) => {
    const top = element.getBoundingClientRect().top + globalThis.scrollY;
    globalThis.scrollTo(0, Math.max(0, top - 80));
  });
  await phone.screenshot({ path: 'docs/phone-lesson.png' });
  console.log('wrote docs/phone-lesson.png');
  await phone.getByRole('button', { name: 'Menu' }).click();
  await phone.getByRole('navigation', { name: 'Main' }).waitFor();
  await phone.screenshot({ path: 'docs/phone-menu.png' });
  console.log('wrote docs/phone-menu.png');
  await phone.close();
} finally {
  await browser.close();
  process.kill(-server.pid, 'SIGTERM');
}
