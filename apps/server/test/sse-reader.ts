// Reads a live text/event-stream with Node's fetch, line by line, for tests that need the raw lines.

export interface SseReader {
  status: number;
  headers: Headers;
  /** Every line received so far (without the newline). */
  lines: string[];
  /** Resolves once `predicate(lines)` holds; rejects after `timeoutMs`. */
  until(predicate: (lines: string[]) => boolean, timeoutMs?: number): Promise<string[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  const ended = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) {
        partial += decoder.decode(chunk as Uint8Array, { stream: true });
        const complete = partial.split('\n');
        partial = complete.pop()!;
        lines.push(...complete);
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    lines,
    ended,
    close: () => controller.abort(),
    until(predicate, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(lines)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(lines);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SSE condition not met in ${timeoutMs} ms; lines: ${JSON.stringify(lines)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** The `data:` of every event named `name`, parsed. */
export function eventsNamed<T>(lines: string[], name: string): T[] {
  const found: T[] = [];
  let event = 'message';
  for (const line of lines) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ') && event === name) found.push(JSON.parse(line.slice(6)) as T);
    else if (line === '') event = 'message';
  }
  return found;
}
