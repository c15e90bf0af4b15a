// Which files count as the web app's initial JavaScript.

import { describe, expect, it } from 'vitest';
import { initialScripts } from '../src/benchmarks/web-bundle.js';

describe('initialScripts', () => {
  it('takes the entry module and every modulepreload, not stylesheets or icons', () => {
    const html = `<!doctype html><html><head>
      <link rel="icon" href="/favicon.svg">
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-def.js">
      <link rel="stylesheet" crossorigin href="/assets/index-ghi.css">
      <link crossorigin rel='modulepreload' href='/assets/xstate-jkl.js'>
    </head><body><div id="root"></div></body></html>`;
    expect(initialScripts(html)).toEqual(['/assets/index-abc.js', '/assets/react-def.js', '/assets/xstate-jkl.js']);
  });

  it('takes what a prerendered page’s boot script fetches after the first paint: its entry and modules', () => {
    const html = `<!doctype html><html><head>
      <script id="boot" data-entry="/assets/index-abc.js" data-modules="/assets/react-def.js /assets/LessonPage-jkl.js">(() => {})();</script>
      <link rel="stylesheet" crossorigin href="/assets/index-ghi.css">
    </head><body><div id="root"><p>text</p></div></body></html>`;
    expect(initialScripts(html)).toEqual(['/assets/index-abc.js', '/assets/react-def.js', '/assets/LessonPage-jkl.js']);
  });
});
