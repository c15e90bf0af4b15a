// The frames of a WebSocket capture, one row each, and a hex view of the selected frame where
// choosing a field (FIN, opcode, MASK, length, masking key, payload) highlights its bytes.

import { memo, useCallback, useRef, useState } from 'react';
import { framesKept, type Frame } from '@loopwire/contract';
import { byteStringToBytes, closeCodeName, describeFrameFields, parseFrameHeader, type FrameField } from '@loopwire/protocol';
import { useRadioGroupName } from '../../lib/useRadioGroupName.ts';
import { useOnScreen } from '../../lib/useOnScreen.ts';
import { byteStringToText, formatBytes } from './bytes.ts';

function summary(frame: Frame): string {
  if (frame.closeCode !== undefined) return `${frame.closeCode} ${closeCodeName(frame.closeCode)}${frame.closeReason ? ` “${frame.closeReason}”` : ''}`;
  if (frame.opcode === 0x8) return 'no status code';
  if (frame.engineIo) {
    const socketIo = frame.engineIo.socketIo;
    return `${frame.engineIo.code}${socketIo ? `${socketIo.type}` : ''} · ${socketIo ? socketIo.meaning : frame.engineIo.meaning}`;
  }
  const text = frame.opcode === 0x2 ? `${formatBytes(frame.payloadLength)} binary` : byteStringToText(frame.payloadPreview);
  return frame.payloadPreview.length < frame.payloadLength ? `${text}…` : text;
}

function HexView({ frame }: { frame: Frame }) {
  const header = parseFrameHeader(byteStringToBytes(frame.headerBytes))!;
  const fields = describeFrameFields(header);
  const [chosen, setChosen] = useState<FrameField['name']>('opcode');
  const groupName = useRadioGroupName('frame-field');
  const field = fields.find((candidate) => candidate.name === chosen) ?? fields[0]!;
  // The payload as it travelled: masked bytes are shown masked, the decoded text beside them.
  const key = frame.maskingKey ? frame.maskingKey.split(' ').map((hex) => parseInt(hex, 16)) : null;
  const preview = byteStringToBytes(frame.payloadPreview).slice(0, 64);
  const onWire = key ? preview.map((byte, i) => byte ^ key[i % 4]!) : preview;
  const bytes = [...byteStringToBytes(frame.headerBytes), ...onWire];
  return (
    <div className="hex" data-testid="hex-view">
      <div className="hex__fields" role="radiogroup" aria-label="Frame fields">
        {fields.map((candidate) => (
          <label key={candidate.name} className={`hex__field${candidate.name === field.name ? ' is-chosen' : ''}`}>
            <input type="radio" name={groupName} checked={candidate.name === field.name} onChange={() => setChosen(candidate.name)} />
            <span>{candidate.name}</span> <code>{candidate.value}</code>
          </label>
        ))}
      </div>
      <p className="hex__bytes mono" aria-label="Frame bytes in hex">
        {bytes.map((byte, index) => {
          const lit = index >= field.start && index < field.end;
          return (
            <span key={index} className={lit ? 'hex__byte is-lit' : 'hex__byte'} title={`byte ${index}: ${byte.toString(2).padStart(8, '0')}`}>
              {byte.toString(16).padStart(2, '0')}
            </span>
          );
        })}
        {frame.payloadLength > preview.length ? <span className="hex__more"> … {frame.payloadLength - preview.length} more payload bytes</span> : null}
      </p>
      {field.bits !== undefined ? (
        <p className="hex__bits">
          Byte {field.start} in bits: <code>{bytes[field.start]!.toString(2).padStart(8, '0')}</code>, this field is the bits under mask{' '}
          <code>{field.bits.toString(2).padStart(8, '0')}</code>.
        </p>
      ) : null}
      {key ? <p className="hex__bits">The payload bytes above are masked as they travelled; the table shows them unmasked (byte i XOR key[i mod 4]).</p> : null}
    </div>
  );
}

/**
 * One frame's row. A frame keeps its place among all its capture's frames (`seq`) however many are
 * dropped from the middle later, so a row is drawn once: new frames add rows, the others stay as they are.
 */
