// Shipped dependencies against the advisories that hit them (ws, engine.io and socket.io-parser have
// had several). `npm audit` needs the registry's advisory endpoint, which this machine cannot reach,
// so the lockfile is checked offline against each advisory's first fixed version. Run `npm audit
// --omit=dev` where the endpoint answers; add a row here when it reports something new.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Advisory {
  id: string;
  summary: string;
  /** First fixed version in each major line the project could install. */
  fixed: Record<number, string>;
}

const advisories: Record<string, Advisory[]> = {
  ws: [{ id: 'GHSA-3h5v-q93c-6h6q', summary: 'DoS with many HTTP headers', fixed: { 8: '8.17.1' } }],
  'engine.io': [
    { id: 'GHSA-q9mw-68c2-j6m5', summary: 'uncaught exception on a crafted request', fixed: { 6: '6.4.2' } },
  ],
  'socket.io-parser': [
    { id: 'GHSA-cqmj-92xf-r6r9', summary: 'insufficient validation of packets (attachments)', fixed: { 4: '4.2.3' } },
  ],
  'socket.io': [{ id: 'GHSA-25hc-qcg6-38wj', summary: 'unhandled error event', fixed: { 4: '4.6.2' } }],
  cookie: [{ id: 'GHSA-pxg6-pf52-xh8x', summary: 'out-of-bounds characters in name, path and domain', fixed: { 0: '0.7.0', 1: '1.0.0' } }],
  'path-to-regexp': [{ id: 'GHSA-9wv6-86v2-598j', summary: 'backtracking regular expressions', fixed: { 0: '0.1.10', 8: '8.0.0' } }],
  'body-parser': [{ id: 'GHSA-qwcr-r2fm-qrc7', summary: 'DoS with url encoding', fixed: { 1: '1.20.3', 2: '2.0.0' } }],
  express: [{ id: 'GHSA-qw6h-vgh9-j6wx', summary: 'XSS via response.redirect()', fixed: { 4: '4.20.0', 5: '5.0.0' } }],
  send: [{ id: 'GHSA-m6fv-jmcg-4jfg', summary: 'template injection leading to XSS', fixed: { 0: '0.19.0', 1: '1.1.0' } }],
  'serve-static': [{ id: 'GHSA-cm22-4g7w-348p', summary: 'template injection leading to XSS', fixed: { 1: '1.16.0', 2: '2.1.0' } }],
};

const parse = (version: string) => version.split('-')[0]!.split('.').map(Number) as [number, number, number];

function atLeast(version: string, floor: string): boolean {
  const [a, b] = [parse(version), parse(floor)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

interface LockEntry {
  version?: string;
  dev?: boolean;
}

const lock = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package-lock.json', import.meta.url)), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** Every installed copy of a package that ships (not dev-only), nested copies included. */
function shippedCopies(name: string): { path: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.endsWith(`node_modules/${name}`) && !entry.dev && entry.version)
    .map(([path, entry]) => ({ path, version: entry.version! }));
}

describe('shipped dependencies', () => {
  it.each(Object.keys(advisories))('%s is at or past every fixed version of its advisories', (name) => {
    const copies = shippedCopies(name);
    expect(copies.length, `${name} is not in the lockfile's shipped tree`).toBeGreaterThan(0);
    const vulnerable = copies.flatMap(({ path, version }) =>
      advisories[name]!.filter((advisory) => {
        const floor = advisory.fixed[parse(version)[0]];
        return floor === undefined || !atLeast(version, floor);
      }).map((advisory) => `${path}@${version}: ${advisory.id} (${advisory.summary})`),
    );
    expect(vulnerable).toEqual([]);
  });

  it('compares versions as numbers, so a vulnerable copy would fail', () => {
    expect(atLeast('8.17.0', '8.17.1')).toBe(false);
    expect(atLeast('8.9.0', '8.17.1')).toBe(false);
    expect(atLeast('8.23.0', '8.17.1')).toBe(true);
    expect(atLeast('4.2.3', '4.2.3')).toBe(true);
  });
});
