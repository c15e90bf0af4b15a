// What the server's wire tap recorded for one exchange this page made: the status line and every
// frame with its Engine.IO meaning, so a demo shows the bytes, not only the client's view.

import { useEffect, useState } from 'react';
import type { Capture, CaptureList } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import './transports.css';

const refreshMs = 1500;

/** Polls the caller's newest captures while mounted and shows the newest whose URL is `url` (or starts with `urlPrefix`). */
export function CapturedExchange({ url, urlPrefix, since }: { url?: string; urlPrefix?: string; since: number }) {
  const [capture, setCapture] = useState<Capture | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const { captures } = await requestJson<CaptureList>('/api/captures?limit=50');
        const found = captures.find(
          (candidate) =>
            candidate.startedAt >= since &&
            (url !== undefined ? candidate.url === url : urlPrefix !== undefined && candidate.url.startsWith(urlPrefix)),
        );
        if (!stopped) {
          setCapture(found ?? null);
          setError(null);
        }
      } catch (caught) {
        if (!stopped) setError((caught as Error).message);
      }
    };
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [url, urlPrefix, since]);

  if (error) return <p className="widget__caption">The wire tap could not be read: {error}</p>;
  if (!capture) return <p className="widget__caption">Waiting for the wire tap…</p>;
  return (
    <details className="captured" open data-testid="captured-exchange">
      <summary>
        What the wire tap saw: <code>{capture.method} {capture.url}</code> → <strong>{capture.status ?? '…'}</strong>
        {' '}({capture.wire.clientBytes + capture.wire.serverBytes} bytes)
      </summary>
      <ol className="mismatch__packets">
        {capture.frames.map((frame, index) => (
          <li key={index} data-testid="captured-frame">
            {frame.direction === 'client' ? '→' : '←'} {frame.opcodeName}{' '}
            <code>
              {frame.opcodeName === 'close'
                ? frame.closeCode !== undefined
                  ? `${frame.closeCode} ${frame.closeReason ?? ''}`
                  : '(no status code)'
                : frame.payloadPreview}
            </code>
            {frame.engineIo ? <span className="widget__caption"> — {frame.engineIo.meaning}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
