// What a live check may do: talk to the live server as the learner. The page passes the browser's
// own fetch and WebSocket (its cookies, its Origin); tests pass Node's, so every check can be run
// against the real server without a browser.

export interface WebSocketLike {
  readonly protocol: string;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface CheckContext {
  /** fetch against the live server (a path such as /api/captures), carrying the learner's cookie. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A WebSocket to a path on the live server. */
  openWebSocket(path: string, protocols?: string[]): WebSocketLike;
}

export interface CheckResult {
  pass: boolean;
  message: string;
}

/** A live challenge check: the learner's answer, checked against what the server itself recorded. */
export type LiveCheck = (answer: string, ctx: CheckContext) => Promise<CheckResult>;

export function webSocketUrl(path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

export const browserCheckContext: CheckContext = {
  fetch: (path, init) => fetch(path, { credentials: 'same-origin', ...init }),
  openWebSocket: (path, protocols) => new WebSocket(webSocketUrl(path), protocols),
};
