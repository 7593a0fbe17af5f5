import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import house from './scripts/eslint-house-rules.mjs';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'migrations/**', 'web/dist/**', 'jest.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { project: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/platform/config.' },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error; a switch that forgets a case hides one.
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Layers: the platform knows no domain, the domains know no demo (src/demo sits on top of them).
    files: ['src/**/*.ts'],
    plugins: { house },
    rules: { 'house/layers': 'error' },
  },
  {
    // One import style: relative within a folder and below, `src/...` for the rest of src (never ../ into src).
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    plugins: { house },
    rules: { 'house/import-style': 'error' },
  },
  {
    // Another domain's tables are read only in a *.reads.ts file (docs/decisions.md, cross-domain reads).
    files: ['src/modules/**/*.ts'],
    plugins: { house },
    rules: { 'house/cross-domain-reads': 'error' },
  },
  {
    // Every refusal is a catalogued problem (`defineProblems` in a `*.problems.ts`): only the catalogue builds AppErrors.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/errors/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='AppError']",
          message: 'Declare the refusal in the module’s *.problems.ts (defineProblems) and throw its factory.',
        },
      ],
    },
  },
  {
    files: ['src/platform/config/**', 'test/**', 'bench/**', 'drizzle.config.ts', '**/*.spec.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The web page: browser ES modules, served as they are (src/web, copied to dist/web).
    files: ['src/web/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        sessionStorage: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        CustomEvent: 'readonly',
        Node: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    files: ['src/**/engine/**', 'src/**/solver/**'],
    rules: {
      // Engines are pure: nothing from Nest, the database or the queue; of the platform only its seeded randomness, the shop calendar (pure) and starting a worker thread of their own (Node's threads only).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            'drizzle-orm',
            'drizzle-orm/*',
            'postgres',
            'bullmq',
            'src/platform/*',
            '!src/platform/random',
            '!src/platform/time',
            '!src/platform/threads',
          ],
        },
      ],
    },
  },
  // Formatting is prettier's (npm run format); no lint rule argues with it.
  prettier,
);
