/**
 * DESIGN.md's dependency directions, enforced: an arrow means "may import", anything else fails `npm test`.
 * kernel <- everything; query and filter-pattern are pure (kernel only, no node:*); protocols never import services;
 * services see ports, never adapters or HTTP; only server imports an adapter; nothing imports server.
 */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    { name: 'kernel-imports-nothing', severity: 'error', from: { path: layer('kernel') }, to: { path: '^src/', pathNot: layer('kernel') } },
    {
      name: 'pure-languages',
      comment: 'query and filter-pattern import only kernel and no node built-ins, so the console can reuse them',
      severity: 'error',
      from: { path: '^src/(query|filter-pattern|metric-math)/', pathNot: '\\.test\\.ts$|/testdata/' },
      to: { pathNot: '^src/(kernel|query|filter-pattern|metric-math)/' },
    },
    {
      name: 'models-are-data',
      severity: 'error',
      from: { path: layer('models') },
      to: { path: '^src/', pathNot: '^src/(kernel|models)/' },
    },
    {
      name: 'protocols-see-only-the-wire',
      severity: 'error',
      from: { path: layer('protocols') },
      to: { path: '^src/', pathNot: '^src/(kernel|models|protocols)/' },
    },
    {
      name: 'auth-sees-only-kernel-and-wire',
      severity: 'error',
      from: { path: layer('auth') },
      to: { path: '^src/', pathNot: '^src/(kernel|auth)/|^src/protocols/wire\\.ts$' },
    },
    {
      name: 'services-see-ports-not-adapters',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: '^src/', pathNot: ['^src/(kernel|models|storage|query|filter-pattern|metric-math|services)/', '^src/providers/[^/]+\\.ts$'] },
    },
    {
      name: 'services-talk-through-index',
      comment: 'one service uses another only through its index.ts',
      severity: 'error',
      from: { path: '^src/services/([^/]+)/' },
      to: { path: '^src/services/', pathNot: ['^src/services/$1/', '^src/services/[^/]+/index\\.ts$', '^src/services/common/'] },
    },
    {
      name: 'storage-ports-are-abstract',
      severity: 'error',
      from: { path: layer('storage'), pathNot: '\\.test\\.ts$|-contract\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(kernel|storage|query)/' },
    },
    {
      name: 'adapters-see-ports',
      severity: 'error',
      from: { path: '^src/storage-[^/]+/' },
      to: { path: '^src/', pathNot: '^src/(kernel|storage|query|filter-pattern|storage-[^/]+)/' },
    },
    {
      name: 'only-server-imports-adapters',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|storage-[^/]+)/' },
      to: { path: '^src/storage-[^/]+/' },
    },
    {
    name: 'only-server-imports-backends',
    comment: 'services see the ModelProvider port (src/providers/*.ts); only server wires a backend implementation',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/(server|providers)/' },
    to: { path: '^src/providers/[^/]+/' },
  },
  { name: 'nothing-imports-server', severity: 'error', from: { pathNot: layer('server') }, to: { path: layer('server') } },
    {
      name: 'providers-see-kernel',
      severity: 'error',
      from: { path: layer('providers') },
      to: { path: '^src/', pathNot: '^src/(kernel|models|providers)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
