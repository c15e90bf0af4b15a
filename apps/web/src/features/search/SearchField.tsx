// The search dialog's frame and input, in the shell: it opens at once on "/" and takes typing while
// the results (search index, lesson text) load lazily inside it, so no keystroke is lost.

import { lazy, Suspense, useId, useRef, useState } from 'react';
import { ModalDialog } from '../../lib/ui/ModalDialog.tsx';
import type { ComboboxState, SearchResultsProps } from './SearchResults.tsx';
import './search.css';

const SearchResults = lazy(() => import('./SearchResults.tsx'));

export function SearchDialog(props: { query: string; onQueryChange(query: string): void; onClose(): void }) {
  const listId = useId();
  const keyHandlerRef = useRef<SearchResultsProps['keyHandlerRef']['current']>(null);
  const [combobox, setCombobox] = useState<ComboboxState>({ expanded: false, activeOptionId: undefined });
  return (
    <ModalDialog title="Search" className="modal--search" onClose={props.onClose}>
      <div className="search__field">
        <span aria-hidden="true" className="search__icon">
          ⌕
        </span>
        <input
          className="search__input"
          type="text"
          enterKeyHint="search"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-label="Search lessons and the glossary"
          aria-expanded={combobox.expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={combobox.activeOptionId}
          placeholder="Search lessons and the glossary…"
          autoFocus
          value={props.query}
          onChange={(event) => props.onQueryChange(event.target.value)}
          onKeyDown={(event) => keyHandlerRef.current?.(event)}
        />
      </div>
      <Suspense
        fallback={
          <p className="search__status" role="status">
            Loading the lessons…
          </p>
        }
      >
        <SearchResults
          query={props.query}
          listId={listId}
          keyHandlerRef={keyHandlerRef}
          onComboboxChange={setCombobox}
          onClose={props.onClose}
        />
      </Suspense>
    </ModalDialog>
  );
}
