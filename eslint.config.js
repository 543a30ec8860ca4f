// ESLint runs in `npm test` (scripts/test.mjs). Beside the recommended rules: a complexity
// ceiling, so that a rule function that grows past what a reader can hold gets split along its
// seams into named matchers instead (see the "Hot spots" item of the architecture issue).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated output (as .gitignore lists it) is not linted.
  { ignores: ['dist/**', 'dist-firefox/**', 'dist-cli/**', 'release/**', 'node_modules/**', '.tmp/**', '.prof/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly', chrome: 'readonly', globalThis: 'readonly' } },
    rules: {
      complexity: ['error', { max: 30 }],
      'no-undef': 'off', // TypeScript checks names
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // The background is the archive's one writer and announces every write once (store/changes.ts):
  // our pages, the popup and the content scripts read the store but never write it themselves.
  {
    files: ['src/pages/**/*.{ts,tsx}', 'src/popup/**/*.{ts,tsx}', 'src/content/**/*.{ts,tsx}', 'src/shared/**/*.{ts,tsx}', 'src/reader/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/store', '**/store/*'],
          importNames: [
            'addHighlight', 'updateHighlight', 'removeHighlight', 'putHighlights', 'setReadingState', 'setPosition', 'markOpened', 'putReading',
            'queuePhotos', 'processPhotos', 'dropAllPhotos', 'putPhotos', 'forgetPhotosOf', 'dropOrphanPhotos', 'forgetReadLater', 'importReadLater',
            'announceArchiveChange',
          ],
          message: 'Pages write through the background (src/shared/page-writes.ts, a bg/ message), which announces the change once.',
        }],
      }],
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='archive'][callee.property.name=/^(save|remove|removeAll|undoRemove|setUserTags|setNote|importDispatches)$/]",
        message: 'Pages write through the background (a bg/ message), which announces the change once.',
      }],
    },
  },
);
