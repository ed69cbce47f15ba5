/** Paths and loaders shared by tests. */
import { fileURLToPath } from 'node:url';
import { loadBusinessConfig } from '../../src/config/load-business.ts';
import type { BusinessConfig } from '../../src/config/business-schema.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_CONFIG_PATH = fileURLToPath(new URL('../../examples/beauty-salon/business.yaml', import.meta.url));
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function demoBusiness(): BusinessConfig {
  return loadBusinessConfig(DEMO_CONFIG_PATH);
}
