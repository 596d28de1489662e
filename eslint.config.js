import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The import direction (docs/architecture.md, "Layers"): each part of src/ and what it may import
 * from the rest of src/. Doors → options → pipeline → detect / media / model → domain; observe and
 * report sit beside the stages and see only the domain (report also observe), and so do the exporters
 * (export: COCO records to other annotation formats); the library never
 * imports a door, and the doors do not import each other. `errors` and `version` are leaves.
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
  index: ['domain', 'errors', 'version', 'model', 'media', 'detect', 'observe', 'report', 'export', 'pipeline', 'options', 'cost'],
  action: ['domain', 'errors', 'version', 'model', 'media', 'detect', 'observe', 'report', 'export', 'pipeline', 'options', 'cost'],
  cli: ['domain', 'errors', 'version', 'model', 'media', 'detect', 'observe', 'report', 'export', 'pipeline', 'options', 'cost'],
};

/** Parts that are single files directly under src/ (the rest are folders). */
const FILES = new Set(['errors', 'version', 'index']);

/** The relative specifiers that reach `part` from a file in src/<folder>/ (`up`) or in src/ itself. */
function specifiers(part, up) {
  const prefix = up ? '../' : './';
  return FILES.has(part) ? [`${prefix}${part}.js`] : [`${prefix}${part}/*`, `${prefix}${part}.js`];
}

function importRule(part, up) {
  const others = Object.keys(LAYERS).filter((other) => other !== part && !LAYERS[part].includes(other));
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: others.flatMap((other) => specifiers(other, up)),
            message: `${LAYERS[part].length > 0 ? `src/${part} may import only ${LAYERS[part].join(', ')}` : `src/${part} imports nothing else in src`} (docs/architecture.md, "Layers")`,
          },
        ],
      },
    ],
  };
}

const layerRules = [
  ...Object.keys(LAYERS).map((part) =>
    FILES.has(part)
      ? { files: [`src/${part}.ts`], rules: importRule(part, false) }
      : { files: [`src/${part}/**/*.ts`], rules: importRule(part, true) },
  ),
  // The CLI's entry point sits beside the folders.
  { files: ['src/cli.ts'], rules: importRule('cli', false) },
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
  ...layerRules,
);
