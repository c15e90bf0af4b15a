import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { Markdown } from './Markdown.tsx';

function html(markdown: string): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <Markdown>{markdown}</Markdown>
    </MemoryRouter>,
  );
}

const termLinks = (markup: string) => [...markup.matchAll(/<a [^>]*href="\/glossary#([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((match) => `${match[1]}:${match[2]}`);

describe('glossary terms in lesson text', () => {
  it('links the first mention of each term, whole words only, keeping the author’s case', () => {
    const markup = html('Long polling holds a request. Long polling again. A Sec-WebSocket-Key is not a masking-tape; the masking key is.');
    expect(termLinks(markup)).toEqual(['long-polling:Long polling', 'masking:masking key']);
  });

  it('prefers the longest phrase, and leaves code, links and headings alone', () => {
    const markup = html('## The event loop\n\nEach `event loop` turn has event loop phases. See [the event loop](/lessons/event-loop).');
    expect(termLinks(markup)).toEqual(['event-loop-phase:event loop phases']);
    expect(markup).toContain('<h2>The event loop</h2>');
    expect(markup).toContain('<code>event loop</code>');
  });

  it('does not link a term the author already linked by hand', () => {
    const markup = html('The [4-tuple](/glossary#4-tuple) names a connection; every 4-tuple differs.');
    expect(termLinks(markup)).toEqual(['4-tuple:4-tuple']);
  });
});
