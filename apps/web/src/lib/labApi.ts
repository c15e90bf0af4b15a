// Small helpers the security and fan-out widgets share: JSON calls to the live server that turn
// the contract's error body into an Error with its message.

import { isApiErrorBody, type BroadcastResult } from '@loopwire/contract';

export async function callJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(isApiErrorBody(body) ? `${response.status}: ${body.error.message}` : `The server answered ${response.status}`);
  }
  return body as T;
}

/** A fresh id for tagging a handshake (`?attempt=`), so the lab can ask how the server answered it. */
export function newAttemptId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Polls a device broadcast until the server has every ack (or its ack deadline passed). */
export async function waitForBroadcast(id: string): Promise<BroadcastResult> {
  for (;;) {
    const result = await callJson<BroadcastResult>(`/api/devices/broadcasts/${encodeURIComponent(id)}`);
    if (result.done) return result;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
