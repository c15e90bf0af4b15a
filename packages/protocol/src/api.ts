// Shapes of the public HTTP contract (the README's "HTTP contract" section describes each route).
// Both the server and the web app import these, so a change here is a contract change.

/** Every JSON error the server sends has this body, with a 4xx status. */
export interface ApiErrorBody {
  error: {
    /** snake_case, stable: clients may switch on it. */
    code: string;
    /** A human sentence saying what was wrong and, where possible, how to fix it. */
    message: string;
  };
}

/** `GET /api/health` */
export interface HealthResponse {
  ok: true;
  uptimeMs: number;
  pid: number;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** One side of a TCP connection. */
export interface SocketAddress {
  address: string;
  port: number;
}

/** `GET /api/whoami`, and the first message of the `/ws/whoami` WebSocket. */
export interface ConnectionInfo {
  /** The server's side of the 4-tuple. */
  local: SocketAddress;
  /** The client's side, as the server sees it. */
  remote: SocketAddress;
  /** How many requests this TCP connection has carried, this one included (keep-alive). */
  requestsOnConnection: number;
}
