// The shipped packages (the lockfile's non-dev tree) against a committed snapshot of the security
// advisories that hit them. `npm audit` cannot run here (the registry's bulk advisory endpoint answers
// 405), so the advisories' own data is kept in advisories/shipped-advisories.json; where the endpoint
// answers, `node scripts/refresh-advisories.mjs` replaces the snapshot with its verdict for every
// shipped package.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Advisory {
  id: string;
  package: string;
  summary: string;
  /** npm range syntax as the advisory states it: comparator sets joined by `||`. */
  vulnerable: string;
}

interface Snapshot {
  source: string;
  takenAt: string;
  checkedPackages: string[];
  advisories: Advisory[];
}

const readJson = <T>(relative: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8')) as T;

const snapshot = readJson<Snapshot>('./advisories/shipped-advisories.json');
const lock = readJson<{ packages: Record<string, { version?: string; dev?: boolean }> }>('../../../package-lock.json');

/** Every installed copy of a package that ships (not dev-only), nested copies included. */
function shippedCopies(name: string): { path: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.endsWith(`node_modules/${name}`) && !entry.dev && entry.version)
    .map(([path, entry]) => ({ path, version: entry.version! }));
}

/** Compares semantic versions; a prerelease (5.0.0-alpha.1) sorts before its release. */
function compare(a: string, b: string): number {
  const [mainA = '', preA] = a.split('-', 2);
  const [mainB = '', preB] = b.split('-', 2);
  const numbersA = mainA.split('.').map(Number);
  const numbersB = mainB.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (numbersA[i] !== numbersB[i]) return (numbersA[i] ?? 0) - (numbersB[i] ?? 0);
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

const comparators: Record<string, (order: number) => boolean> = {
  '>=': (order) => order >= 0,
  '>': (order) => order > 0,
  '<=': (order) => order <= 0,
  '<': (order) => order < 0,
  '=': (order) => order === 0,
};

function inRange(version: string, range: string): boolean {
  return range.split('||').some((set) =>
    set
      .trim()
      .split(/\s+/)
      .every((comparator) => {
        const match = /^(>=|<=|>|<|=)?(.+)$/.exec(comparator);
        if (!match) throw new Error(`cannot read the range "${range}"`);
        return comparators[match[1] ?? '=']!(compare(version, match[2]!));
      }),
  );
}

describe('shipped packages against the advisory snapshot', () => {
  it('the snapshot names where its data came from and covers the packages with past advisories', () => {
    expect(snapshot.source).not.toBe('');
    expect(snapshot.checkedPackages).toEqual(expect.arrayContaining(['ws', 'engine.io', 'socket.io-parser', 'socket.io', 'express']));
    for (const advisory of snapshot.advisories) expect(snapshot.checkedPackages).toContain(advisory.package);
  });

  it.each(snapshot.checkedPackages)('%s: no shipped copy falls in an advisory’s vulnerable range', (name) => {
    const copies = shippedCopies(name);
    expect(copies.length, `${name} is not in the lockfile's shipped tree`).toBeGreaterThan(0);
    const vulnerable = copies.flatMap(({ path, version }) =>
      snapshot.advisories
        .filter((advisory) => advisory.package === name && inRange(version, advisory.vulnerable))
        .map((advisory) => `${path}@${version}: ${advisory.id} (${advisory.summary})`),
    );
    expect(vulnerable).toEqual([]);
  });

  it('reads ranges the way npm does, so a vulnerable copy would fail', () => {
    const ws = '>=2.1.0 <5.2.4 || >=6.0.0 <6.2.3 || >=7.0.0 <7.5.10 || >=8.0.0 <8.17.1';
    expect(inRange('8.17.0', ws)).toBe(true);
    expect(inRange('8.9.0', ws)).toBe(true);
    expect(inRange('8.17.1', ws)).toBe(false);
    expect(inRange('8.23.0', ws)).toBe(false);
    expect(inRange('5.0.0-rc.1', '<4.20.0 || >=5.0.0-alpha.1 <5.0.0')).toBe(true);
    expect(inRange('5.3.0', '<4.20.0 || >=5.0.0-alpha.1 <5.0.0')).toBe(false);
    expect(inRange('6.4.1', '<6.4.2 >=5.1.0')).toBe(true);
  });
});
