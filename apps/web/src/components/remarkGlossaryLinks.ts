// A remark plugin: the first mention of a glossary term in a piece of lesson Markdown becomes a link
// to its entry (phrases from each entry's `autolink`), unless the author already linked that term.
// Code, links and headings are left alone.

import { findAndReplace } from 'mdast-util-find-and-replace';
import type { Link, Nodes, Root } from 'mdast';
import { glossary } from '@loopwire/lessons';

const termByPhrase = new Map(glossary.flatMap((entry) => (entry.autolink ?? []).map((phrase) => [phrase.toLowerCase(), entry.id] as const)));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest phrases first, so "event loop phase" wins over "event loop" where both match.
const phrasePattern = new RegExp(
  `(?<![\\w-])(${[...termByPhrase.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\w-])`,
  'gi',
);

function linkedTerms(node: Nodes, found = new Set<string>()): Set<string> {
  if (node.type === 'link' && node.url.startsWith('/glossary#')) found.add(node.url.slice('/glossary#'.length));
  if ('children' in node) for (const child of node.children) linkedTerms(child, found);
  return found;
}

export function remarkGlossaryLinks() {
  return (tree: Root) => {
    const linked = linkedTerms(tree);
    findAndReplace(
      tree,
      [
        phrasePattern,
        (match: string): Link | false => {
          const term = termByPhrase.get(match.toLowerCase());
          if (!term || linked.has(term)) return false;
          linked.add(term);
          return { type: 'link', url: `/glossary#${term}`, children: [{ type: 'text', value: match }] };
        },
      ],
      { ignore: ['link', 'linkReference', 'heading', 'inlineCode', 'code'] },
    );
  };
}
