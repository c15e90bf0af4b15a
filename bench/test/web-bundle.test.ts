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
});
