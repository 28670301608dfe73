// ESLint for the whole project: typescript-eslint's recommended rules and a few that catch real
// mistakes. No formatting rules: the code's layout is its own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-server-test/**', 'bench/data/**', 'test/fixtures/**', 'test/corpus/**', 'test/corpus-heldout/**', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'warn',
      // Escapes that are not needed still read well in character classes.
      'no-useless-escape': 'off',
      // The scanner and the binary checks look for control characters on purpose.
      'no-control-regex': 'off',
      'no-throw-literal': 'error',
      'no-duplicate-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Namespaces declare each custom message of the protocol once, for both sides.
      '@typescript-eslint/no-namespace': 'off',
      // The CLI and the server read their package.json's version where the bundle runs.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
