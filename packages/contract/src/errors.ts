// The one list of error codes the server sends: HTTP `{"error":{"code","message"}}` bodies and the
// `data.code` of a refused Socket.IO connection. Every code is snake_case; the README's table is
// checked against this catalogue, so a new code is documented or the tests fail.

import * as v from 'valibot';

interface ErrorEntry {
  /** HTTP status sent with the code; null for Socket.IO `connect_error` codes. */
  status: number | null;
  /** When a client gets it, as the README says. */
  when: string;
}

/** Every code, in the README's order. The web app needs only these names, not the catalogue below. */
export const errorCodes = [
  'bad_json',
  'bad_body',
  'payload_too_large',
  'unsupported_encoding',
  'not_found',
  'bad_request',
  'forbidden',
  'method_not_allowed',
  'unsupported_media_type',
  'bad_percent_encoding',
  'missing_host',
  'host_not_allowed',
  'internal',
  'bad_text',
  'text_too_long',
  'bad_after',
  'too_many_waiters',
  'too_many_streams',
  'bad_transport',
  'bad_id',
  'no_such_connection',
  'connection_not_found',
  'bad_close_code',
  'bad_mode',
  'bad_duration_ms',
  'bad_count',
  'bad_experiment',
  'blocking_budget_exhausted',
  'too_many_jobs',
  'too_many_experiments',
  'batch_over_budget',
  'bad_limit',
  'bad_kind',
  'capture_not_found',
  'bad_case',
  'tap_off',
  'probe_not_captured',
  'bad_name',
  'bad_ttl_ms',
  'no_refusal',
  'too_many_tickets',
  'bad_payload',
  'bad_room',
  'bad_rate_per_device',
  'flood_too_big',
  'no_simulator',
  'no_broadcast',
  'unknown_broadcast',
  'unknown_device',
  'device_timeout',
  'bad_device_auth',
  'device_id_taken',
  'token_missing',
  'token_malformed',
  'token_bad_signature',
  'token_expired',
  'bad_workers',
  'bad_balancing',
  'bad_adapter',
  'bad_running',
  'redis_unavailable',
  'redis_not_ours',
  'cluster_failed',
  'cluster_not_running',
  'no_such_worker',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Each code's status and when a client gets it: the server's and the README's reference. */
export const errorCatalog: Record<ErrorCode, ErrorEntry> = {
  // Any JSON route
  bad_json: { status: 400, when: 'the body is not valid JSON' },
  bad_body: { status: 400, when: 'the body is not a JSON object' },
  payload_too_large: { status: 413, when: 'the body is over 100 kB' },
  unsupported_encoding: { status: 415, when: 'the body is not UTF-8' },
  not_found: { status: 404, when: 'no route serves that method and path (API or not)' },
  bad_request: { status: 400, when: 'a malformed request a library refused (the router, the static file server)' },
  forbidden: { status: 403, when: 'a path that is not served, like `/assets/..%2f…`' },
  method_not_allowed: { status: 405, when: 'a method the path does not allow (the static file server)' },
  unsupported_media_type: { status: 415, when: 'a body in a media type the route cannot read' },
  bad_percent_encoding: { status: 400, when: 'a `%`-escape in the path that is not UTF-8, like `%c0%ae` or a lone `%`' },
  missing_host: { status: 400, when: 'a request without a `Host` header' },
  host_not_allowed: { status: 403, when: '`Host` is not localhost, 127.0.0.1, [::1], `HOST` or in `ALLOWED_HOSTS` (DNS rebinding)' },
  internal: { status: 500, when: 'the server failed; the details are in its log' },
  // The feed (short and long polling, SSE, close on demand)
  bad_text: { status: 400, when: '`POST /api/poll/messages` without a non-empty `text`' },
  text_too_long: { status: 413, when: '`text` longer than 2,000 characters' },
  bad_after: { status: 400, when: '`after` is not a whole number' },
  too_many_waiters: { status: 503, when: '10,000 long polls are already held' },
  too_many_streams: { status: 503, when: 'too many SSE streams are open' },
  bad_transport: { status: 400, when: '`POST /api/feed/close` with a transport other than sse, websocket, socket.io' },
  bad_id: { status: 400, when: '`POST /api/feed/close` without a connection id' },
  no_such_connection: { status: 404, when: 'no open feed connection has that id' },
  connection_not_found: { status: 404, when: 'no open `/ws` connection of this browser has that capture id' },
  bad_close_code: { status: 400, when: 'the server was asked to close a `/ws` connection with a code other than 1001, 1008 or 1011' },
  // Event-loop lab
  bad_mode: { status: 400, when: '`mode` is not blocking, partitioned, async or worker' },
  bad_duration_ms: { status: 400, when: '`durationMs` out of range (lab jobs and scale lab blocks 1–5000, floods 100–5000)' },
  bad_count: { status: 400, when: '`count` out of range (batch 1–8, simulator 1–1000)' },
  bad_experiment: { status: 400, when: '`experiment` is not in the catalogue' },
  blocking_budget_exhausted: { status: 429, when: 'blocking jobs used up their budget for this window (see Retry-After)' },
  too_many_jobs: { status: 429, when: 'too many jobs of that mode already run (see Retry-After)' },
  too_many_experiments: { status: 429, when: 'the main-module experiment already runs twice (see Retry-After)' },
  batch_over_budget: { status: 400, when: 'a blocking job or batch longer than the whole blocking budget (waiting would not help)' },
  // Wire tap
  bad_limit: { status: 400, when: '`limit` is not a whole number from 1 to 500' },
  bad_kind: { status: 400, when: '`kind` is not a capture kind' },
  capture_not_found: { status: 404, when: 'no capture of this browser has that id' },
  bad_case: { status: 400, when: '`POST /api/lab/handshake-probe` with an unknown `case`' },
  tap_off: { status: 409, when: 'the wire tap is off (`TAP=off`)' },
  probe_not_captured: { status: 504, when: 'the probe ran but its capture did not settle in time' },
  // Security lab
  bad_name: { status: 400, when: 'a token `name` (or a chat `auth.name`) that is not 1–32 letters, digits, spaces, `.`, `-`, `_`' },
  bad_ttl_ms: { status: 400, when: '`ttlMs` is not a whole number from 1000 to 3600000' },
  no_refusal: { status: 404, when: 'no refused handshake carried that `attempt` tag' },
  too_many_tickets: { status: 429, when: 'the server already holds 10,000 unredeemed tickets (see Retry-After)' },
  // Fan-out lab
  bad_payload: { status: 400, when: '`POST /api/devices/broadcast` without a `payload`' },
  bad_room: { status: 400, when: '`room` is not a room name like `zone:north`' },
  bad_rate_per_device: { status: 400, when: '`ratePerDevice` is not a whole number from 1 to 1000' },
  flood_too_big: { status: 400, when: 'devices × rate × seconds is over 50,000 messages' },
  no_simulator: { status: 409, when: 'a flood without the simulated fleet running' },
  no_broadcast: { status: 404, when: 'no broadcast has been sent yet' },
  unknown_broadcast: { status: 404, when: 'no recent broadcast has that id' },
  unknown_device: { status: 404, when: 'no connected device has that id' },
  device_timeout: { status: 504, when: 'the device did not acknowledge within 5 s' },
  // Socket.IO `connect_error` data.code
  bad_device_auth: { status: null, when: '`/devices`: the `auth` payload has no valid deviceId or capabilities' },
  device_id_taken: { status: null, when: '`/devices`: a connected device holds that deviceId and `auth.secret` is not its secret' },
  token_missing: { status: null, when: '`/secure`: no `auth.token`' },
  token_malformed: { status: null, when: '`/secure`: the token is not `claims.signature`' },
  token_bad_signature: { status: null, when: '`/secure`: the token was not signed by this server' },
  token_expired: { status: null, when: '`/secure`: the token is past its expiry' },
  bad_workers: { status: 400, when: 'scale lab: workers is not a whole number from 1 to 4' },
  bad_balancing: { status: 400, when: 'scale lab: balancing is not round-robin or sticky' },
  bad_adapter: { status: 400, when: 'scale lab: adapter is not memory, cluster or redis' },
  bad_running: { status: 400, when: 'scale lab: running is not true or false' },
  redis_unavailable: { status: 409, when: 'scale lab: the Redis adapter without REDIS_URL or an installed redis-server' },
  redis_not_ours: { status: 409, when: 'scale lab: Redis comes from REDIS_URL, so Loopwire does not stop or start it' },
  cluster_failed: { status: 503, when: 'scale lab: the cluster did not start, or a worker died during a block' },
  cluster_not_running: { status: 409, when: 'scale lab: no cluster is running' },
  no_such_worker: { status: 404, when: 'scale lab: no worker of the cluster has that pid' },
};

export function isErrorCode(value: string): value is ErrorCode {
  return (errorCodes as readonly string[]).includes(value);
}

/** Every JSON error the server sends has this body, with a 4xx or 5xx status. */
export const ApiErrorBodySchema = v.object({
  error: v.object({
    /** Stable: clients may switch on it. */
    code: v.picklist(errorCodes),
    /** A human sentence saying what was wrong and, where possible, how to fix it. */
    message: v.string(),
  }),
});
export type ApiErrorBody = v.InferOutput<typeof ApiErrorBodySchema>;

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return v.is(ApiErrorBodySchema, value);
}
