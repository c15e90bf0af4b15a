// A remark plugin: the first mention of a glossary term in lesson Markdown becomes a link to its
// entry (phrases from each entry's `autolink`), unless the author already linked that term. Code,
// links and headings are left alone. A lesson page renders many Markdown pieces; `firstMentions`
// decides which piece links which term, so each term is linked once per page.

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

/** Terms mentioned in Markdown outside code, links and headings, roughly (for page-level planning). */
function mentionedTerms(markdown: string): Set<string> {
  const prose = markdown
    .replace(/^```[^\n]*\n[\s\S]*?^```/gm, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/^#.*$/gm, ' ');
  const found = new Set<string>();
  for (const match of prose.matchAll(phrasePattern)) {
    const term = termByPhrase.get(match[0].toLowerCase());
    if (term) found.add(term);
  }
  return found;
}

/** For Markdown pieces in page order: the terms each piece should link (its first mentions on the page). */
export function firstMentions(pieces: readonly string[]): Set<string>[] {
  const seen = new Set<string>();
  return pieces.map((piece) => {
    for (const match of piece.matchAll(/\]\(\/glossary#([^)]+)\)/g)) seen.add(match[1]!);
    const mine = new Set([...mentionedTerms(piece)].filter((term) => !seen.has(term)));
    for (const term of mine) seen.add(term);
    return mine;
  });
}

/** `only`: link just these terms (from firstMentions); without it, every term's first mention. */
export function remarkGlossaryLinks(options: { only?: ReadonlySet<string> } = {}) {
  return (tree: Root) => {
    const linked = linkedTerms(tree);
    findAndReplace(
      tree,
      [
        phrasePattern,
        (match: string): Link | false => {
          const term = termByPhrase.get(match.toLowerCase());
          if (!term || linked.has(term) || (options.only && !options.only.has(term))) return false;
          linked.add(term);
          return { type: 'link', url: `/glossary#${term}`, children: [{ type: 'text', value: match }] };
        },
      ],
      { ignore: ['link', 'linkReference', 'heading', 'inlineCode', 'code'] },
    );
  };
}
