// /glossary: every term the lessons use, defined once, each with a deep link and the lessons that teach it.

import { Link } from 'react-router';
import { glossary, lessonById } from '@loopwire/lessons';
import { Markdown } from './Markdown.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useScrollToHash } from '../../lib/useScrollToHash.ts';
import './lessons.css';

const sorted = [...glossary].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));

function lessonTitle(href: string): string {
  const [path = '', section] = href.split('#');
  const lesson = lessonById(path.slice('/lessons/'.length));
  const sectionTitle = lesson?.sections.find((candidate) => candidate.id === section)?.title;
  return sectionTitle ? `${lesson!.title}: ${sectionTitle}` : (lesson?.title ?? href);
}

export default function Glossary() {
  useDocumentTitle('Glossary · Loopwire');
  useScrollToHash();
  return (
    <article className="lesson glossary">
      <p className="eyebrow">Reference</p>
      <h1>Glossary</h1>
      <p className="lesson__question">
        The words the lessons use, each defined once. Terms in lesson text link here; press <kbd>/</kbd> to search them.
      </p>
      <dl className="glossary__list">
        {sorted.map((entry) => (
          <div key={entry.id} id={entry.id} className="glossary__entry" tabIndex={-1}>
            <dt>
              <a href={`#${entry.id}`} className="glossary__term">
                {entry.term}
              </a>
              {entry.aliases?.length ? <span className="glossary__aliases"> also: {entry.aliases.join(', ')}</span> : null}
            </dt>
            <dd>
              <Markdown terms={false}>{entry.definition}</Markdown>
              <p className="glossary__meta">
                Taught in{' '}
                {entry.lessons.map((href, index) => (
                  <span key={href}>
                    {index > 0 ? ', ' : ''}
                    <Link to={href}>{lessonTitle(href)}</Link>
                  </span>
                ))}
                {entry.source ? (
                  <>
                    {' · Source: '}
                    <a href={entry.source.href} target="_blank" rel="noreferrer">
                      {entry.source.label}
                    </a>
                  </>
                ) : null}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
