// Lint keeps the layout honest: code runs where its folder says, and logic knows no screen.
//   utils/        pure logic: may not import components/ or entrypoints/
//   components/   UI shared by two or more contexts: may not import entrypoints/
//   entrypoints/X one runtime context: may not import another context's private modules
//   content script: never opens IndexedDB (it would be the page's), so no utils/db and no Dexie
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

export default tseslint.config(
  { ignores: ['.output/**', '.output-bench/**', '.wxt/**', 'node_modules/**', 'public/**', 'tests/artifacts/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/include': ['utils/**', 'components/**', 'entrypoints/**'],
      'boundaries/elements': [
        { type: 'utils', pattern: 'utils' },
        { type: 'components', pattern: 'components' },
        { type: 'entrypoint', pattern: 'entrypoints/*', capture: ['context'] },
      ],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'utils' } },
              disallow: { to: { element: { types: { anyOf: ['components', 'entrypoint'] } } } },
              message: 'utils/ is pure logic: it may not import UI or an entrypoint',
            },
            {
              from: { element: { type: 'components' } },
              disallow: { to: { element: { type: 'entrypoint' } } },
              message: 'components/ is shared UI: it may not import an entrypoint',
            },
            {
              from: { element: { type: 'entrypoint' } },
              disallow: { to: { element: { type: 'entrypoint', captured: { context: '!{{ from.element.captured.context }}' } } } },
              message: "An entrypoint may not import another context's private modules: move shared code to components/ or utils/",
            },
            {
              // The content script's second bundle (injected on demand) runs in the same context.
              from: { element: { type: 'entrypoint', captured: { context: 'content-ui.content' } } },
              allow: { to: { element: { type: 'entrypoint', captured: { context: 'content' } } } },
            },
          ],
        },
      ],
      // Input cleaning strips control characters on purpose.
      'no-control-regex': 'off',
      // `TEST:` labels mark detector example URLs; the build drops them (wxt.config.ts dropLabels).
      'no-unused-labels': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
      // Unused arguments named _x are part of a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['entrypoints/content/**/*.{ts,tsx}', 'entrypoints/content-ui.content/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/utils/db', '**/utils/db', 'dexie'], message: "Content scripts never open IndexedDB (it would be the page's): ask the background." },
          ],
        },
      ],
    },
  },
  {
    // A page script the hostile-page test injects into the fixture page.
    files: ['tests/fixtures/pages/*.js'],
    languageOptions: {
      globals: Object.fromEntries(['window', 'document', 'Element', 'CustomEvent', 'KeyboardEvent', 'MouseEvent'].map((name) => [name, 'readonly'])),
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Response: 'readonly' } },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
