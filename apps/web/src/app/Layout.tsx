// The app shell: header (search, glossary, shortcuts), curriculum sidebar with progress, and the page.
// It reads the light lesson catalog, never the lessons' text; search and dialogs load on first use.

import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { catalog } from 'virtual:lesson-catalog';
import ConnectionBadge from '../features/connection/ConnectionBadge.tsx';
import { WorkerBadge } from '../lib/live/WorkerBadge.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { useShortcuts } from './useShortcuts.ts';
import { replayEarlyInput } from './earlyInput.ts';
import { SearchDialog } from '../features/search/SearchField.tsx';
import { tally, useProgress } from '../features/progress/index.ts';
import { CloseIcon, KeyboardIcon, MenuIcon, SearchIcon } from './icons.tsx';
import './shell.css';
import './site-menu.css';
import './fit-and-focus.css';

const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.tsx'));

type OpenDialog = 'search' | 'shortcuts' | null;

/** The lessons before and after the one at `pathname` (from lesson 1 when not on a lesson). */
function neighboursOf(pathname: string) {
  const match = /^\/lessons\/([^/]+)/.exec(pathname);
  const index = match ? catalog.findIndex((entry) => entry.id === match[1]) : -1;
  return { previous: index > 0 ? catalog[index - 1] : undefined, next: catalog[index + 1] };
}

function MainLinks() {
  return (
    <>
      <NavLink to="/" end>
        Curriculum
      </NavLink>
      <NavLink to="/inspector">Inspector</NavLink>
      <NavLink to="/labs/loop">Loop lab</NavLink>
      <NavLink to="/labs/transports">Transports</NavLink>
      <NavLink to="/labs/security">Security</NavLink>
      <NavLink to="/labs/fanout">Fan-out</NavLink>
      <NavLink to="/labs/scale">Scale</NavLink>
      <NavLink to="/glossary">Glossary</NavLink>
    </>
  );
}

function Sidebar({ className = 'sidebar' }: { className?: string }) {
  const progress = useProgress();
  return (
    <nav className={className} aria-label="Lessons">
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
                aria-label={label ? `${index + 1} ${entry.title}, ${label}` : undefined}
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

/**
 * On a narrow screen the header's links and the lesson list fold into one menu: a button that says
 * "Menu", a panel below the header, closed by Escape (focus back on the button) or by following a link.
 */
function SiteMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const closeFromPanel = (event: MouseEvent) => {
    if ((event.target as Element).closest('a')) setOpen(false);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="site-menu" onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="site-menu-panel"
        onClick={() => setOpen(!open)}
      >
        {open ? <CloseIcon /> : <MenuIcon />}
        <span>Menu</span>
      </button>
      <div id="site-menu-panel" className="site-menu__panel" hidden={!open} onClick={closeFromPanel}>
        <nav className="site-menu__links" aria-label="Main">
          <MainLinks />
        </nav>
        <Sidebar className="site-menu__lessons" />
      </div>
    </div>
  );
}

/** After a move to another page (not the first load, not a #section link), focus goes to its heading, so a screen reader says where the reader is. */
function useFocusHeadingOnNavigation(): void {
  const { pathname, hash } = useLocation();
  // The address focus was last decided for: the first load's (and StrictMode's second run of it) is left alone.
  const settled = useRef(`${pathname}${hash}`);
  useEffect(() => {
    const address = `${pathname}${hash}`;
    if (settled.current === address) return;
    settled.current = address;
    if (hash) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [pathname, hash]);
}

/**
 * React Router's scroll restoration, from the first move within the app on. On the page's first load the
 * browser's own stays: a reload's position, or wherever the reader scrolled while the page's code loaded.
 */
function ScrollRestorationAfterFirstMove() {
  const { key } = useLocation();
  const [firstKey] = useState(key);
  const [moved, setMoved] = useState(false);
  if (!moved && key !== firstKey) setMoved(true);
  return moved ? <ScrollRestoration /> : null;
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
  // After the shortcuts listen: what the reader typed while the page's code was loading acts now.
  useEffect(() => void replayEarlyInput(), []);
  useFocusHeadingOnNavigation();
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
          <MainLinks />
        </nav>
        <div className="header__tools">
          <button
            type="button"
            className="search-button"
            aria-label="Search"
            aria-keyshortcuts="/ Control+K"
            onClick={() => setDialog('search')}
          >
            <SearchIcon />
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
            <KeyboardIcon />
          </button>
          <WorkerBadge />
          <ConnectionBadge />
          <ThemeToggle />
          <SiteMenu />
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
      <ScrollRestorationAfterFirstMove />
    </div>
  );
}
