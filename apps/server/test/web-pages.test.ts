// The built web app's pages as a web server answers them: each page prerendered with status 200, unknown
// addresses with the 404 page and status 404, HEAD like GET, a real robots.txt. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopwireServer } from '../src/server.js';
import { startTestServer } from './helpers.js';

let server: LoopwireServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the web app', () => {
  it('answers a lesson with its text already in the page, before any script runs', async () => {
    const response = await fetch(`${server.url}/lessons/websocket-handshake`, { headers: html });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('<h1 id="lesson-title">The WebSocket handshake</h1>');
    expect(body).toContain('<title>The WebSocket handshake · Loopwire</title>');
    expect(body).toMatch(/<nav class="header__nav" aria-label="Main">/);
  });

  it('links a page’s own stylesheet and the text font, so the prerendered text does not move when the code arrives', async () => {
    const body = await (await fetch(`${server.url}/inspector`, { headers: html })).text();
    const stylesheets = [...body.matchAll(/<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)">/g)].map((match) => match[1]!);
    // The shell's stylesheet and the inspector's own (its capture list's fixed height on a phone lives there).
    const inspectorCss = await Promise.all(stylesheets.map(async (href) => (await fetch(`${server.url}${href}`)).text()));
    expect(inspectorCss.some((css) => css.includes('.inspector__list'))).toBe(true);
    const font = /<link rel="preload" as="font" type="font\/woff2" crossorigin href="(\/assets\/inter-latin-[^"]+\.woff2)">/.exec(body);
    expect(font).not.toBeNull();
    expect((await fetch(`${server.url}${font![1]}`)).status).toBe(200);
  });

  it('answers every page of the shell with 200, with or without a trailing slash', async () => {
    for (const path of ['/', '/glossary', '/inspector', '/labs/loop', '/labs/transports/', '/labs/security', '/labs/fanout', '/labs/scale']) {
      const response = await fetch(`${server.url}${path}`, { headers: html });
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('<header class="header">');
    }
  });

  it('answers an unknown page, an unknown lesson and odd paths with the 404 page and status 404', async () => {
    for (const path of ['/no/such/page', '/lessons/no-such-lesson', '/index.html', '/pages/index.html', '/Lessons/event-loop', '/a%2F..%2Fb']) {
      const response = await fetch(`${server.url}${path}`, { headers: html });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toMatch(/There is no such (<!-- -->)?page/);
    }
  });

  it('answers HEAD like GET: same status and headers, no body', async () => {
    for (const path of ['/', '/lessons/event-loop', '/no/such/page']) {
      const get = await fetch(`${server.url}${path}`, { headers: html });
      const head = await fetch(`${server.url}${path}`, { method: 'HEAD', headers: html });
      expect(head.status, path).toBe(get.status);
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'));
      expect(head.headers.get('content-length'), path).toBe(get.headers.get('content-length'));
      expect(await head.text(), path).toBe('');
    }
  });

  it('serves a real robots.txt, not the app', async () => {
    const response = await fetch(`${server.url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^User-agent: \*$/m);
  });
});
