#!/usr/bin/env node
/** The `centralino` command. */
import { Command } from 'commander';
import { isAppError } from '../core/errors.ts';
import { demoCommand } from './demo-command.ts';
import { loadDotEnv } from './environment.ts';
import { serveCommand } from './serve-command.ts';

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

loadDotEnv();
program.parseAsync(process.argv).catch((error: unknown) => {
  if (isAppError(error)) {
    console.error(`centralino: ${error.code}: ${error.message}`);
  } else {
    console.error('centralino: unexpected error:', error);
  }
  process.exit(1);
});
