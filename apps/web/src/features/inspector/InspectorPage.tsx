// /inspector: every exchange this browser made with the live server, live, and one in detail.

import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { captureKinds, type Capture, type CaptureKind, type CaptureSummary } from '@loopwire/contract';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCaptures } from './useCaptures.ts';
import { CaptureDetail } from './CaptureDetail.tsx';
import { clearCaptures } from './api.ts';
import { createCaptureStream, followCapture, type CaptureStream } from './captureStream.ts';
import { formatBytes } from './bytes.ts';
import { defaultSelection } from './defaultSelection.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import './inspector.css';

/** The capture shown in detail: one snapshot, then its frames and summaries from the page's stream. */
function useFollowedCapture(stream: CaptureStream, id: string | undefined): Capture | null {
  const [capture, setCapture] = useState<Capture | null>(null);
  useEffect(() => {
    if (!id) return;
    return followCapture(stream, id, setCapture);
  }, [stream, id]);
  return capture?.id === id ? capture : null;
}

/**
 * Keeps a growing list scrolled to its newest entry while the reader is at the bottom (as a terminal
 * does); once they scroll up to read, new entries arrive below without moving what they read.
 */
function useFollowedBottom(length: number) {
  const ref = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const hasEntries = length > 0;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onScroll = () => {
      atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 8;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [hasEntries]);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [length]);
  return ref;
}

/** One line of the list; drawn again only when its capture or its selection changes, not on every stream event. */
const CaptureRow = memo(function CaptureRow({ capture, selected, onSelect }: { capture: CaptureSummary; selected: boolean; onSelect(id: string): void }) {
  return (
    <li>
      <button type="button" className={`capture-row${selected ? ' is-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={() => onSelect(capture.id)}>
        <span className={`kind kind--${capture.kind.replace('.', '')}`}>{capture.kind}</span>
        <span className="capture-row__what mono">
          {capture.method} {capture.url}
        </span>
        <span className="capture-row__meta">
          {capture.status ?? '…'} · {formatBytes(capture.wire.clientBytes + capture.wire.serverBytes)}
          {capture.framesSeen > 0 ? ` · ${capture.framesSeen} frames` : ''}
        </span>
      </button>
    </li>
  );
});

export default function Inspector() {
  useDocumentTitle('Inspector · Loopwire');
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState<CaptureKind | ''>('');
  const all = params.get('all') === '1';
  // One stream for the list and the capture in detail.
  const stream = useMemo(() => createCaptureStream({ all }), [all]);
  const { captures, live, error, reset } = useCaptures(stream);
  const shown = kind ? captures.filter((capture) => capture.kind === kind) : captures;
  const selectedId = params.get('id') ?? defaultSelection([...shown].reverse())?.id;
  const list = useFollowedBottom(shown.length);
  const listed = captures.find((capture) => capture.id === selectedId);
  const selected = useFollowedCapture(stream, listed?.id);

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null) next.delete(name);
          else next.set(name, value);
        }
        return next;
      }),
    [setParams],
  );
  const select = useCallback((id: string) => update({ id }), [update]);

  return (
    <div className="inspector">
      <header className="inspector__header">
        <div>
          <h1>Inspector</h1>
          <p className="muted">
            Every exchange your browser had with this server, byte for byte as the server's TCP socket saw it.{' '}
            <span className={`live-dot${live ? ' is-live' : ''}`} aria-live="polite">
              {live ? 'Live' : 'Connecting…'}
            </span>
          </p>
        </div>
        <div className="inspector__filters">
          <label className="field">
            <span>Kind</span>
            <select className="input" value={kind} onChange={(event) => setKind(event.target.value as CaptureKind | '')}>
              <option value="">all kinds</option>
              {captureKinds.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {candidate}
                </option>
              ))}
            </select>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={all} onChange={(event) => update({ all: event.target.checked ? '1' : null, id: null })} /> Include static files and the
            inspector's own calls
          </label>
          <button
            type="button"
            className="button"
            onClick={async () => {
              await clearCaptures();
              reset();
              update({ id: null });
            }}
          >
            Clear
          </button>
        </div>
      </header>
      <WidgetError>{error}</WidgetError>
      <div className="inspector__body">
        <nav className="inspector__list" aria-labelledby="inspector-captures">
          <h2 id="inspector-captures" className="visually-hidden">
            Captures
          </h2>
          {shown.length === 0 ? (
            <p className="widget__empty">Nothing yet. Open a lesson's live widget, or any page of this site, and its exchanges appear here.</p>
          ) : (
            <ol ref={list} aria-label="Captures, oldest first">
              {shown.map((capture) => (
                <CaptureRow key={capture.id} capture={capture} selected={capture.id === listed?.id} onSelect={select} />
              ))}
            </ol>
          )}
        </nav>
        <section className="inspector__detail" aria-labelledby="inspector-detail">
          <h2 id="inspector-detail" className="visually-hidden">
            Capture detail
          </h2>
          {selected ? (
            <CaptureDetail capture={selected} />
          ) : (
            <p className="widget__empty">{listed ? `Loading capture ${listed.id}…` : 'Choose a capture.'}</p>
          )}
        </section>
      </div>
    </div>
  );
}
