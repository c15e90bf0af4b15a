import { describe, expect, it } from 'vitest';
import { createErrorLog, errorClassOf } from './error-log.js';

describe('createErrorLog', () => {
  it('writes one line per class of error per window, then says how many it held back', () => {
    const lines: string[] = [];
    let now = 0;
    const log = createErrorLog({ write: (line) => lines.push(line), windowMs: 60_000, now: () => now });
    const boom = () => new TypeError('x is not a function');
    for (let i = 0; i < 1000; i++) log.report(boom(), 'GET /api/a');
    log.report(new RangeError('other'), 'GET /api/b');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^loopwire: error on GET \/api\/a: TypeError: x is not a function \(at .+:\d+:\d+\)$/);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    now = 60_000;
    log.report(boom(), 'GET /api/a');
    expect(lines[2]).toMatch(/and 999 more like it since the last line\)$/);
  });

  it('names non-Error throws too', () => {
    expect(errorClassOf('a string')).toBe('non-error thrown: a string');
  });
});
