/** Validity days: an entry is found only from its valid_from to its valid_until, on the business's calendar. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { importFiles, memoryStore } from '../contract/knowledge-fixtures.ts';

const POLICIES = `---
language: it
---
## Saldi estivi
<!-- kb: valid_from: 2026-07-01; valid_until: 2026-08-31 -->
Durante i saldi estivi i capi scontati si cambiano ma non si rimborsano.

## Saldi invernali
<!-- kb: valid_until: 2026-02-28 -->
Durante i saldi invernali i resi sono accettati entro 14 giorni.

## Saldi e promozioni
Le promozioni non sono cumulabili con i saldi.
`;

describe('validity dates', () => {
  it('returns an entry only on the days it holds, today being the business\'s day', async () => {
    const store = memoryStore();
    await importFiles(store, { 'saldi.md': POLICIES });
    let now = Date.UTC(2026, 5, 30, 21, 59); // 23:59 in Rome, 30 June
    const knowledge = createKnowledgeBase({ store, timeZone: 'Europe/Rome', clock: { now: () => now } });
    const titles = async () => (await knowledge.findSources('saldi', 'it')).map((m) => m.title).sort();
    assert.deepEqual(await titles(), ['Saldi e promozioni']);
    now = Date.UTC(2026, 5, 30, 22, 0); // midnight in Rome: 1 July
    assert.deepEqual(await titles(), ['Saldi e promozioni', 'Saldi estivi']);
    now = Date.UTC(2026, 7, 31, 12, 0);
    assert.deepEqual(await titles(), ['Saldi e promozioni', 'Saldi estivi']);
    now = Date.UTC(2026, 8, 1, 12, 0);
    assert.deepEqual(await titles(), ['Saldi e promozioni']);
    assert.deepEqual((await knowledge.findSources('saldi invernali', 'it', { today: '2026-02-28' })).map((m) => [m.title, m.validUntil]), [
      ['Saldi invernali', '2026-02-28'],
      ['Saldi e promozioni', undefined],
    ]);
  });
});
