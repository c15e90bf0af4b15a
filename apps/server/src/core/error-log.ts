// The server's log of errors it caused (500s): one line per class of error, at most once a minute
// per class, with a count of the repeats it held back. A request that trips the same bug a thousand
// times must not write a thousand stack traces.

export interface ErrorLog {
  report(error: unknown, where: string): void;
}

interface ClassState {
  lastWrittenAt: number;
  heldBack: number;
}

const maxClasses = 200;

/** `name: message (at the first stack frame)`: errors from the same throw site with the same message are one class. */
export function errorClassOf(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${String(error).slice(0, 120)}`;
  const site = /\n\s+at .*?\(?([^()\s]+:\d+:\d+)\)?$/m.exec(error.stack ?? '')?.[1];
  return `${error.name}: ${error.message.slice(0, 200)}${site ? ` (at ${site})` : ''}`;
}

export function createErrorLog({
  write = (line: string) => console.error(line),
  windowMs = 60_000,
  now = Date.now,
}: { write?: (line: string) => void; windowMs?: number; now?: () => number } = {}): ErrorLog {
  const classes = new Map<string, ClassState>();
  return {
    report(error, where) {
      const key = errorClassOf(error);
      const state = classes.get(key);
      const at = now();
      if (state && at - state.lastWrittenAt < windowMs) {
        state.heldBack += 1;
        return;
      }
      const repeats = state && state.heldBack > 0 ? ` (and ${state.heldBack} more like it since the last line)` : '';
      write(`loopwire: error on ${where}: ${key}${repeats}`);
      classes.delete(key);
      classes.set(key, { lastWrittenAt: at, heldBack: 0 });
      if (classes.size > maxClasses) classes.delete(classes.keys().next().value!);
    },
  };
}
