// Module layers of ../shared/DESIGN.md, lowest first: an import may point down or sideways within
// its own module, never up, and no file may take part in an import cycle.
const LAYERS = [
  ['config', 'common'],
  ['database'],
  ['auth', 'jobs'],
  ['catalog'],
  ['people'],
  ['evidence'],
  ['signals', 'surveys'],
  ['findings'],
  ['guardrails'],
  ['reports'],
  ['privacy'],
  ['demo'],
  ['web'],
  ['health', 'bootstrap', 'cli', 'app.module.ts', 'main.ts', 'worker.ts', 'cli.ts'],
];

const pathOf = (names) => `^src/(${names.map((n) => n.replace(/\./g, '\\.')).join('|')})(/|$)`;

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-from-${layer.join('-')}`,
  comment: `${layer.join(', ')} sit below ${LAYERS.slice(i + 1)
    .flat()
    .join(', ')}`,
  severity: 'error',
  from: { path: pathOf(layer) },
  to: { path: pathOf(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import loop ties every file in it together',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unknown-module',
      comment: 'every file under src/ belongs to a layer of DESIGN.md',
      severity: 'error',
      from: { path: '^src/', pathNot: pathOf(LAYERS.flat()) },
      to: {},
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
