// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const coreIsPure =
  'src/core is pure domain logic: no I/O, no frameworks, no adapters. Pass data in instead (see docs/architecture.md).';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'data/**', 'dist/**', 'tmp/**', 'src/core/*/phrases/generated.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'net',
                'http',
                'https',
                'child_process',
                'worker_threads',
                'os',
                'process',
              ],
              message: coreIsPure,
            },
            {
              group: ['**/store/**', '**/server/**', '**/web/**', '**/cli/**', '**/connectors/**'],
              message: coreIsPure,
            },
            {
              group: ['fastify', 'fastify/*', '@fastify/*', 'kysely', 'pg', 'better-sqlite3'],
              message: coreIsPure,
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/core never reads the clock: take the time as a parameter.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/core never reads the clock: take the time as a parameter.',
        },
        { selector: "MemberExpression[object.name='process']", message: coreIsPure },
        {
          selector: "CallExpression[callee.object.name='console']",
          message: 'src/core does not log: return findings or results instead.',
        },
        {
          selector: 'FunctionDeclaration[async=true], ArrowFunctionExpression[async=true]',
          message: 'src/core is synchronous: I/O belongs in adapters.',
        },
        {
          selector: "CallExpression[callee.property.name='matchAll']",
          message:
            'Use execAll (src/core/text/exec-all.ts): matchAll clones the expression, and V8 runs the clone in its slow interpreter (docs/benchmarks.md).',
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/connectors/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', '**/cli/**'],
              message:
                'Adapters depend on core only; the server composes them (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
);
