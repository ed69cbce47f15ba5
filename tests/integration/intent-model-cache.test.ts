/**
 * The business's intent model at start-up: trained once, cached by the content hash of the
 * examples, loaded from the cache on the next start, trained anew when examples change
 * (also on a live reload).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { PHONE_NUMBER_ID, startHarness } from '../helpers/engine-harness.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

it('trains on first start, loads from the cache on the next, re-trains when the examples change', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'centralino-model-'));
  try {
    const first = await startHarness({ dataDir });
    const trained = first.engine.intentModel();
    assert.ok(trained, 'the demo has enough examples to train a model');
    assert.equal(trained.fromCache, false);
    assert.ok(trained.threshold >= 0 && trained.threshold <= 1);
    assert.ok(trained.report.intents.length >= 9);
    await first.close();
    assert.equal(readdirSync(join(dataDir, 'models')).length, 1);

    const second = await startHarness({ dataDir });
    assert.equal(second.engine.intentModel()?.fromCache, true);
    assert.equal(second.engine.intentModel()?.hash, trained.hash);

    const business = demoBusiness();
    const changed = structuredClone(business);
    changed.intents.location?.examples.it?.push('come ci arrivo in metro?');
    await second.engine.reload(changed);
    assert.equal(second.engine.intentModel()?.fromCache, false);
    assert.notEqual(second.engine.intentModel()?.hash, trained.hash);
    await second.sandbox.phone.send('393339999999', { text: 'ciao' });
    await second.settle();
    const [turn] = await second.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:393339999999` });
    assert.equal(turn?.understanding.intent, 'greeting');
    await second.close();
    assert.equal(readdirSync(join(dataDir, 'models')).length, 2);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
