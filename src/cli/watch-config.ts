/**
 * Watches the business YAML: when it changes and still validates, the engine reloads it
 * (re-training the intent model if its examples changed); when it no longer validates, the
 * error is logged with file, line and path, and the running configuration stays.
 */
import { watch, type FSWatcher } from 'node:fs';
import { loadBusinessConfig } from '../config/load-business.ts';
import type { Logger } from '../core/ports.ts';
import type { Engine } from '../main.ts';

const DEBOUNCE_MS = 300;

export function watchBusinessConfig(file: string, engine: Engine, logger: Logger): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    try {
      await engine.reload(loadBusinessConfig(file));
      logger.info({ file }, 'business configuration reloaded');
    } catch (error) {
      logger.error({ file, err: error }, 'business configuration not reloaded: the running one stays');
      console.error(`centralino: ${(error as Error).message}`);
    }
  };
  const watcher = watch(file, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), DEBOUNCE_MS);
  });
  watcher.unref();
  return watcher;
}
