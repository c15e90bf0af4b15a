// The search results ("/" or Ctrl+K): a listbox over lessons, sections, questions, challenges and
// glossary terms for the shell's search field. The index is built on first open, from the lazily
// loaded lessons.

import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { glossary, lessons } from '@loopwire/lessons';
import { createLessonSearch, searchDocuments, type SearchHit, type SearchKind } from './searchIndex.ts';

export interface ComboboxState {
  expanded: boolean;
  activeOptionId: string | undefined;
}

export interface SearchResultsProps {
  query: string;
  listId: string;
  /** The results own the arrow keys and Enter; they install their handler here. */
  keyHandlerRef: { current: ((event: KeyboardEvent<HTMLInputElement>) => void) | null };
  onComboboxChange(state: ComboboxState): void;
  onClose(): void;
}

const kindLabels: Record<SearchKind, string> = {
  lesson: 'Lesson',
  section: 'Section',
  question: 'Prediction',
  challenge: 'Challenge',
  term: 'Glossary',
};

function Snippet({ hit }: { hit: SearchHit }) {
  if (!hit.snippet) return null;
  return (
    <span className="search__snippet">
      {hit.snippet.before}
      <mark>{hit.snippet.match}</mark>
      {hit.snippet.after}
    </span>
  );
}

export default function SearchResults({ query, listId, keyHandlerRef, onComboboxChange, onClose }: SearchResultsProps) {
  const index = useMemo(() => createLessonSearch(searchDocuments(lessons, glossary)), []);
  const hits = useMemo(() => index.search(query), [index, query]);
  const [chosen, setChosen] = useState({ query, position: 0 });
  // A new query starts at the first result.
  const active = chosen.query === query ? chosen.position : 0;
  const navigate = useNavigate();
  const optionId = (position: number) => `${listId}-option-${position}`;
  const activeOptionId = hits[active] ? optionId(active) : undefined;

  useEffect(() => {
    onComboboxChange({ expanded: hits.length > 0, activeOptionId });
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView({ block: 'nearest' });
  }, [onComboboxChange, hits.length, activeOptionId]);

  useEffect(() => {
    function open(hit: SearchHit) {
      onClose();
      void navigate(hit.href);
    }
    keyHandlerRef.current = (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (hits.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setChosen({ query, position: (active + step + hits.length) % hits.length });
      } else if (event.key === 'Enter' && hits[active]) {
        event.preventDefault();
        open(hits[active]);
      }
    };
    return () => {
      keyHandlerRef.current = null;
    };
  }, [keyHandlerRef, hits, active, query, navigate, onClose]);

  return (
    <>
      <ul id={listId} role="listbox" aria-label="Results" className="search__results">
        {hits.map((hit, position) => (
          // The input owns the keyboard (combobox pattern): options are picked with arrows + Enter, or a click.
          <li
            key={hit.id}
            id={optionId(position)}
            role="option"
            aria-selected={position === active}
            className={`search__hit${position === active ? ' is-active' : ''}`}
            onMouseMove={() => setChosen({ query, position })}
            onClick={() => {
              onClose();
              void navigate(hit.href);
            }}
          >
            <span className="search__kind">{kindLabels[hit.kind]}</span>
            <span className="search__title">{hit.title}</span>
            <span className="search__context">{hit.context}</span>
            <Snippet hit={hit} />
          </li>
        ))}
      </ul>
      <p className="search__status" role="status">
        {query.trim() === ''
          ? 'Type to search titles, questions, lesson text and the glossary.'
          : hits.length === 0
            ? `Nothing matches “${query.trim()}”.`
            : `${hits.length} result${hits.length === 1 ? '' : 's'}. ↑ ↓ to choose, Enter to open, Esc to close.`}
      </p>
    </>
  );
}
