/**
 * Import boundaries of ARCHITECTURE.md. `npm test` runs this; a violation fails the build.
 * Modules are ordered; a module may import the index.ts of modules listed before it.
 */
const MODULE_ORDER = [
  'organizations', 'users', 'changes', 'groups', 'decisions', 'goals', 'measures',
  'expectations', 'polls', 'reactions', 'updates', 'chains', 'legitimacy', 'transfer', 'imports', 'exports', 'notifications', 'demo',
];

const laterModules = (i) => MODULE_ORDER.slice(i + 1).join('|');

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'core-imports-nothing', severity: 'error', from: { path: '^src/core/' }, to: { path: '^src/(?!core/)' } },
    { name: 'language-is-pure', severity: 'error', from: { path: '^src/language/' }, to: { path: '^src/(?!core/|language/)' } },
    { name: 'language-no-io', severity: 'error', from: { path: '^src/language/' }, to: { path: '^(fs|node:fs|net|node:net|http|node:http)$', dependencyTypes: ['core'] } },
    { name: 'storage-below-modules', severity: 'error', from: { path: '^src/storage/' }, to: { path: '^src/(modules|web|app|language)/' } },
    {
      name: 'dialects-only-in-storage',
      comment: 'Only storage/dialects knows better-sqlite3 and pg (testing.ts needs pg to make test schemas).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/storage/(dialects/|testing\\.ts)' },
      to: { path: '(^|/)node_modules/(better-sqlite3|pg)/' },
    },
    { name: 'no-dialects-outside-storage', severity: 'error', from: { path: '^src/(?!storage/)' }, to: { path: '^src/storage/dialects/' } },
    {
      name: 'modules-use-storage-index',
      severity: 'error',
      from: { path: '^src/(modules|web|app)/' },
      to: { path: '^src/storage/(?!index\\.ts|testing\\.ts)' },
    },
    { name: 'modules-below-web-and-app', severity: 'error', from: { path: '^src/modules/' }, to: { path: '^src/(web|app)/' } },
    {
      name: 'modules-only-through-index',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/(?!index\\.ts)', pathNot: '^src/modules/$1/' },
    },
    ...MODULE_ORDER.map((name, i) => ({
      name: `module-order-${name}`,
      severity: 'error',
      from: { path: `^src/modules/${name}/` },
      to: { path: `^src/modules/(${laterModules(i) || '$^'})/` },
    })),
    {
      name: 'web-not-storage',
      comment: 'The web layer passes deps through; it may name their types but never call storage.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/storage/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-parts-independent',
      comment: 'portal, editor and api never import each other',
      severity: 'error',
      from: { path: '^src/web/(portal|editor|api)/' },
      to: { path: '^src/web/(portal|editor|api)/', pathNot: '^src/web/$1/' },
    },
    { name: 'nothing-imports-app', severity: 'error', from: { path: '^src/(?!app/)' }, to: { path: '^src/app/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(\\.test\\.tsx?|/testing\\.ts|\\.factory\\.ts)$' },
  },
};
