import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { InboundMessage } from '../../src/core/message.ts';
import { createMemoryOriginals } from '../../src/storage/memory-originals.ts';

function message(id: string, body: string): InboundMessage {
  return { id, phoneNumberId: 'p', customer: { key: '39333', waId: '39333' }, timestamp: 1, type: 'text', content: { kind: 'text', body }, errors: [], raw: {} };
}

it('keeps unredacted messages in memory until forgotten, expired or pushed out', () => {
  let now = 0;
  const originals = createMemoryOriginals({ clock: { now: () => now }, ttlMs: 1000, max: 2 });
  originals.keep(message('a', 'iban IT60X0542811101000000123456'));
  assert.equal((originals.get('a')?.content as { body: string }).body, 'iban IT60X0542811101000000123456');
  originals.forget('a');
  assert.equal(originals.get('a'), undefined);

  originals.keep(message('b', 'x'));
  originals.keep(message('c', 'y'));
  originals.keep(message('d', 'z'));
  assert.equal(originals.get('b'), undefined, 'the oldest goes first when more than max are kept');
  assert.ok(originals.get('c') && originals.get('d'));
  now = 1001;
  assert.equal(originals.get('c'), undefined, 'expired after ttlMs');
});
