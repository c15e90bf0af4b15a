// A captured HTTP head exactly as sent: one row per line, line endings visible on demand, and each
// known header explained on hover or keyboard focus (in a note under the head, so the head's own
// text stays exactly the bytes: selecting and copying it gives what was sent).

import { memo, useId, useState } from 'react';
import { maskCharacter } from '@loopwire/contract';
import { parseHttpHead } from '@loopwire/protocol';
import { headerNote } from './headerNotes.ts';
import { printable } from './bytes.ts';

function Ending({ ending, visible }: { ending: string; visible: boolean }) {
  if (!visible) return null;
  return (
    <span className="head__ending" aria-label={ending === '\r\n' ? 'CR LF' : ending === '\n' ? 'LF only' : 'no line ending'}>
      {ending === '\r\n' ? '\\r\\n' : ending === '\n' ? '\\n' : ''}
    </span>
  );
}

function HeaderName({ name, noteId, onExplain }: { name: string; noteId: string; onExplain: (name: string | null) => void }) {
  if (!headerNote(name)) return <span className="head__name">{name}</span>;
  return (
    <span
      className="head__name head__name--explained"
      tabIndex={0}
      aria-describedby={noteId}
      onMouseEnter={() => onExplain(name)}
      onMouseLeave={() => onExplain(null)}
      onFocus={() => onExplain(name)}
      onBlur={() => onExplain(null)}
    >
      {name}
    </span>
  );
}

// Drawn again only when its own text or options change, not when its capture's frames or counters do.
export const HeadView = memo(function HeadView({
  head,
  label,
  showEndings,
  testId,
}: {
  head: string;
  label: string;
  showEndings: boolean;
  testId?: string;
}) {
  const noteId = useId();
  const [explained, setExplained] = useState<string | null>(null);
  const parsed = parseHttpHead(head);
  const headerByStart = new Map(parsed.headers.map((header) => [header.start, header]));
  const lines = [parsed.startLine, ...parsed.headers, ...parsed.malformed].sort((a, b) => a.start - b.start);
  const blankLineStart = head.endsWith('\r\n\r\n') ? head.length - 2 : head.endsWith('\n\n') ? head.length - 1 : -1;
  return (
    <div className="head-view">
      <pre className="head" aria-label={label} data-testid={testId}>
        {lines.map((line) => {
          const header = headerByStart.get(line.start);
          const masked = header && header.value.length > 0 && [...header.value].every((char) => char === maskCharacter || char === ' ');
          return (
            <span key={line.start} className={`head__line${line === parsed.startLine ? ' head__line--start' : ''}`}>
              {header ? (
                <>
                  <HeaderName name={header.name} noteId={noteId} onExplain={setExplained} />
                  <span className={masked ? 'head__value head__value--masked' : 'head__value'} title={masked ? 'Masked: one * per byte' : undefined}>
                    {printable(line.raw.slice(header.name.length))}
                  </span>
                </>
              ) : (
                printable(line.raw)
              )}
              <Ending ending={line.ending} visible={showEndings} />
              {'\n'}
            </span>
          );
        })}
        {blankLineStart >= 0 ? (
          <span className="head__line head__line--blank">
            <Ending ending={head.slice(blankLineStart)} visible={showEndings} />
            {showEndings ? <span className="head__hint"> blank line: the head ends here</span> : null}
            {'\n'}
          </span>
        ) : null}
      </pre>
      <p className="head__note" id={noteId} aria-live="polite">
        {explained ? (
          <>
            <strong>{explained}</strong>: {headerNote(explained)}
          </>
        ) : null}
      </p>
    </div>
  );
});
