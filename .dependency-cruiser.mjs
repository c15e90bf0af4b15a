// The import boundaries (docs/ARCHITECTURE.md says why): `npm run boundaries`, a step of `npm test`,
// fails on any import these rules forbid and on any cycle. scripts/boundaries.test.ts proves each rule
// fails on a small tree that breaks it.

const server = '^apps/server/src/';
const web = '^apps/web/src/';
/** Rooms that are features: each may use core, session, upgrade and the packages, never another feature. */
const features = 'tap|feed|echo|loop-lab|security|fanout|scale|web-app';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A cycle (type-only imports included) means two modules cannot be understood, tested or moved apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },

    // ── Server (apps/server/src) ──────────────────────────────────────────────────────────────────
    {
      name: 'server-core-imports-no-room',
      comment: 'core/ is what every room may use, so it imports nothing else of the server.',
      severity: 'error',
      from: { path: `${server}core/` },
      to: { path: server, pathNot: `${server}core/` },
    },
    {
      name: 'server-session-imports-only-core',
      comment: 'session/ (the sid cookie, the redaction policy) sits on core alone.',
      severity: 'error',
      from: { path: `${server}session/` },
      to: { path: server, pathNot: `${server}(core|session)/` },
    },
    {
      name: 'server-upgrade-imports-only-core-and-session',
      comment: 'upgrade/ routes every upgrade; features register with it through ServerDeps, it never imports them.',
      severity: 'error',
      from: { path: `${server}upgrade/` },
      to: { path: server, pathNot: `${server}(core|session|upgrade)/` },
    },
    {
      name: 'server-feature-imports-no-other-feature',
      comment: 'A feature uses core, session, upgrade and the packages; what two features share moves to core.',
      severity: 'error',
      // The scale lab's cluster worker is the entry point of another program (a process of its own),
      // assembled like server.ts: it runs Loopwire's wire tap so the learner sees the cluster's bytes.
      from: { path: `${server}(${features})/`, pathNot: `${server}scale/lab-cluster/worker\\.ts$` },
      to: { path: `${server}(${features})/`, pathNot: `${server}$1/` },
    },
    {
      name: 'server-rooms-import-no-composition-root',
      comment: 'server.ts and main.ts assemble the rooms; a room reaches the others only through ServerDeps (deps.ts).',
      severity: 'error',
      from: { path: `${server}[^/]+/` },
      to: { path: `${server}(server|main)\\.ts$` },
    },

    // ── Packages (packages/*) ─────────────────────────────────────────────────────────────────────
    {
      name: 'packages-import-no-app',
      comment: 'Packages are shared by the apps and the bench, so they never import them.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(apps|bench)/' },
    },
    {
      name: 'protocol-imports-no-node',
      comment:
        'packages/protocol runs in the browser and in Node alike: no Node built-ins (DOM and Node globals are kept out by its tsconfig: lib ES2023, no types).',
      severity: 'error',
      from: { path: '^packages/protocol/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'protocol-imports-no-other-package',
      comment: 'packages/protocol is the bottom layer: the other packages build on it, not the other way round.',
      severity: 'error',
      from: { path: '^packages/protocol/' },
      to: { path: '^packages/', pathNot: '^packages/protocol/' },
    },
    {
      name: 'contract-imports-no-node',
      comment:
        'packages/contract (wire schemas, types, error codes) runs in the browser and in Node alike: no Node built-ins outside its tests.',
      severity: 'error',
      from: { path: '^packages/contract/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-imports-only-protocol',
      comment: 'packages/contract builds on the decoders (packages/protocol) alone: the curriculum and the bench build on it.',
      severity: 'error',
      from: { path: '^packages/contract/' },
      to: { path: '^packages/', pathNot: '^packages/(protocol|contract)/' },
    },

    // ── Web (apps/web/src) ────────────────────────────────────────────────────────────────────────
    {
      name: 'web-lib-imports-no-feature',
      comment:
        'lib/ (the JSON client, the live connection, shared UI, hooks) and design/ (shared styles) are what every feature may use, so they import nothing else of the web app.',
      severity: 'error',
      from: { path: `${web}(lib|design)/` },
      to: { path: web, pathNot: `${web}(lib|design)/` },
    },
    {
      name: 'web-nothing-imports-app',
      comment: 'app/ (entry, routes, shell) assembles the rooms: it may import any of them, and none imports it.',
      severity: 'error',
      from: { path: web, pathNot: `${web}app/` },
      to: { path: `${web}app/` },
    },
    {
      name: 'web-feature-imports-no-other-feature-internals',
      comment: "A feature uses lib/, design/ and the packages; another feature only through that feature's index.ts.",
      severity: 'error',
      from: { path: `${web}features/([^/]+)/` },
      to: { path: `${web}features/`, pathNot: [`${web}features/$1/`, `${web}features/[^/]+/index\\.ts$`] },
    },
    {
      name: 'web-only-lessons-use-the-registries',
      comment:
        'widgets/registry.ts and checks/registry.ts list every feature’s widgets and checks; the lessons feature embeds them, so any other feature using a registry would import its own list.',
      severity: 'error',
      from: { path: `${web}features/`, pathNot: `${web}features/lessons/` },
      to: { path: `${web}(widgets|checks)/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.cts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
