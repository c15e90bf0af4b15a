// Masks secrets in a captured head: the values of Cookie, Set-Cookie, Authorization and
// Proxy-Authorization become one '*' per byte, so byte offsets and lengths stay true.
// `reveal` unmasks them, except the loopwire_sid value: it is HttpOnly, no page script may read it.

import { maskCharacter } from '@loopwire/protocol';

const secretHeader = /^(cookie|set-cookie|authorization|proxy-authorization)$/i;
const sidValue = /(loopwire_sid=)([^;\s]*)/g;

const stars = (text: string) => maskCharacter.repeat(text.length);

export function maskHead(head: string, { reveal = false } = {}): string {
  return head.replace(/^([^:\r\n]+):([^\r\n]*)/gm, (line, name: string, value: string) => {
    if (!secretHeader.test(name)) return line;
    if (reveal) return `${name}:${value.replace(sidValue, (_m, prefix: string, sid: string) => prefix + stars(sid))}`;
    const leading = /^\s*/.exec(value)![0];
    return `${name}:${leading}${stars(value.slice(leading.length))}`;
  });
}
