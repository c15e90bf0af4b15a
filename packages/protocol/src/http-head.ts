// Tolerant HTTP/1.x head parser (RFC 9112 §2–5): keeps every raw line with its byte offsets, so a
// view can show the head exactly as sent while still knowing which header is which.

export interface HeadLine {
  /** The line as sent, without its line ending. */
  raw: string;
  /** Offset of the line's first byte in the head. */
  start: number;
  /** The line ending as sent: `\r\n` per the spec, a bare `\n` from a sloppy client, '' on the last. */
  ending: string;
}

export interface HttpHeader extends HeadLine {
  /** The name exactly as sent (casing kept). */
  name: string;
  /** The value with surrounding whitespace trimmed (RFC 9112 §5.1). */
  value: string;
}

export interface HttpHead {
  kind: 'request' | 'response' | 'unknown';
  startLine: HeadLine;
  /** Request: method, target, version. */
  method: string | null;
  target: string | null;
  /** Response: version, status, reason. */
  version: string | null;
  status: number | null;
  reason: string | null;
  headers: HttpHeader[];
  /** Lines that are not `name: value` (kept, so nothing the client sent disappears). */
  malformed: HeadLine[];
}

function splitLines(head: string): HeadLine[] {
  const lines: HeadLine[] = [];
  let start = 0;
  while (start < head.length) {
    const newline = head.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ raw: head.slice(start), start, ending: '' });
      break;
    }
    const crlf = newline > start && head[newline - 1] === '\r';
    lines.push({ raw: head.slice(start, crlf ? newline - 1 : newline), start, ending: crlf ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}

export function parseHttpHead(head: string): HttpHead {
  const lines = splitLines(head);
  const startLine = lines[0] ?? { raw: '', start: 0, ending: '' };
  const parsed: HttpHead = {
    kind: 'unknown',
    startLine,
    method: null,
    target: null,
    version: null,
    status: null,
    reason: null,
    headers: [],
    malformed: [],
  };
  const response = /^(HTTP\/\d(?:\.\d)?) (\d{3})(?: (.*))?$/.exec(startLine.raw);
  const request = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) (HTTP\/\d(?:\.\d)?)$/.exec(startLine.raw);
  if (response) {
    parsed.kind = 'response';
    parsed.version = response[1]!;
    parsed.status = Number(response[2]);
    parsed.reason = response[3] ?? '';
  } else if (request) {
    parsed.kind = 'request';
    parsed.method = request[1]!;
    parsed.target = request[2]!;
    parsed.version = request[3]!;
  }
  for (const line of lines.slice(1)) {
    if (line.raw === '') continue;
    const colon = line.raw.indexOf(':');
    if (colon <= 0) {
      parsed.malformed.push(line);
      continue;
    }
    parsed.headers.push({ ...line, name: line.raw.slice(0, colon), value: line.raw.slice(colon + 1).trim() });
  }
  return parsed;
}

/** First value of a header, matched case-insensitively (field names are case-insensitive, RFC 9110 §5.1). */
export function headerValue(head: HttpHead, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return head.headers.find((header) => header.name.toLowerCase() === wanted)?.value;
}

/** Comma-separated list values of every header of this name, trimmed (RFC 9110 §5.6.1). */
export function headerList(head: HttpHead, name: string): string[] {
  const wanted = name.toLowerCase();
  return head.headers
    .filter((header) => header.name.toLowerCase() === wanted)
    .flatMap((header) => header.value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The value of one cookie in a Cookie header (RFC 6265 §4.2), or undefined. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
