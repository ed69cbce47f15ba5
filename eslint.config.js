// Lint rules, including the folder import rules of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders a stage must not import from, relative to src/. */
const forbidden = {
  core: ['config', 'channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'llm', 'knowledge', 'integrations', 'metrics', 'automations'],
  config: ['channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli'],
  'channels/whatsapp': ['pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'config'],
  pipeline: ['channels', 'storage', 'conversations', 'sandbox', 'console', 'cli'],
  'pipeline/understand': ['pipeline/guard', 'pipeline/respond'],
  'pipeline/guard': ['pipeline/understand', 'pipeline/respond'],
  'pipeline/respond': ['pipeline/understand', 'pipeline/guard'],
  storage: ['config', 'channels', 'pipeline', 'conversations', 'sandbox', 'console', 'cli'],
  conversations: ['storage', 'sandbox', 'console', 'cli', 'channels'],
  sandbox: ['config', 'pipeline', 'storage', 'conversations', 'console', 'cli'],
  console: ['storage', 'pipeline', 'conversations', 'sandbox', 'cli', 'channels'],
};

const importRules = Object.entries(forbidden).map(([folder, banned]) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((target) => ({
          regex: `(^|/)(\\.\\./)+(src/)?${target.replace('/', '\\/')}(/|$)`,
          message: `src/${folder} may not import from src/${target} (see docs/architecture.md).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/console/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', URLSearchParams: 'readonly', localStorage: 'readonly', console: 'readonly', location: 'readonly', Intl: 'readonly', Date: 'readonly' } },
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  ...importRules,
);
