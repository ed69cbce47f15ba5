import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { createFileModelCache } from '../../src/storage/files/file-model-cache.ts';

it('keeps models by key, treats a corrupt file as missing, leaves no temporary files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'centralino-models-'));
  try {
    const cache = createFileModelCache(join(dir, 'models'));
    assert.equal(await cache.get('intent-abc'), undefined);
    await cache.put('intent-abc', { weights: [1, 2, 3] });
    assert.deepEqual(await cache.get('intent-abc'), { weights: [1, 2, 3] });
    assert.deepEqual(readdirSync(join(dir, 'models')), ['intent-abc.json']);
    writeFileSync(join(dir, 'models', 'intent-abc.json'), '{"weights": [1, 2');
    assert.equal(await cache.get('intent-abc'), undefined);
    await assert.rejects(cache.put('../escape', {}), /invalid model cache key/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
