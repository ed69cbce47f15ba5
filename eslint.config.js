// Lint rules, including the folder import rules of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Folders a stage must not import from, relative to src/. A folder also obeys the bans of
 * every configured folder that contains it (src/pipeline/understand obeys src/pipeline's).
 */
const forbidden = {
  core: ['config', 'channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'llm', 'knowledge', 'integrations', 'metrics', 'automations'],
  config: ['channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli'],
  'channels/whatsapp': ['pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'config'],
  pipeline: ['channels', 'storage', 'conversations', 'sandbox', 'console', 'cli'],
  'pipeline/understand': ['pipeline/guard', 'pipeline/respond'],
  'pipeline/guard': ['pipeline/understand', 'pipeline/respond'],
  'pipeline/respond': ['pipeline/understand', 'pipeline/guard'],
  storage: ['config', 'channels', 'pipeline', 'conversations', 'sandbox', 'console', 'cli'],
  conversations: ['storage', 'sandbox', 'console', 'cli', 'channels', 'pipeline'],
  sandbox: ['config', 'pipeline', 'storage', 'conversations', 'console', 'cli'],
  console: ['storage', 'pipeline', 'conversations', 'sandbox', 'cli', 'channels'],
  // Text tools shared by the stages (normalisation, language detection, the linear classifier): core only.
  text: ['config', 'channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'llm', 'knowledge', 'integrations', 'metrics', 'automations'],
  // Knowledge base: import, stemming, ranking; the SQL lives in storage (a port in core).
  knowledge: ['channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'llm', 'integrations'],
  // Orders, bookings, CRM, tickets, payments: ports in core, REST adapters here, built-in ones in storage.
  integrations: ['channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'llm', 'knowledge'],
  // The cost ledger's reports and WhatsApp fees: pure functions over core types.
  metrics: ['config', 'channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'llm', 'knowledge', 'integrations', 'automations'],
  // Providers, prices and costs: core and config only.
  llm: ['channels', 'pipeline', 'storage', 'conversations', 'sandbox', 'console', 'cli', 'knowledge', 'integrations', 'metrics', 'automations'],
};

const folders = Object.keys(forbidden);

function contains(ancestor, folder) {
  return folder === ancestor || folder.startsWith(`${ancestor}/`);
}

/** Every ban that applies to a folder (its own and its ancestors'), each with the folder that set it. */
function bansOf(folder) {
  const bans = new Map();
  for (const owner of folders.filter((candidate) => contains(candidate, folder))) {
    for (const target of forbidden[owner]) if (!bans.has(target)) bans.set(target, owner);
  }
  return bans;
}

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Regexes for the specifiers that reach src/<target> from a file anywhere below src/<folder>:
 * at least as many `../` as the folders to climb, then the path of the target, in full
 * (`../../pipeline/guard/x.ts`) or, for a target in a shared ancestor, from that ancestor
 * (`../guard/x.ts` from inside src/pipeline/).
 */
function targetRegexes(folder, target) {
  const from = folder.split('/');
  const to = target.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared += 1;
  const regexes = [`(^|/)(\\.\\./){${from.length},}(src/)?${escapeRegex(target)}(/|$)`];
  if (shared > 0) {
    const climb = from.length - shared;
    const up = climb === 0 ? '(\\./|(\\.\\./)+)' : `(\\./)?(\\.\\./){${climb},}`;
    regexes.push(`^${up}${escapeRegex(to.slice(shared).join('/'))}(/|$)`);
  }
  return regexes;
}

/**
 * One block per configured folder with ONE merged rule (in flat config a later
 * `no-restricted-imports` for the same file replaces the earlier one): the files of deeper
 * configured folders are left to their own block, which carries these bans too.
 */
const importRules = folders.map((folder) => ({
  files: [`src/${folder}/**/*.ts`],
  ignores: folders.filter((other) => other !== folder && contains(folder, other)).map((other) => `src/${other}/**`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [...bansOf(folder)].flatMap(([target, owner]) =>
          targetRegexes(folder, target).map((regex) => ({
            regex,
            message: `src/${folder} may not import from src/${target} (${owner === folder ? '' : `rule of src/${owner}, `}see docs/architecture.md).`,
          })),
        ),
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
