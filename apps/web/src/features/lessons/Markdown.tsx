// Lesson Markdown: GitHub-flavoured, internal links through the router, ```widget blocks as live widgets,
// the ```predict block as the lesson's predict step, and {origin} as this page's own origin.

import { createContext, Suspense, useContext, useMemo, type ReactNode } from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Link } from 'react-router';
import { glossaryEntry, isWidgetId } from '@loopwire/lessons';
import { widgets } from '../../widgets/registry.ts';
import { remarkGlossaryLinks } from './remarkGlossaryLinks.ts';
import { WidgetBoundary } from '../../lib/ui/WidgetBoundary.tsx';
import { useAfterPrerender } from '../../lib/useAfterPrerender.ts';

export function Widget({ id }: { id: string }) {
  if (!isWidgetId(id)) return <p role="alert">Unknown widget “{id}”.</p>;
  const Component = widgets[id];
  return (
    <WidgetBoundary name={id}>
      <Suspense fallback={<div className="widget widget--loading">Loading {id}…</div>}>
        <Component />
      </Suspense>
    </WidgetBoundary>
  );
}

/** What a ```predict block shows: the lesson page provides its predict step here. */
export const PredictSlot = createContext<ReactNode>(null);

function PredictHere() {
  return <>{useContext(PredictSlot)}</>;
}

/** This page's origin; the build's prerender knows none, so the prerendered page says `{origin}` until the code runs. */
function PageOrigin() {
  return <>{useAfterPrerender(() => location.origin, '{origin}')}</>;
}

/** Commands in lessons are written against `{origin}`, so they reach the server the page came from. */
function withOrigin(children: ReactNode): ReactNode {
  if (typeof children !== 'string' || !children.includes('{origin}')) return children;
  return children.split('{origin}').flatMap((part, index) => (index === 0 ? [part] : [<PageOrigin key={index} />, part]));
}

function textOf(children: ReactNode): string {
  return Array.isArray(children) ? children.join('') : String(children ?? '');
}

/** A glossary definition as one plain line, for a term link's tooltip. */
function plainDefinition(termId: string): string | undefined {
  return glossaryEntry(termId)
    ?.definition.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replaceAll('`', '');
}

const components: Components = {
  a({ href = '', children }) {
    if (href.startsWith('/glossary#')) {
      return (
        <Link to={href} className="term" title={plainDefinition(href.slice('/glossary#'.length))}>
          {children}
        </Link>
      );
    }
    if (href.startsWith('/')) return <Link to={href}>{children}</Link>;
    return (
      <a href={href} target="_blank" rel="noreferrer">
        {children}
      </a>
    );
  },
  pre({ children, node }) {
    const code = node?.children[0];
    const className = code && 'properties' in code ? String(code.properties.className ?? '') : '';
    if (className.includes('language-widget') || className.includes('language-predict')) return <>{children}</>;
    // Focusable: a long line scrolls sideways inside the block, and a keyboard must be able to scroll it too.
    return (
      <pre className="code-block" tabIndex={0}>
        {children}
      </pre>
    );
  },
  code({ className, children }) {
    if (className?.includes('language-widget')) return <Widget id={textOf(children).trim()} />;
    if (className?.includes('language-predict')) return <PredictHere />;
    return <code className={className}>{withOrigin(children)}</code>;
  },
  table({ children }) {
    return (
      <div className="table-scroll">
        <table className="table">{children}</table>
      </div>
    );
  },
};

type PluggableList = NonNullable<Options['remarkPlugins']>;

const plainPlugins: PluggableList = [remarkGfm];

/** `terms`: which glossary terms to link where first mentioned (all when omitted; none when `false`). */
export function Markdown({ children, terms }: { children: string; terms?: ReadonlySet<string> | false }) {
  const plugins = useMemo<PluggableList>(
    () => (terms === false ? plainPlugins : [remarkGfm, [remarkGlossaryLinks, { only: terms }]]),
    [terms],
  );
  return (
    <div className="prose">
      <ReactMarkdown remarkPlugins={plugins} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
