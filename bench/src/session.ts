// An HTTP client for one "browser": keeps the loopwire_sid cookie the server sets and sends it back,
// so the wire tap files every capture the bench makes under one sid and /api/captures shows them.

import { Agent, request } from 'node:http';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

/** What the bench reads from a tap Capture (the full shape is `Capture` in @loopwire/protocol). */
export interface CaptureSummary {
  id: string;
  kind: string;
  url?: string;
  frames?: unknown[];
  wire?: { clientBytes: number; serverBytes: number };
}

export class Session {
  private cookie: string | null = null;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(readonly baseUrl: string) {}

  /** The Cookie header to send on WebSocket and Socket.IO handshakes too. */
  cookieHeader(): Record<string, string> {
    return this.cookie ? { Cookie: this.cookie } : {};
  }

  hasSid(): boolean {
    return this.cookie !== null;
  }

  request<T = unknown>(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<JsonResponse<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            ...this.cookieHeader(),
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          this.remember(res.headers['set-cookie']);
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text === '' ? null : JSON.parse(text);
            } catch {
              // Not JSON (an HTML 404 page, say): the caller sees the text.
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as T });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  get<T = unknown>(path: string): Promise<JsonResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown, timeoutMs?: number): Promise<JsonResponse<T>> {
    return this.request<T>('POST', path, body, timeoutMs);
  }

  /** This session's captures of one kind, newest first; null if the server has no tap (404). */
  async captures(kind: string, limit = 500): Promise<CaptureSummary[] | null> {
    const response = await this.get<{ captures?: CaptureSummary[] }>(`/api/captures?limit=${limit}&kind=${encodeURIComponent(kind)}`);
    if (response.status !== 200 || !Array.isArray(response.body?.captures)) return null;
    return response.body.captures;
  }

  close(): void {
    this.agent.destroy();
  }

  private remember(setCookie: string[] | undefined): void {
    const sid = setCookie?.map((line) => line.split(';')[0]!).find((pair) => pair.startsWith('loopwire_sid='));
    if (sid) this.cookie = sid;
  }
}

/** Opens a session and lets the server set its cookie (any response may carry it; /api/health is the cheapest). */
export async function openSession(baseUrl: string): Promise<Session> {
  const session = new Session(baseUrl);
  await session.get('/api/health');
  return session;
}
