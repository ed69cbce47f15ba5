#!/usr/bin/env node
/** The `centralino` command. */
import { Command } from 'commander';
import { isAppError } from '../core/errors.ts';
import { costsCommand } from './costs-command.ts';
import { demoCommand } from './demo-command.ts';
import { loadDotEnv } from './environment.ts';
import { guardEvalCommand } from './guard/eval-command.ts';
import { kbImportCommand } from './kb/import-command.ts';
import { kbSearchCommand } from './kb/search-command.ts';
import { nluEvalCommand } from './nlu/eval-command.ts';
import { nluTrainCommand } from './nlu/train-command.ts';
import { serveCommand } from './serve-command.ts';
import { simulateCommand } from './simulate/simulate-command.ts';

const program = new Command();
program.name('centralino').description('WhatsApp customer conversations: the cheapest safe answer for every message.');
program
  .command('serve')
  .description('run the engine alone: the webhook at /webhooks/whatsapp, replies through WHATSAPP_API_BASE_URL')
  .action(serveCommand);
program
  .command('demo')
  .description('run engine, Cloud API sandbox and the browser simulator with the demo beauty salon; no keys needed')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
  .option('--fresh', 'start with an empty demo database')
  .action(demoCommand);

program
  .command('simulate')
  .description('replay labelled messages through understand, guard and the router with simulated models: cost per 1,000 conversations, premium share, routes by intent, against all-premium')
  .requiredOption('--traffic <file>', 'JSONL of {"conversation"?, "text", "intent"?} lines, in order')
  .option('--config <file>', 'business YAML (default: CENTRALINO_CONFIG or the demo)')
  .option('--economy <model>', 'economy model id when the config has no llm: section (default gpt-4.1-mini)')
  .option('--premium <model>', 'premium model id when the config has no llm: section (default claude-sonnet-4.5)')
  .option('--labels', "act on each line's labelled intent instead of tier 1's (the router's cost with a perfect tier 1)")
  .option('--json', 'print one JSON object')
  .action(simulateCommand);

const nlu = program.command('nlu').description('the embedded intent classifier: evaluate on data sets, train the configured business');
nlu
  .command('eval')
  .description('train on --train and report accuracy, macro-F1, out-of-scope precision/recall, speed and confusions on --test')
  .requiredOption('--train <file>', 'JSONL of {"text","label"} lines (label "oos" = out of scope)')
  .requiredOption('--test <file>', 'JSONL to evaluate on')
  .option('--valid <file>', 'JSONL to choose the out-of-scope threshold on')
  .option('--target-precision <p>', 'choose the threshold for this precision on --valid instead of the balanced rule')
  .option('--json', 'print one JSON object')
  .action(nluEvalCommand);
nlu
  .command('train')
  .description('train the configured business (CENTRALINO_CONFIG) and report cross-validated accuracy per intent')
  .option('--config <file>', 'business YAML (default: CENTRALINO_CONFIG or the demo)')
  .option('--json', 'print one JSON object')
  .action(nluTrainCommand);

const guard = program.command('guard').description('tier 2, the guard rails: evaluate them on labelled data');
guard
  .command('eval')
  .description('run one rail over --data and report precision, recall, F1, false-positive rate (overall, per language, per type) and throughput')
  .option('--mode <mode>', 'injection | pii | claims', 'injection')
  .requiredOption('--data <file>', 'JSONL: injection {"text","label":"injection"|"benign","lang"?}; pii {"text","entities":[{"type","start","end"}]}; claims {"draft","sources":[...],"label":"allow"|"block","lang"?}')
  .option('--json', 'print one JSON object')
  .action(guardEvalCommand);

const kb = program.command('kb').description('the knowledge base: import FAQ, policies and catalogs; search it as the bot does');
kb
  .command('import <path>')
  .description('import a file or folder (Markdown, YAML, JSON, CSV): prints what was added, changed, removed and rejected (file:line, reason)')
  .option('--config <file>', 'business YAML (default: CENTRALINO_CONFIG or the demo)')
  .option('--data-dir <dir>', 'where the database lives (default: CENTRALINO_DATA_DIR or ./data)')
  .option('--json', 'print one JSON object')
  .option('--strict', 'exit with status 2 when any row was rejected (for scripts and CI)')
  .action(kbImportCommand);
kb
  .command('search <query>')
  .description('the best entries for a customer text, with id, score, source and snippet')
  .option('--lang <code>', 'the text\'s language (default: detected, else every business language)')
  .option('--limit <n>', 'at most this many results', '5')
  .option('--config <file>', 'business YAML (default: CENTRALINO_CONFIG or the demo)')
  .option('--data-dir <dir>', 'where the database lives (default: CENTRALINO_DATA_DIR or ./data)')
  .option('--json', 'print one JSON object')
  .action(kbSearchCommand);

program
  .command('costs')
  .description('the cost ledger: LLM cost and WhatsApp fees per conversation and intent, premium and human shares, escalation rate, saving against all-premium')
  .option('--since <when>', 'only turns and messages from then on: an ISO date or date-time, or 30m, 24h, 7d back from now')
  .option('--by <grouping>', 'intent | route | model | conversation', 'intent')
  .option('--config <file>', 'business YAML, to name the business in the report (default: CENTRALINO_CONFIG, else none)')
  .option('--data-dir <dir>', 'where the database lives (default: CENTRALINO_DATA_DIR or ./data)')
  .option('--json', 'print one JSON object')
  .action((flags: Parameters<typeof costsCommand>[0]) => costsCommand(flags));

loadDotEnv();
program.parseAsync(process.argv).catch((error: unknown) => {
  if (isAppError(error)) {
    console.error(`centralino: ${error.code}: ${error.message}`);
  } else if (error instanceof Error && !process.env.CENTRALINO_DEBUG) {
    console.error(`centralino: ${error.message} (set CENTRALINO_DEBUG=1 for the stack trace)`);
  } else {
    console.error('centralino: unexpected error:', error);
  }
  process.exit(1);
});
