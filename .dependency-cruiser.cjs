// The architecture's import rules, checked by `npm test` (DESIGN.md explains the layers).
// Dependencies point one way: ui → canvas → views → analysis/simulation/formats/history → model.
const PURE = '^src/(model|analysis|simulation|formats|views|collab|history)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'No import cycles.', from: { path: '^(src|workers)/' }, to: { circular: true } },
    {
      name: 'pure-core-has-no-platform',
      severity: 'error',
      comment: 'The pure core is shared by the worker, the CLI and the tests: no UI, canvas, server, files or DOM libraries.',
      from: { path: PURE },
      to: { path: ['^src/(ui|canvas|server|cli|persist|workers-client)/', '^workers/', 'node_modules/(svelte|cytoscape|comlink|y-webrtc|y-websocket|y-indexeddb)/'] },
    },
    {
      name: 'pure-core-no-node-builtins',
      severity: 'error',
      comment: 'Strings and bytes in, plain data out: no node:fs and friends in the pure core.',
      from: { path: PURE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'model-is-the-bottom',
      severity: 'error',
      comment: 'The model depends on nothing of ours.',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'analysis-below-views',
      severity: 'error',
      comment: 'Analysis, simulation and formats are below views: colours and slides are not theirs to know.',
      from: { path: '^src/(analysis|simulation|formats)/' },
      to: { path: '^src/(views|history|collab)/' },
    },
    {
      name: 'only-the-canvas-knows-cytoscape',
      severity: 'error',
      comment: 'One component owns the canvas; everything else goes through it.',
      from: { path: '^src/', pathNot: '^src/canvas/' },
      to: { path: 'node_modules/(@types/)?cytoscape' },
    },
    {
      name: 'canvas-below-ui',
      severity: 'error',
      comment: 'The canvas is framework-free below the UI state: it is told what to draw, it does not read the studio (it may start its layout worker).',
      from: { path: '^src/canvas/' },
      to: { path: '^src/(ui|persist|server|cli)/' },
    },
    {
      name: 'workers-are-entry-points',
      severity: 'error',
      comment: 'Nothing imports a worker entry point except for its type (the page side in src/workers-client), or the CLI its thread script.',
      from: { path: '^src/', pathNot: '^src/cli/thread-pool\\.ts$' },
      to: { path: '^workers/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'worker-clients-in-one-place',
      severity: 'error',
      comment: 'Only src/workers-client starts Web Workers (its clients are what the UI calls), and the CLI its worker_threads pool.',
      from: { path: '^src/', pathNot: ['^src/workers-client/', '^src/cli/thread-pool\\.ts$'] },
      to: { path: '^workers/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.svelte'] },
    exclude: { path: ['node_modules', '\\.svelte\\.ts$/__never__'] },
  },
};
