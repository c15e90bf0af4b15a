// Search across lessons (titles, questions, section text, predictions, challenges) and the glossary.
// Built in the browser on first use from the lesson data, with MiniSearch (prefix + fuzzy matching).

import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import type { GlossaryEntry, Lesson } from '@loopwire/lessons';

export type SearchKind = 'lesson' | 'section' | 'question' | 'challenge' | 'term';

export interface SearchDocument {
  id: string;
  kind: SearchKind;
  title: string;
  /** Where the document lives, for context under the title. */
  context: string;
  text: string;
  href: string;
}

export interface SearchHit extends SearchDocument {
  snippet: { before: string; match: string; after: string } | null;
}

/** Markdown to searchable plain text: no widget blocks, link targets, code ticks or table rules. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^```widget\n[^\n]*\n```$/gm, ' ')
    .replace(/```/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[`*_#>|]/g, ' ')
    .replace(/-{3,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchDocuments(lessons: readonly Lesson[], glossary: readonly GlossaryEntry[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  lessons.forEach((lesson, index) => {
    const base = `/lessons/${lesson.id}`;
    const context = `Lesson ${index + 1}${lesson.status === 'planned' ? ' · coming soon' : ''}`;
    documents.push({
      id: lesson.id,
      kind: 'lesson',
      title: lesson.title,
      context,
      text: plainText([lesson.question, lesson.summary, ...lesson.goals, lesson.intro].join(' ')),
      href: base,
    });
    for (const section of lesson.sections) {
      documents.push({
        id: `${lesson.id}#${section.id}`,
        kind: 'section',
        title: section.title,
        context: `${context}: ${lesson.title}`,
        text: plainText(section.body),
        href: `${base}#${section.id}`,
      });
    }
    if (lesson.predict) {
      const { predict } = lesson;
      documents.push({
        id: `${lesson.id}#predict`,
        kind: 'question',
        title: predict.prompt,
        context: `${context}: ${lesson.title}`,
        text: plainText([...predict.choices.map((choice) => choice.label), predict.explain].join(' ')),
        href: `${base}#predict`,
      });
    }
    for (const challenge of lesson.challenges) {
      documents.push({
        id: `${lesson.id}#challenge-${challenge.id}`,
        kind: 'challenge',
        title: challenge.title,
        context: `${context}: ${lesson.title}`,
        text: plainText(challenge.prompt),
        href: `${base}#challenge-${challenge.id}`,
      });
    }
  });
  for (const entry of glossary) {
    documents.push({
      id: `glossary#${entry.id}`,
      kind: 'term',
      title: entry.term,
      context: 'Glossary',
      text: plainText([...(entry.aliases ?? []), entry.definition].join(' ')),
      href: `/glossary#${entry.id}`,
    });
  }
  return documents;
}

function snippetOf(text: string, terms: string[]): SearchHit['snippet'] {
  const lower = text.toLowerCase();
  for (const term of terms) {
    const at = lower.indexOf(term.toLowerCase());
    if (at === -1) continue;
    const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 60)) + 1);
    const end = Math.min(text.length, at + term.length + 90);
    return {
      before: (start > 0 ? '…' : '') + text.slice(start, at),
      match: text.slice(at, at + term.length),
      after: text.slice(at + term.length, end) + (end < text.length ? '…' : ''),
    };
  }
  return null;
}

export interface LessonSearch {
  search(query: string, limit?: number): SearchHit[];
}

export function createLessonSearch(documents: SearchDocument[]): LessonSearch {
  const index = new MiniSearch<SearchDocument>({
    fields: ['title', 'text'],
    storeFields: ['kind', 'title', 'context', 'text', 'href'],
    searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  index.addAll(documents);
  return {
    search(query, limit = 12) {
      const trimmed = query.trim();
      if (!trimmed) return [];
      return index
        .search(trimmed)
        .slice(0, limit)
        .map((result: MiniResult) => {
          // MiniSearch types stored fields as `any`; they are the storeFields above, taken from a SearchDocument.
          const document = result as SearchDocument & MiniResult;
          return {
            id: String(result.id),
            kind: document.kind,
            title: document.title,
            context: document.context,
            text: document.text,
            href: document.href,
            snippet: snippetOf(document.text, result.terms),
          };
        });
    },
  };
}