const FrameRow = memo(function FrameRow({ frame, seq, selected, onToggle }: { frame: Frame; seq: number; selected: boolean; onToggle(seq: number): void }) {
  return (
    <tr className={`frames__row frames__row--${frame.direction}${selected ? ' is-selected' : ''}`}>
      <td>
        <button type="button" className="link-button" aria-pressed={selected} onClick={() => onToggle(seq)}>
          {seq + 1}
        </button>
      </td>
      <td>{frame.direction === 'client' ? 'browser →' : '← server'}</td>
      <td>{frame.fin ? '1' : '0'}</td>
      <td>
        {frame.opcodeName} <span className="muted">0x{frame.opcode.toString(16)}</span>
      </td>
      <td>{frame.masked ? 'masked' : '—'}</td>
      <td>{frame.payloadLength}</td>
      <td>{frame.headerBytes.length + frame.payloadLength} B</td>
      <td className="frames__content">{summary(frame)}</td>
    </tr>
  );
});

/** A kept frame's place among all frames seen: the first ones are kept, then the newest after the omitted. */
const seqOf = (index: number, omitted: number) => (index < framesKept.first ? index : index + omitted);

interface FrameRowsProps {
  /** null: the table is off screen, keep the rows drawn last (none yet, if it has never been on screen). */
  frames: Frame[] | null;
  omitted: number;
  selected: number | null;
  onToggle(seq: number): void;
}

const FrameRows = memo(
  function FrameRows({ frames, omitted, selected, onToggle }: FrameRowsProps) {
    return (
      <tbody>
        {frames?.map((frame, index) => {
          const seq = seqOf(index, omitted);
          return <FrameRow key={seq} frame={frame} seq={seq} selected={seq === selected} onToggle={onToggle} />;
        })}
      </tbody>
    );
  },
  (previous, next) =>
    next.frames === null ||
    (previous.frames === next.frames && previous.omitted === next.omitted && previous.selected === next.selected && previous.onToggle === next.onToggle),
);

/**
 * `markArrivals`: a bar flashes on each new row. For a lesson's widget, where frames come one per action;
 * not in the inspector, where a connection can bring twenty a second (the page's own Socket.IO) and the
 * bars would repaint the table without pause. `onlyOnScreen`: new rows are drawn only while the table is
 * on screen (the inspector's busy captures: twenty rows a second cost layout and paint nobody sees).
 */
export function FrameTable({ frames, omitted, markArrivals = false, onlyOnScreen = false }: { frames: Frame[]; omitted: number; markArrivals?: boolean; onlyOnScreen?: boolean }) {
  const [selected, setSelected] = useState<number | null>(null);
  const toggle = useCallback((seq: number) => setSelected((current) => (current === seq ? null : seq)), []);
  const box = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(box, { enabled: onlyOnScreen });
  const chosenIndex = frames.findIndex((_, index) => seqOf(index, omitted) === selected);
  const chosen = chosenIndex === -1 ? null : frames[chosenIndex];
  return (
    <div ref={box} className={`frames${markArrivals ? ' frames--arrivals' : ''}`}>
      {frames.length === 0 ? (
        <p className="widget__empty">No frames yet.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table frames__table" data-testid="frame-table">
              <caption className="visually-hidden">WebSocket frames, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">from</th>
                  <th scope="col">FIN</th>
                  <th scope="col">opcode</th>
                  <th scope="col">mask</th>
                  <th scope="col">length</th>
                  <th scope="col">on the wire</th>
                  <th scope="col">content</th>
                </tr>
              </thead>
              <FrameRows frames={onScreen || !onlyOnScreen ? frames : null} omitted={omitted} selected={selected} onToggle={toggle} />
            </table>
          </div>
          {omitted > 0 ? (
            <p className="widget__caption">
              Frames {framesKept.first + 1}–{framesKept.first + omitted} were seen but not kept: the store keeps the first {framesKept.first} and the newest{' '}
              {framesKept.newest}.
            </p>
          ) : null}
          {chosen ? <HexView key={selected} frame={chosen} /> : <p className="widget__caption">Choose a frame number to see its bytes.</p>}
        </>
      )}
    </div>
  );
}
