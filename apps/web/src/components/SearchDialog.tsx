// The search dialog ("/" or Ctrl+K): a combobox over lessons, sections, questions, challenges and
// glossary terms. The index is built when the dialog first opens, from the lazily loaded lessons.

import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { glossary, lessons } from '@loopwire/lessons';
import { createLessonSearch, searchDocuments, type SearchHit, type SearchKind } from '../search/searchIndex.ts';
import { ModalDialog } from './ModalDialog.tsx';

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

export default function SearchDialog({ onClose }: { onClose: () => void }) {
  const index = useMemo(() => createLessonSearch(searchDocuments(lessons, glossary)), []);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const hits = useMemo(() => index.search(query), [index, query]);
  const navigate = useNavigate();
  const listId = useId();
  const optionId = (position: number) => `${listId}-option-${position}`;

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  function open(hit: SearchHit) {
    onClose();
    void navigate(hit.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      open(hits[active]);
    }
  }

  return (
    <ModalDialog title="Search" className="modal--search" onClose={onClose}>
      <div className="search__field">
        <span aria-hidden="true" className="search__icon">
          ⌕
        </span>
        <input
          className="search__input"
          type="search"
          role="combobox"
          aria-label="Search lessons and the glossary"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits[active] ? optionId(active) : undefined}
          placeholder="Search lessons and the glossary…"
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={listId} role="listbox" aria-label="Results" className="search__results">
        {hits.map((hit, position) => (
          // The input owns the keyboard (combobox pattern): options are picked with arrows + Enter or a click.
          <li
            key={hit.id}
            id={optionId(position)}
            role="option"
            aria-selected={position === active}
            className={`search__hit${position === active ? ' is-active' : ''}`}
            onMouseMove={() => setActive(position)}
            onClick={() => open(hit)}
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
    </ModalDialog>
  );
}
