import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The import direction (docs/architecture.md, "Layers"): each part of src/ and what it may import
 * from the rest of src/. Doors → options → pipeline → detect / media / model → domain; observe and
 * report sit beside the stages and see only the domain (report also observe), and so do the exporters
 * (export: COCO records to other annotation formats); the library never imports a door, and the
 * doors do not import each other. The doors reach the library only through its public entry,
 * src/index.ts (and the domain types). `errors` and `version` are leaves.
 */
const LAYERS = {
  domain: [],
  errors: [],
  version: [],
  model: ['domain', 'errors', 'version'],
  media: ['domain', 'errors'],
  detect: ['domain', 'errors', 'model'],
  observe: ['domain', 'errors'],
  report: ['domain', 'errors', 'observe'],
  export: ['domain', 'errors'],
  pipeline: ['domain', 'errors', 'version', 'model', 'media', 'detect', 'observe', 'report', 'export'],
  options: ['domain', 'errors', 'model', 'observe'],
  cost: [],
  doctor: ['domain', 'errors', 'version', 'model', 'media', 'detect'],
  index: ['domain', 'errors', 'version', 'model', 'media', 'detect', 'observe', 'report', 'export', 'pipeline', 'options', 'cost', 'doctor'],
  action: ['domain', 'errors', 'version', 'index'],
  cli: ['domain', 'errors', 'version', 'index'],
};

/**
 * The rooms of src/pipeline/ (docs/architecture.md, "Layers") and the other rooms each may import:
 * the stages below the run (decode, filter, write, output) import no other room; labelling uses the
 * filters' features; the frames already labelled (labelled) are read back as output reads and measured
 * as the filters measure; merge sits above labelling, output and write; diff reads datasets as merge
 * does (merge's reader) and writes nothing. The files directly in
 * src/pipeline/ (the run and one video's processing) may import every room; no room imports them.
 */
const ROOMS = {
  decode: [],
  filter: [],
  output: [],
  write: [],
  label: ['filter'],
  labelled: ['filter', 'output'],
  merge: ['label', 'output', 'write'],
  diff: ['merge', 'output'],
};

/** Parts that are single files directly under src/ (the rest are folders). */
const FILES = new Set(['errors', 'version', 'index']);

/** The relative specifiers that reach `part` from a file `depth` folders below src/ (0: src/ itself). */
function specifiers(part, depth) {
  const prefix = depth === 0 ? './' : '../'.repeat(depth);
  return FILES.has(part) ? [`${prefix}${part}.js`] : [`${prefix}${part}/*`, `${prefix}${part}.js`];
}

function layerPattern(part, depth) {
  const others = Object.keys(LAYERS).filter((other) => other !== part && !LAYERS[part].includes(other));
  return {
    group: others.flatMap((other) => specifiers(other, depth)),
    message: `${LAYERS[part].length > 0 ? `src/${part} may import only ${LAYERS[part].join(', ')}` : `src/${part} imports nothing else in src`} (docs/architecture.md, "Layers")`,
  };
}

function roomPattern(room) {
  const others = Object.keys(ROOMS).filter((other) => other !== room && !ROOMS[room].includes(other));
  return {
    group: [...others.map((other) => `../${other}/*`), '../*.js'],
    message: `src/pipeline/${room} may import ${ROOMS[room].length > 0 ? `only the rooms ${ROOMS[room].join(', ')}` : 'no other room'} of src/pipeline, and not the run above it (docs/architecture.md, "Layers")`,
  };
}

const restricted = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const layerRules = [
  ...Object.keys(LAYERS).flatMap((part) =>
    FILES.has(part)
      ? [{ files: [`src/${part}.ts`], rules: restricted(layerPattern(part, 0)) }]
      : [1, 2].map((depth) => ({ files: [`src/${part}/${'*/'.repeat(depth - 1)}*.ts`], rules: restricted(layerPattern(part, depth)) })),
  ),
  ...Object.keys(ROOMS).map((room) => ({ files: [`src/pipeline/${room}/*.ts`], rules: restricted(layerPattern('pipeline', 2), roomPattern(room)) })),
  // The CLI's entry point sits beside the folders.
  { files: ['src/cli.ts'], rules: restricted(layerPattern('cli', 0)) },
];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'demo-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript files (entry points, configs) run on Node.
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One job per file, small functions (issue 23): the sizes a reader can hold at once.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 350, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // One spelling for a test case.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@jest/globals', importNames: ['it'], message: 'use test, as every other test file does' }] }],
    },
  },
  ...layerRules,
);
