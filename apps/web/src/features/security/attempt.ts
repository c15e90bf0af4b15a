// Tags a handshake so the security lab can ask the server afterwards how it answered that attempt.

/** A fresh id for tagging a handshake (`?attempt=`). */
export function newAttemptId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
