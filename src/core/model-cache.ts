/**
 * Where trained models are kept between runs, keyed by a content hash of what they were
 * trained from: the same examples never train twice, changed examples train anew.
 */
export interface ModelCache {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

/** A cache that keeps nothing (tests, or a read-only disk). */
export const noModelCache: ModelCache = {
  get: () => Promise.resolve(undefined),
  put: () => Promise.resolve(),
};
