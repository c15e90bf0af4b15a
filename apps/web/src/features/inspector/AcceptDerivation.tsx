// Sec-WebSocket-Accept worked out in the page from the captured key, step by step, and checked
// against what the server really answered.

import { memo } from 'react';
import { deriveAccept, headerValue, parseHttpHead } from '@loopwire/protocol';

// The SHA-1 runs again only when a head changes, not on every frame of a live capture.
export const AcceptDerivation = memo(function AcceptDerivation({ requestHead, responseHead }: { requestHead: string; responseHead: string | null }) {
  const key = headerValue(parseHttpHead(requestHead), 'sec-websocket-key');
  if (!key) return null;
  const steps = deriveAccept(key);
  const answered = responseHead ? headerValue(parseHttpHead(responseHead), 'sec-websocket-accept') : undefined;
  return (
    <section className="derivation" aria-label="Sec-WebSocket-Accept derivation" data-testid="accept-derivation">
      <h3>From Sec-WebSocket-Key to Sec-WebSocket-Accept (RFC 6455 §4.2.2)</h3>
      <ol>
        <li>
          The browser's key: <code data-testid="derivation-key">{steps.key}</code>
        </li>
        <li>
          Append the fixed GUID: <code className="derivation__wrap">{steps.key}<mark>{steps.guid}</mark></code>
        </li>
        <li>
          SHA-1 of that text (20 bytes): <code className="derivation__wrap">{steps.sha1Hex}</code>
        </li>
        <li>
          base64 of those 20 bytes: <code data-testid="derivation-accept">{steps.accept}</code>
        </li>
      </ol>
      {answered === undefined ? (
        <p className="derivation__verdict">The server sent no Sec-WebSocket-Accept: it did not accept this handshake.</p>
      ) : answered === steps.accept ? (
        <p className="derivation__verdict derivation__verdict--ok">✓ Matches the server's Sec-WebSocket-Accept: {answered}</p>
      ) : (
        <p className="derivation__verdict derivation__verdict--bad">✗ The server answered {answered}: a browser would refuse this connection.</p>
      )}
    </section>
  );
});
