/** Reads an optional .env file (real environment variables win) before settings are parsed. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function loadDotEnv(file = '.env'): string | undefined {
  const path = resolve(file);
  if (!existsSync(path)) return undefined;
  process.loadEnvFile(path);
  return path;
}
