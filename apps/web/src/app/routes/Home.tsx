// The curriculum map: every lesson, the learner's question it answers, its status and their progress.

import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { catalog } from 'virtual:lesson-catalog';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { tally, useProgress, type Progress } from '../../features/progress/index.ts';
import './home.css';

const ProgressPanel = lazy(() => import('../../features/progress/ProgressPanel.tsx'));

function nextToStudy(progress: Progress) {
  return catalog.find((entry) => {
    const { done, total } = tally(progress, entry);
    return entry.status !== 'planned' && done < total;
  });
}

function statusLine(minutes: number, status: string, done: number, total: number): string {
  if (status === 'planned') return 'Coming soon';
  if (total > 0 && done === total) return '✓ Complete';
  const time = `${minutes} min${status === 'reading' ? ' · reading' : ''}`;
  return done > 0 ? `${time} · ${done} of ${total} steps` : time;
}

export default function Home() {
  useDocumentTitle('Loopwire: how real-time servers work');
  const progress = useProgress();
  const started = Object.values(progress.lessons).some((lesson) => Object.keys(lesson.completed).length > 0);
  const unfinished = nextToStudy(progress);
  const next = unfinished ?? catalog[0]!;
  const position = catalog.indexOf(next) + 1;
  const studied = catalog.filter((entry) => entry.status !== 'planned').length;
  return (
    <div className="home">
      <section className="hero">
        <p className="eyebrow">A live server on your own machine</p>
        <h1>How real-time web servers really work</h1>
        <p className="hero__lead">
          HTTP, polling, Server-Sent Events, the WebSocket upgrade, Socket.IO and the Node.js event loop, each
          shown with the exact bytes your own browser exchanged and the lag the server really measured. Nothing
          here is an animation.
        </p>
        <Link className="button button--primary" to={`/lessons/${next.id}`}>
          {!started
            ? 'Start with lesson 1'
            : unfinished
              ? `Continue with lesson ${position}: ${next.title}`
              : `✓ All ${studied} lessons complete · review from lesson 1`}
        </Link>
      </section>
      <section aria-labelledby="curriculum-heading">
        <h2 id="curriculum-heading">Curriculum</h2>
        <ol className="map">
          {catalog.map((entry, index) => {
            const { done, total } = tally(progress, entry);
            const complete = total > 0 && done === total;
            const classes = ['map__card', entry.status === 'planned' && 'map__card--planned', complete && 'map__card--complete'];
            return (
              <li key={entry.id} className={classes.filter(Boolean).join(' ')} data-testid={`map-${entry.id}`}>
                <Link to={`/lessons/${entry.id}`} className="map__link">
                  <span className="map__number">{String(index + 1).padStart(2, '0')}</span>
                  <span className="map__title">{entry.title}</span>
                  <span className="map__question">{entry.question}</span>
                  {entry.status !== 'planned' && total > 0 ? (
                    <progress className="map__progress" max={total} value={done} aria-label={`${entry.title}: ${done} of ${total} steps done`} />
                  ) : null}
                  <span className="map__meta">{statusLine(entry.minutes, entry.status, done, total)}</span>
                </Link>
              </li>
            );
          })}
        </ol>
      </section>
      <Suspense fallback={null}>
        <ProgressPanel />
      </Suspense>
    </div>
  );
}
