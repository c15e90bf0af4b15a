// The curriculum map: every lesson, the learner's question it answers, and whether it is ready.

import { Link } from 'react-router';
import { lessons } from '@loopwire/lessons';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

export default function Home() {
  useDocumentTitle('Loopwire: how real-time servers work');
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
        <Link className="button button--primary" to={`/lessons/${lessons[0]!.id}`}>
          Start with lesson 1
        </Link>
      </section>
      <section aria-labelledby="curriculum-heading">
        <h2 id="curriculum-heading">Curriculum</h2>
        <ol className="map">
          {lessons.map((lesson, index) => (
            <li key={lesson.id} className={`map__card${lesson.status === 'planned' ? ' map__card--planned' : ''}`}>
              <Link to={`/lessons/${lesson.id}`} className="map__link">
                <span className="map__number">{String(index + 1).padStart(2, '0')}</span>
                <span className="map__title">{lesson.title}</span>
                <span className="map__question">{lesson.question}</span>
                <span className="map__meta">{lesson.status === 'ready' ? `${lesson.minutes} min` : 'Coming soon'}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
