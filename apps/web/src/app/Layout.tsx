// The app shell: header (search, glossary, shortcuts), curriculum sidebar with progress, and the page.
// It reads the light lesson catalog, never the lessons' text; search and dialogs load on first use.

import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useNavigate } from 'react-router';
import { catalog } from 'virtual:lesson-catalog';
import ConnectionBadge from '../features/connection/ConnectionBadge.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { useShortcuts } from './useShortcuts.ts';
import { useProgress } from '../features/progress/store.ts';
import { SearchDialog } from '../features/search/SearchField.tsx';
import { tally } from '../features/progress/progress.ts';

const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.tsx'));

type OpenDialog = 'search' | 'shortcuts' | null;

/** The lessons before and after the one at `pathname` (from lesson 1 when not on a lesson). */
function neighboursOf(pathname: string) {
  const match = /^\/lessons\/([^/]+)/.exec(pathname);
  const index = match ? catalog.findIndex((entry) => entry.id === match[1]) : -1;
  return { previous: index > 0 ? catalog[index - 1] : undefined, next: catalog[index + 1] };
}

function Sidebar() {
  const progress = useProgress();
  return (
    <nav className="sidebar" aria-label="Lessons">
      <p className="sidebar__heading">Lessons</p>
      <ol className="sidebar__list">
        {catalog.map((entry, index) => {
          const { done, total } = tally(progress, entry);
          const complete = total > 0 && done === total;
          const label = complete ? 'complete' : done > 0 ? `${done} of ${total} steps done` : undefined;
          return (
            <li key={entry.id}>
              <NavLink
                to={`/lessons/${entry.id}`}
                className={entry.status === 'planned' ? 'is-planned' : undefined}
                aria-label={`${index + 1}. ${entry.title}${label ? `, ${label}` : ''}`}
              >
                <span className="sidebar__number">{index + 1}</span>
                <span className="sidebar__title">{entry.title}</span>
                {label ? (
                  <span className={`sidebar__progress${complete ? ' is-complete' : ''}`} title={label} aria-hidden="true">
                    {complete ? '✓' : `${done}/${total}`}
                  </span>
                ) : null}
              </NavLink>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function Layout() {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [searchQuery, setSearchQuery] = useState('');
  const navigate = useNavigate();
  // Neighbours are read when the key is pressed, from the address the router has just committed,
  // so a key pressed right after a navigation acts on the new page.
  const shortcuts = useMemo(
    () => ({
      search: () => setDialog('search'),
      help: () => setDialog('shortcuts'),
      nextLesson: () => {
        const { next } = neighboursOf(window.location.pathname);
        if (next) void navigate(`/lessons/${next.id}`);
      },
      previousLesson: () => {
        const { previous } = neighboursOf(window.location.pathname);
        if (previous) void navigate(`/lessons/${previous.id}`);
      },
    }),
    [navigate],
  );
  useShortcuts(shortcuts);
  const close = useCallback(() => {
    setDialog(null);
    setSearchQuery('');
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <Link to="/" className="brand" aria-label="Loopwire home">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect width="32" height="32" rx="7" className="brand__mark" />
            <path d="M6 20c4 0 4-8 8-8s4 8 8 8 4-8 4-8" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
          </svg>
          <span>Loopwire</span>
        </Link>
        <nav className="header__nav" aria-label="Main">
          <NavLink to="/" end>
            Curriculum
          </NavLink>
          <NavLink to="/inspector">Inspector</NavLink>
          <NavLink to="/labs/loop">Loop lab</NavLink>
          <NavLink to="/labs/transports">Transports</NavLink>
          <NavLink to="/labs/security">Security</NavLink>
          <NavLink to="/labs/fanout">Fan-out</NavLink>
          <NavLink to="/glossary">Glossary</NavLink>
        </nav>
        <div className="header__tools">
          <button
            type="button"
            className="search-button"
            aria-label="Search"
            aria-keyshortcuts="/ Control+K"
            onClick={() => setDialog('search')}
          >
            <span aria-hidden="true">⌕</span>
            <span className="search-button__label">Search</span>
            <kbd aria-hidden="true">/</kbd>
          </button>
          <button
            type="button"
            className="icon-button shortcuts-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            aria-keyshortcuts="?"
            onClick={() => setDialog('shortcuts')}
          >
            ⌨
          </button>
          <ConnectionBadge />
          <ThemeToggle />
        </div>
      </header>
      <div className="shell__body">
        <Sidebar />
        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<p className="loading">Loading…</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <Suspense fallback={null}>
        {dialog === 'shortcuts' ? <ShortcutsDialog onClose={close} /> : null}
      </Suspense>
      {dialog === 'search' ? <SearchDialog query={searchQuery} onQueryChange={setSearchQuery} onClose={close} /> : null}
      <ScrollRestoration />
    </div>
  );
}
