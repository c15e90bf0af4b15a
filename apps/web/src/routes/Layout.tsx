// The app shell: header, curriculum sidebar, and the page.

import { Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { lessons } from '@loopwire/lessons';
import ConnectionBadge from '../widgets/ConnectionBadge.tsx';
import { ThemeToggle } from '../components/ThemeToggle.tsx';

export function Layout() {
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
        </nav>
        <div className="header__tools">
          <ConnectionBadge />
          <ThemeToggle />
        </div>
      </header>
      <div className="shell__body">
        <nav className="sidebar" aria-label="Lessons">
          <p className="sidebar__heading">Lessons</p>
          <ol className="sidebar__list">
            {lessons.map((lesson, index) => (
              <li key={lesson.id}>
                <NavLink to={`/lessons/${lesson.id}`} className={lesson.status === 'planned' ? 'is-planned' : undefined}>
                  <span className="sidebar__number">{index + 1}</span>
                  <span>{lesson.title}</span>
                </NavLink>
              </li>
            ))}
          </ol>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<p className="loading">Loading…</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <ScrollRestoration />
    </div>
  );
}
