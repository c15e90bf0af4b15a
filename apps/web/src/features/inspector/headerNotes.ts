// One sentence per header a learner meets in these lessons, shown on hover/focus in the head view.

const notes: Record<string, string> = {
  host: 'Which site the client wants (RFC 9110 §7.2): one IP and port can serve many names.',
  upgrade: 'The client asks to switch this same TCP connection to another protocol (RFC 9110 §7.8); in a 101 the server agrees.',
  connection: 'Hop-by-hop options: "Upgrade" marks Upgrade as meant for this hop; "keep-alive"/"close" say whether the connection stays open.',
  'sec-websocket-key': '16 random bytes, base64: not a secret, just proof the server really speaks WebSocket (RFC 6455 §4.1).',
  'sec-websocket-accept': 'base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)): the server proves it read this very handshake (RFC 6455 §4.2.2).',
  'sec-websocket-version': 'The WebSocket protocol version: always 13 (RFC 6455). Anything else is answered 426 with the supported version.',
  'sec-websocket-protocol': 'Subprotocols the client can speak, in its order of preference; the server answers with the one it picked (RFC 6455 §1.9).',
  'sec-websocket-extensions': 'Extensions such as permessage-deflate (compression). This server turns compression off so frames stay readable.',
  origin: 'The page that opened the connection. Browsers always send it on a WebSocket handshake; the server must check it (RFC 6455 §10.2).',
  cookie: 'Cookies the browser sends back to this site on every request, WebSocket handshakes included (masked here).',
  'set-cookie': 'The server asks the browser to store a cookie (RFC 6265); loopwire_sid is HttpOnly, so page scripts cannot read it.',
  authorization: 'Credentials for this request (masked here).',
  'user-agent': 'Which program sent the request.',
  accept: 'Media types the client would like in the answer (RFC 9110 §12.5.1).',
  'accept-encoding': 'Compressions the client can decode (gzip, br…).',
  'accept-language': 'Languages the user prefers.',
  'content-type': 'What the body is (RFC 9110 §8.3).',
  'content-length': 'The body is exactly this many bytes: how the reader knows where this message ends and the next begins (RFC 9112 §6.2).',
  'transfer-encoding': '"chunked": the body comes in pieces, each prefixed by its size in hex, ending with a 0-size chunk (RFC 9112 §7.1).',
  'keep-alive': 'How long an idle connection stays open for more requests.',
  date: 'When the server produced the answer.',
  etag: 'A version tag of the resource, for conditional requests.',
  'cache-control': 'Caching rules for this response.',
  'sec-fetch-mode': 'Fetch metadata: how the request was made (navigate, cors, websocket…), set by the browser, not the page.',
  'sec-fetch-site': 'Fetch metadata: same-origin, same-site or cross-site, set by the browser.',
  'sec-fetch-dest': 'Fetch metadata: what the response will be used for.',
  referer: 'The page the request came from (the spelling mistake is in the standard, RFC 9110 §10.1.3).',
  'sec-ch-ua': 'A client hint: the browser brand and version, sent instead of parsing User-Agent.',
  'sec-ch-ua-mobile': 'A client hint: ?1 on a phone, ?0 otherwise.',
  'sec-ch-ua-platform': 'A client hint: the operating system.',
  'if-none-match': 'A conditional request: "send the body only if it changed since this ETag" (answer 304 if not).',
  'last-modified': 'When the resource last changed, for conditional requests.',
  pragma: 'An HTTP/1.0-era cache directive, sent for old intermediaries.',
  'x-content-type-options': '"nosniff": the browser must trust Content-Type instead of guessing.',
  vary: 'Which request headers changed this answer (for caches).',
};

export function headerNote(name: string): string | undefined {
  return notes[name.toLowerCase()];
}
