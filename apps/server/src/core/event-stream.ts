// Writes the `text/event-stream` format (HTML Living Standard §9.2.5): fields, one per line, an event
// ends with a blank line. Data is JSON on one line, so no event ever needs several `data:` lines.

/** The response head of every event stream: never cached or transformed, never held by a buffering proxy (nginx). */
export const eventStreamHeaders = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

export interface SseEvent {
  event?: string;
  id?: number;
  data: unknown;
}

export function formatEvent({ event, id, data }: SseEvent): string {
  let text = '';
  if (id !== undefined) text += `id: ${id}\n`;
  if (event !== undefined) text += `event: ${event}\n`;
  return `${text}data: ${JSON.stringify(data)}\n\n`;
}

/** Tells the browser how long to wait before reconnecting (EventSource's reconnection time). */
export function formatRetry(ms: number): string {
  return `retry: ${ms}\n\n`;
}

/** A comment line: ignored by EventSource, but keeps proxies and idle timers from closing the stream. */
export function formatComment(text: string): string {
  return `: ${text}\n\n`;
}

/** The resume point a reconnecting EventSource sends; null when absent or not a message id. */
export function parseLastEventId(header: string | string[] | undefined): number | null {
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header.trim())) return null;
  return Number(header.trim());
}
