// Everything about one capture: the 4-tuple, both heads byte for byte, the Accept derivation, a
// sequence diagram, the frames, Engine.IO packets, and export (curl, HAR).

import { memo, useState } from 'react';
import type { BodySummary, Capture } from '@loopwire/contract';
import { HeadView } from './HeadView.tsx';
import { AcceptDerivation } from './AcceptDerivation.tsx';
import { SequenceDiagram } from './SequenceDiagram.tsx';
import { FrameTable } from './FrameTable.tsx';
import { byteStringToText, formatBytes, printable } from './bytes.ts';
import { curlCommand } from './curl.ts';
import { getCapture } from './api.ts';
import './inspector.css';

const Body = memo(function Body({ label, body }: { label: string; body: BodySummary | null }) {
  if (!body || body.length === 0) return null;
  const shown = printable(byteStringToText(body.preview));
  return (
    <div className="body-preview">
      <p className="body-preview__label">
        {label}: {formatBytes(body.length)}
        {body.contentType ? `, ${body.contentType}` : ''}
        {body.complete ? '' : ' (still arriving)'}
        {body.preview.length < body.length ? ` — the first ${body.preview.length} bytes:` : ':'}
      </p>
      <pre className="head body-preview__text">{shown}</pre>
    </div>
  );
});

// Drawn again only when its capture is a new object: the inspector's list changes ten times a second on a
// busy connection while the followed capture changes at most four times.
export const CaptureDetail = memo(function CaptureDetail({ capture, compact = false }: { capture: Capture; compact?: boolean }) {
  const [showEndings, setShowEndings] = useState(false);
  const [revealed, setRevealed] = useState<Capture | null>(null);
  const [copied, setCopied] = useState(false);
  const shown = revealed && revealed.id === capture.id ? { ...capture, requestHead: revealed.requestHead, responseHead: revealed.responseHead } : capture;
  const hasSecrets = /^(cookie|authorization|set-cookie):/im.test(capture.requestHead + (capture.responseHead ?? ''));

  async function copyCurl() {
    await navigator.clipboard.writeText(curlCommand(shown, location.origin));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  return (
    <article className="capture" aria-label={`Capture ${capture.id}: ${capture.method} ${capture.url}`} data-testid="capture-detail">
      <div className="capture__facts">
        <span className={`badge kind kind--${capture.kind.replace('.', '')}`}>{capture.kind}</span>
        <span className="mono">
          {capture.remote.address}:<strong>{capture.remote.port}</strong> → {capture.local.address}:<strong>{capture.local.port}</strong>
        </span>
        <span className="muted">
          {capture.connectionId} · browser sent {formatBytes(capture.wire.clientBytes)}, server sent {formatBytes(capture.wire.serverBytes)}
        </span>
      </div>
      <div className="capture__tools">
        <label className="toggle">
          <input type="checkbox" checked={showEndings} onChange={(event) => setShowEndings(event.target.checked)} /> Show line endings
        </label>
        {hasSecrets ? (
          <button type="button" className="button" aria-pressed={revealed !== null} onClick={async () => setRevealed(revealed ? null : await getCapture(capture.id, true))}>
            {revealed ? 'Mask cookies again' : 'Reveal cookies'}
          </button>
        ) : null}
        {compact ? null : (
          <>
            <button type="button" className="button" onClick={() => void copyCurl()}>
              {copied ? 'Copied' : 'Copy as curl'}
            </button>
            <a className="button" href={`/api/captures/${capture.id}/har`} download>
              Download HAR
            </a>
          </>
        )}
      </div>
      <p className="muted capture__hint">Hover or focus a dotted header name to see what it is for.</p>
      <div className="capture__heads">
        <div>
          <h3 className="capture__heading capture__heading--client">Request head, as the server received it ({capture.requestHead.length} bytes)</h3>
          <HeadView head={shown.requestHead} label="Request head" showEndings={showEndings} testId="request-head" />
          <Body label="Request body" body={capture.requestBody} />
        </div>
        <div>
          <h3 className="capture__heading capture__heading--server">
            Response head, as the server sent it{capture.responseHead ? ` (${capture.responseHead.length} bytes)` : ''}
          </h3>
          {shown.responseHead ? (
            <HeadView head={shown.responseHead} label="Response head" showEndings={showEndings} testId="response-head" />
          ) : (
            <p className="widget__empty">No response yet.</p>
          )}
          <Body label="Response body" body={capture.responseBody} />
        </div>
      </div>
      <AcceptDerivation requestHead={capture.requestHead} responseHead={capture.responseHead} />
      {capture.engineIo && capture.engineIo.length > 0 ? (
        <section aria-label="Engine.IO packets">
          <h3>Engine.IO packets in this {capture.method === 'POST' ? 'request' : 'response'} body</h3>
          <ul className="packets">
            {capture.engineIo.map((packet, index) => (
              <li key={index}>
                <code>
                  {packet.code}
                  {packet.data ?? ''}
                </code>{' '}
                — {packet.socketIo ? `Socket.IO ${packet.socketIo.typeName}: ${packet.socketIo.meaning}` : packet.meaning}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {compact ? null : (
        // Drawn at full size (readable labels); on a narrow screen it scrolls inside this box.
        <div className="diagram-scroll" tabIndex={0} role="region" aria-label="Sequence diagram">
          <SequenceDiagram capture={capture} />
        </div>
      )}
      {capture.frames.length > 0 || capture.status === 101 ? <FrameTable frames={capture.frames} omitted={capture.framesOmitted} markArrivals={compact} onlyOnScreen={!compact} /> : null}
      {capture.notes?.map((note) => (
        <p key={note} className="callout">
          {note}
        </p>
      ))}
    </article>
  );
});
