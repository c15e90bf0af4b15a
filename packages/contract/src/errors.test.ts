// Every error code is snake_case and documented: the README's table lists exactly this catalogue.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCatalog, errorCodes, isErrorCode } from './errors.js';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

/** Rows of the README's "Error codes" table: code → status column. */
function documentedCodes(): Map<string, string> {
  const start = readme.indexOf('### Error codes');
  expect(start, 'README.md has a "### Error codes" section').toBeGreaterThan(-1);
  const section = readme.slice(start, readme.indexOf('\n#', start + 1));
  const rows = [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)];
  return new Map(rows.map((row) => [row[1]!, row[2]!.trim()]));
}

describe('error codes', () => {
  it('are all snake_case', () => {
    for (const code of errorCodes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('are each documented in the README with their status, and the README lists no other', () => {
    const documented = documentedCodes();
    expect([...documented.keys()].sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes) {
      const status = errorCatalog[code].status;
      expect(documented.get(code), code).toBe(status === null ? 'Socket.IO `connect_error`' : String(status));
    }
  });

  it('isErrorCode knows the catalogue and nothing else', () => {
    expect(isErrorCode('bad_mode')).toBe(true);
    expect(isErrorCode('bad_durationMs')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
