/**
 * The model cache as JSON files in `<data dir>/models/`. Writes go to a temporary file
 * renamed into place, so a killed process never leaves half a model behind; an unreadable
 * file is treated as missing (the model is trained again).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelCache } from '../../core/model-cache.ts';

const SAFE_KEY = /^[a-zA-Z0-9_.-]{1,200}$/;

export function createFileModelCache(dir: string): ModelCache {
  const pathOf = (key: string): string => {
    if (!SAFE_KEY.test(key)) throw new Error(`invalid model cache key ${JSON.stringify(key)}`);
    return join(dir, `${key}.json`);
  };
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(pathOf(key), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    async put(key, value) {
      await mkdir(dir, { recursive: true });
      const target = pathOf(key);
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, target);
    },
  };
}
