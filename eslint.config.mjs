import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

/**
 * Layers import downward only (README 代码结构): renderer → shared; main → backend → shared;
 * shared imports nothing of ours; the backend never imports electron; nothing but main imports raw ipcMain.
 */
const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
})

const BACKEND_FORBIDDEN = ['electron', '**/main/**', '**/preload/**', '**/src/**', '@/*']
const BACKEND_MESSAGE = '后端不能引用 electron 或主进程、界面层'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'offline-kit/**', 'node_modules/**', 'bench/results/**', 'tests/e2e/__screenshots__/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/attribute-hyphenation': 'off',
      'vue/v-on-event-hyphenation': 'off',
    },
  },
  layer(['src/**'], ['**/electron/backend/**', '**/electron/main/**', '**/electron/preload/**', 'electron', 'better-sqlite3', 'node:*'], '界面层只能引用 electron/shared（@shared），不能引用后端或主进程'),
  layer(['electron/shared/**'], ['**/backend/**', '**/main/**', '**/preload/**', '**/src/**', '@/*', 'electron', 'better-sqlite3', 'node:*'], 'shared 是纯 TypeScript，不能引用其他层或 Node/Electron'),
  layer(['electron/backend/boot/**'], BACKEND_FORBIDDEN, BACKEND_MESSAGE),
  // boot/ assembles the backend (startup, dispatcher, handler registry, database open, the worker, CLI and web
  // entries): it imports the areas, never the other way round, so an area can be read and tested without them
  {
    files: ['electron/backend/**'],
    ignores: ['electron/backend/boot/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: BACKEND_FORBIDDEN, message: BACKEND_MESSAGE },
            { group: ['**/boot', '**/boot/**'], message: '业务模块不能引用 boot/（启动、调度、处理器注册表、打开数据库）：依赖只能从 boot 向下' },
          ],
        },
      ],
    },
  },
  // a shipped migration must do forever what it did when it shipped: it may use only what sits in its own folder
  layer(['electron/backend/db/migrations/**'], ['../*', '../../*', '../../../*', '../../../../*', '@shared/*'], '迁移只能使用 migrations/ 文件夹内（含 frozen/）冻结的代码，不能引用今天的业务代码'),
  layer(['electron/preload/**'], ['**/backend/**', '**/src/**', 'better-sqlite3', 'node:*'], 'preload 只暴露 window.api，不引用后端'),
)
