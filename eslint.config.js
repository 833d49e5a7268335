// Lint: typescript-eslint's recommended rules on every side, Vue's on .vue
// files, and one project rule: raw ipcMain/ipcRenderer only in the two files
// that adapt the typed contract to Electron (as GitHub Desktop does).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import { mayImport } from './scripts/lint/may-import.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-output/', '.native/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', window: 'readonly', document: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // TypeScript already checks names; the core rule does not know DOM or Node types.
      'no-undef': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // Prettier lays out the markup (npm run format); these would fight it.
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // Each folder README's "May import" line, enforced (scripts/lint/may-import.mjs).
    files: ['main/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.vue', 'shared/**/*.ts'],
    plugins: { local: { rules: { 'may-import': mayImport } } },
    rules: { 'local/may-import': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'fs', 'path', 'better-sqlite3', 'vue'] }],
    },
  },
  {
    files: ['main/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.vue'],
    ignores: ['main/ipc/electron-ipc.ts', 'main/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcMain']", message: 'Use the typed contract (main/ipc) instead of ipcMain.' },
        { selector: "Identifier[name='ipcRenderer']", message: 'Use renderer/api instead of ipcRenderer.' },
      ],
    },
  },
);
