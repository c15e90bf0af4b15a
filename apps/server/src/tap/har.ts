// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of one capture, with WebSocket frames in
// `_webSocketMessages` the way Chromium exports them. Secrets stay masked.

import { type Capture } from '@loopwire/contract';
import { parseHttpHead } from '@loopwire/protocol';

const nameValues = (head: string | null) => (head ? parseHttpHead(head).headers.map(({ name, value }) => ({ name, value })) : []);

function absoluteUrl(capture: Capture): string {
  if (/^https?:\/\//i.test(capture.url)) return capture.url;
  const host = capture.requestHead ? (parseHttpHead(capture.requestHead).headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? '') : '';
  return `http://${host || `${capture.local.address}:${capture.local.port}`}${capture.url}`;
}

function textOf(byteString: string): string {
  return Buffer.from(byteString, 'latin1').toString('utf8');
}

export function toHar(capture: Capture, version: string) {
  const request = capture.requestHead ? parseHttpHead(capture.requestHead) : null;
  const response = capture.responseHead ? parseHttpHead(capture.responseHead) : null;
  const url = absoluteUrl(capture);
  const lastFrame = capture.frames.at(-1);
  const entry: Record<string, unknown> = {
    startedDateTime: new Date(capture.startedAt).toISOString(),
    time: lastFrame ? lastFrame.at - capture.startedAt : 0,
    request: {
      method: capture.method,
      url,
      httpVersion: request?.version ?? 'HTTP/1.1',
      cookies: [],
      headers: nameValues(capture.requestHead),
      queryString: [...new URL(url, 'http://x').searchParams].map(([name, value]) => ({ name, value })),
      headersSize: capture.requestHead.length,
      bodySize: capture.requestBody.length,
      ...(capture.requestBody.length > 0
        ? { postData: { mimeType: capture.requestBody.contentType ?? '', text: textOf(capture.requestBody.preview) } }
        : {}),
    },
    response: {
      status: capture.status ?? 0,
      statusText: response?.reason ?? '',
      httpVersion: response?.version ?? 'HTTP/1.1',
      cookies: [],
      headers: nameValues(capture.responseHead),
      content: {
        size: capture.responseBody?.length ?? 0,
        mimeType: capture.responseBody?.contentType ?? '',
        text: textOf(capture.responseBody?.preview ?? ''),
        ...(capture.responseBody && capture.responseBody.length > capture.responseBody.preview.length
          ? { comment: `first ${capture.responseBody.preview.length} of ${capture.responseBody.length} bytes` }
          : {}),
      },
      redirectURL: '',
      headersSize: capture.responseHead?.length ?? -1,
      bodySize: capture.responseBody?.length ?? -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    serverIPAddress: capture.local.address,
    connection: String(capture.local.port),
    _resourceType: capture.kind === 'websocket' || capture.kind === 'socket.io' ? 'websocket' : 'fetch',
  };
  if (capture.frames.length > 0) {
    entry._webSocketMessages = capture.frames.map((frame) => ({
      type: frame.direction === 'client' ? 'send' : 'receive',
      time: frame.at / 1000,
      opcode: frame.opcode,
      data: frame.opcode === 0x2 ? Buffer.from(frame.payloadPreview, 'latin1').toString('base64') : textOf(frame.payloadPreview),
    }));
  }
  return {
    log: {
      version: '1.2',
      creator: { name: 'Loopwire', version },
      pages: [],
      entries: [entry],
      comment: `Captured by the Loopwire wire tap: connection ${capture.connectionId}, ${capture.remote.address}:${capture.remote.port} → ${capture.local.address}:${capture.local.port}. Credential header values (cookies, authorization, keys, tokens, secrets) are masked.`,
    },
  };
}
