// Refreshes apps/server/test/advisories/shipped-advisories.json from the registry's bulk advisory
// endpoint (the one `npm audit` uses) for every package the lockfile ships. Where the endpoint does
// not answer (some mirrors and sandboxes answer 405), the committed snapshot is left as it is.
// Usage: node scripts/refresh-advisories.mjs

import { readFileSync, writeFileSync } from 'node:fs';

const endpoint = 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk';
const snapshotPath = 'apps/server/test/advisories/shipped-advisories.json';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const shipped = {};
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!path.includes('node_modules/') || entry.dev || entry.link || !entry.version) continue;
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  (shipped[name] ??= new Set()).add(entry.version);
}
const request = Object.fromEntries(Object.entries(shipped).map(([name, versions]) => [name, [...versions]]));

const response = await fetch(endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify(request),
});
if (!response.ok) {
  console.error(`${endpoint} answered ${response.status} ${response.statusText}: ${snapshotPath} is unchanged.`);
  process.exit(1);
}

/** Bulk answer: { name: [{ url, title, severity, vulnerable_versions, … }] } for advisories hitting a sent version. */
const found = await response.json();
const advisories = Object.entries(found).flatMap(([name, list]) =>
  list.map((advisory) => ({
    id: advisory.url.split('/').pop(),
    package: name,
    summary: advisory.title,
    severity: advisory.severity,
    modified: advisory.updated ?? null,
    url: advisory.url,
    vulnerable: advisory.vulnerable_versions,
  })),
);
const snapshot = {
  source: `npm bulk advisory endpoint (${endpoint}) for every shipped package in package-lock.json`,
  takenAt: new Date().toISOString().slice(0, 10),
  checkedPackages: Object.keys(request).sort(),
  advisories,
};
writeFileSync(snapshotPath, `${JSON.stringify(snapshot, null, 2)}\n`);
console.log(`${snapshotPath}: ${Object.keys(request).length} packages checked, ${advisories.length} advisories hit a shipped version.`);
