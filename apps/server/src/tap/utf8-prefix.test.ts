import { describe, expect, it } from 'vitest';
import { writeUtf8Prefix } from './utf8-prefix.js';

const capacity = 256;

function check(text: string) {
  const target = Buffer.alloc(4 * (capacity + 1));
  writeUtf8Prefix(text, target, capacity);
  const encoded = Buffer.from(text, 'utf8');
  const kept = Math.min(encoded.length, capacity);
  expect(target.subarray(0, kept).equals(encoded.subarray(0, kept))).toBe(true);
}

describe('writeUtf8Prefix', () => {
  it('writes the first UTF-8 bytes of short ASCII, short non-ASCII and empty text', () => {
    for (const text of ['', '430[{"payload":"loopwire-bench-payload-32-bytes!"}]', 'héllo', '😀 and ü', 'x'.repeat(capacity)]) check(text);
  });

  it('keeps exactly the first 256 bytes of long text, also when a 4-byte character straddles the cut', () => {
    check('a'.repeat(1000));
    check(`${'ü'.repeat(200)}`);
    for (let before = 250; before <= 257; before++) check(`${'a'.repeat(before)}😀${'b'.repeat(50)}`);
    check(`${'a'.repeat(255)}😀`);
  });
});
