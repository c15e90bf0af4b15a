// Proves the import-boundary check can fail: the real rule set, run the way `npm run boundaries` runs
// it, on a small tree with one broken rule per file (and on the same tree without them, which passes).

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const depcruise = join(repo, 'node_modules', '.bin', 'depcruise');
const roots: string[] = [];

/** Every file imports what it is given; a file with no imports exports one constant. */
function tree(files: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'loopwire-boundaries-'));
  roots.push(root);
  cpSync(join(repo, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  for (const [path, imports] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    const lines = imports.map((target, index) =>
      target.startsWith('type ') ? `import type { T${index} } from '${target.slice(5)}';` : `import '${target}';`,
    );
    writeFileSync(join(root, path), `${lines.join('\n')}\nexport type T = number;\nexport const value = 1;\n`);
  }
  return root;
}

/** Runs the check exactly as `npm run boundaries` does; reads the rule and file of each error line. */
function check(root: string): { status: number | null; violations: [string, string][] } {
  const run = spawnSync(
    depcruise,
    ['--config', join(repo, '.dependency-cruiser.mjs'), '--output-type', 'err-long', 'apps', 'packages'],
    { cwd: root, encoding: 'utf8' },
  );
  const violations = [...run.stdout.matchAll(/^\s*error (\S+): (\S+) →/gm)].map(([, rule, from]) => [rule!, from!] as [string, string]);
  return { status: run.status, violations: violations.sort() };
}

/** Imports every room may make: on the server core, session, upgrade, deps.ts, its own room, the packages;
 * on the web lib/, design/, its own feature, another feature's index.ts, the registries from lessons and app/. */
const allowed: Record<string, string[]> = {
  'apps/server/src/deps.ts': ['./config.js', './core/errors.js'],
  'apps/server/src/config.ts': [],
  'apps/server/src/server.ts': ['./deps.js', './feed/room.js', './echo/echo.js', './tap/tap.js'],
  'apps/server/src/core/errors.ts': ['./net.js'],
  'apps/server/src/core/net.ts': ['node:net'],
  'apps/server/src/session/sid.ts': ['../core/errors.js'],
  'apps/server/src/upgrade/router.ts': ['../core/errors.js', '../session/sid.js'],
  'apps/server/src/feed/room.ts': ['type ../deps.js', '../core/net.js', '../session/sid.js', '../upgrade/router.js', './hub.js'],
  'apps/server/src/feed/hub.ts': ['../../../../packages/protocol/src/index.js'],
  'apps/server/src/echo/echo.ts': ['type ../deps.js', '../upgrade/router.js'],
  'apps/server/src/tap/tap.ts': ['../core/net.js'],
  'packages/protocol/src/index.ts': [],
  'packages/contract/src/index.ts': ['../../protocol/src/index.js'],
  'packages/contract/src/errors.test.ts': ['node:fs', './index.js'],
  'packages/lessons/src/index.ts': ['../../protocol/src/index.js'],
  'apps/web/src/app/main.ts': ['../features/lessons/page.ts', '../lib/api.ts', '../design/theme.ts', '../widgets/registry.ts'],
  'apps/web/src/design/theme.ts': [],
  'apps/web/src/lib/api.ts': ['../../../../packages/protocol/src/index.js'],
  'apps/web/src/widgets/registry.ts': ['../features/inspector/widget.ts'],
  'apps/web/src/checks/registry.ts': ['../features/inspector/checks.ts', '../lib/api.ts'],
  'apps/web/src/features/inspector/widget.ts': ['./checks.ts', '../../lib/api.ts', '../progress/index.ts'],
  'apps/web/src/features/inspector/checks.ts': ['../../lib/api.ts'],
  'apps/web/src/features/progress/index.ts': ['./store.ts'],
  'apps/web/src/features/progress/store.ts': [],
  'apps/web/src/features/lessons/page.ts': ['../../widgets/registry.ts', '../../checks/registry.ts', '../progress/index.ts'],
};

/** One forbidden import per file, named by the rule it must break. */
const broken: Record<string, [string, string[]]> = {
  'apps/server/src/core/reaches-a-feature.ts': ['server-core-imports-no-room', ['../feed/hub.js']],
  'apps/server/src/core/reaches-the-root.ts': ['server-core-imports-no-room', ['../deps.js']],
  'apps/server/src/session/reaches-a-feature.ts': ['server-session-imports-only-core', ['../tap/tap.js']],
  'apps/server/src/upgrade/reaches-a-feature.ts': ['server-upgrade-imports-only-core-and-session', ['../echo/echo.js']],
  'apps/server/src/feed/reaches-another-feature.ts': ['server-feature-imports-no-other-feature', ['../echo/echo.js']],
  'apps/server/src/echo/reaches-the-root.ts': ['server-rooms-import-no-composition-root', ['../server.js']],
  'packages/lessons/src/reaches-an-app.ts': ['packages-import-no-app', ['../../../apps/server/src/core/net.js']],
  'packages/protocol/src/reaches-node.ts': ['protocol-imports-no-node', ['node:fs']],
  'packages/protocol/src/reaches-a-package.ts': ['protocol-imports-no-other-package', ['../../lessons/src/index.js']],
  'packages/contract/src/reaches-node.ts': ['contract-imports-no-node', ['node:fs']],
  'packages/contract/src/reaches-lessons.ts': ['contract-imports-only-protocol', ['../../lessons/src/index.js']],
  'apps/web/src/lib/reaches-a-feature.ts': ['web-lib-imports-no-feature', ['../features/progress/store.ts']],
  'apps/web/src/design/reaches-a-registry.ts': ['web-lib-imports-no-feature', ['../widgets/registry.ts']],
  'apps/web/src/features/inspector/reaches-the-shell.ts': ['web-nothing-imports-app', ['../../app/main.ts']],
  'apps/web/src/features/inspector/reaches-another-feature.ts': ['web-feature-imports-no-other-feature-internals', ['../progress/store.ts']],
  'apps/web/src/features/inspector/reaches-a-registry.ts': ['web-only-lessons-use-the-registries', ['../../widgets/registry.ts']],
};

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('the import-boundary check', () => {
  it('passes a tree that keeps every rule', () => {
    expect(check(tree(allowed))).toEqual({ status: 0, violations: [] });
  });

  it('fails on each backwards or sideways import, naming the rule and the file', () => {
    const files = { ...allowed, ...Object.fromEntries(Object.entries(broken).map(([path, [, imports]]) => [path, imports])) };
    const result = check(tree(files));
    expect(result.status).not.toBe(0);
    expect(result.violations).toEqual(Object.entries(broken).map(([path, [rule]]) => [rule, path]).sort());
  });

  it('fails on a cycle, even one closed by a type-only import', () => {
    const result = check(tree({ ...allowed, 'apps/server/src/tap/store.ts': ['./tap.js'], 'apps/server/src/tap/tap.ts': ['type ./store.js'] }));
    expect(result.status).not.toBe(0);
    expect(result.violations.map(([rule]) => rule)).toContain('no-cycle');
  });
});
