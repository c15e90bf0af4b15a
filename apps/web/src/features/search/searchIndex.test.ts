import { describe, expect, it } from 'vitest';
import { glossary, lessons } from '@loopwire/lessons';
import { createLessonSearch, plainText, searchDocuments } from './searchIndex.ts';

const search = createLessonSearch(searchDocuments(lessons, glossary));

describe('lesson search', () => {
  it('finds a section by words in its text, and links to that section', () => {
    const hits = search.search('ephemeral port');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((hit) => hit.href)).toContain('/lessons/endpoints-and-layers#sockets');
    const sockets = hits.find((hit) => hit.href === '/lessons/endpoints-and-layers#sockets')!;
    expect(sockets.snippet?.match.toLowerCase()).toMatch(/ephemeral|port/);
  });

  it('finds glossary terms by name and by alias, and lessons by their question', () => {
    expect(search.search('CSWSH')[0]).toMatchObject({ kind: 'term', href: '/glossary#cswsh' });
    expect(search.search('session affinity')[0]).toMatchObject({ href: '/glossary#sticky-session' });
    expect(search.search('notified million').map((hit) => hit.href)).toContain('/lessons/fan-in-fan-out');
  });

  it('matches the start of a word as it is typed, and tolerates a typo', () => {
    expect(search.search('handsh').map((hit) => hit.href)).toContain('/glossary#handshake');
    expect(search.search('subprotocl').map((hit) => hit.href)).toContain('/glossary#subprotocol');
  });

  it('finds nothing for an empty query or a word no lesson has', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('zyxwvut')).toEqual([]);
  });

  it('indexes text, not Markdown syntax', () => {
    expect(plainText('See [the layers](/lessons/x#layers) and `Upgrade`.\n```widget\nLayerStack\n```')).toBe(
      'See the layers and Upgrade .',
    );
  });
});
