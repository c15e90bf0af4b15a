// Handshakes a browser will never send (it sets these headers itself): the server sends them to its
// own port over raw TCP, and each answer — 426, 400, 403, or a 101 — is shown exactly, with its body.

import { useState } from 'react';
import { handshakeProbeCases, type HandshakeProbeCase, type HandshakeProbeResult } from '@loopwire/contract';
import { runHandshakeProbe } from './api.ts';
import { HeadView } from './HeadView.tsx';
import { byteStringToText } from './bytes.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { useAction } from '../../lib/useAction.ts';
import './inspector.css';

const describe: Record<HandshakeProbeCase, string> = {
  'no-upgrade': 'A plain GET to /ws: no Upgrade header',
  'wrong-version': 'Sec-WebSocket-Version: 8',
  'missing-key': 'No Sec-WebSocket-Key',
  'bad-key': 'A key that is not 16 bytes of base64',
  'foreign-origin': 'Origin: http://evil.example',
  ok: 'A correct handshake (then a close)',
};

export default function HandshakeFailures() {
  const [results, setResults] = useState<Partial<Record<HandshakeProbeCase, HandshakeProbeResult>>>({});
  const { busy, error, run } = useAction();

  function probe(cases: readonly HandshakeProbeCase[]) {
    return run(async () => {
      for (const probeCase of cases) {
        const result = await runHandshakeProbe(probeCase);
        setResults((previous) => ({ ...previous, [probeCase]: result }));
      }
    });
  }

  return (
    <figure className="widget" aria-label="Handshake failures">
      <div className="widget__bar">
        <strong className="widget__title">Handshakes that fail</strong>
        <div className="widget__actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void probe(handshakeProbeCases);
            }}
          >
            Try them all
          </button>
        </div>
      </div>
      <WidgetError>{error}</WidgetError>
      <div className="probe-grid">
        {handshakeProbeCases.map((probeCase) => {
          const result = results[probeCase];
          const capture = result?.capture;
          return (
            <section key={probeCase} className="probe-card" aria-label={describe[probeCase]} data-testid={`probe-${probeCase}`}>
              <h3>{describe[probeCase]}</h3>
              {/* aria-disabled, not disabled: the pressed button keeps focus while the probe runs. */}
              <button
                type="button"
                className="button"
                aria-disabled={busy}
                aria-label={`Send it: ${describe[probeCase]}`}
                onClick={() => {
                  if (!busy) void probe([probeCase]);
                }}
              >
                Send it
              </button>
              {capture ? (
                <>
                  <p className={capture.status === 101 ? 'result result--pass' : 'result result--fail'}>
                    Answer: <strong>{capture.status}</strong>
                  </p>
                  <HeadView head={capture.requestHead} label="Sent" showEndings={false} />
                  {capture.responseHead ? <HeadView head={capture.responseHead} label="Answer head" showEndings={false} testId="probe-response" /> : null}
                  {capture.responseBody && capture.responseBody.length > 0 ? <pre className="head body-preview__text">{byteStringToText(capture.responseBody.preview)}</pre> : null}
                  {capture.frames.length > 0 ? (
                    <p className="muted">
                      Then {capture.frames.length} frames: {capture.frames.map((frame) => `${frame.direction} ${frame.opcodeName}${frame.closeCode ? ` ${frame.closeCode}` : ''}`).join(', ')}.
                    </p>
                  ) : null}
                </>
              ) : null}
            </section>
          );
        })}
      </div>
      <figcaption className="widget__caption">
        The server opens a TCP connection to its own port and sends these bytes from a fixed list; the answers are its real /ws refusing them.
      </figcaption>
    </figure>
  );
}
