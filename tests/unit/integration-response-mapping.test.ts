import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapShape, opt, req, unknownFields } from '../../src/integrations/rest/response-mapping.ts';
import type { Shape } from '../../src/integrations/rest/response-mapping.ts';

const SHAPE: Shape = {
  id: req('string'),
  status: req({ type: 'enum', values: ['open', 'closed'] }),
  total: opt('money'),
  at: opt('time'),
  day: opt('date'),
  opens: opt('clock'),
  count: opt('integer'),
  flag: opt('boolean'),
  tags: opt('strings'),
  lines: opt({ type: 'list', shape: { text: req('string'), at: req('time') } }),
};

describe('mapping a remote answer into our fields', () => {
  it('converts each kind: numbers to text, major units to cents, ISO and epoch seconds to ms', () => {
    const answer = { ref: 42, state: 'O', money: '49,90', when: 1_750_000_000, day: '2026-06-02T10:00:00Z', opens: '09:30:00', n: '3', flag: 'true', labels: ['a', 7], msgs: [{ body: 'hi', ts: '2026-06-01T08:00:00.000Z' }] };
    const mapped = mapShape(answer, SHAPE, {
      id: 'ref', status: { path: 'state', map: { O: 'open', C: 'closed' } }, total: { path: 'money', unit: 'major' }, at: { path: 'when', unit: 's' },
      count: 'n', tags: 'labels', lines: { path: 'msgs', fields: { text: 'body', at: 'ts' } },
    }, 'data');
    assert.deepEqual(mapped, {
      ok: true,
      value: { id: '42', status: 'open', total: 4990, at: 1_750_000_000_000, day: '2026-06-02', opens: '09:30', count: 3, flag: true, tags: ['a', '7'], lines: [{ text: 'hi', at: Date.parse('2026-06-01T08:00:00Z') }] },
    });
  });

  it('defaults each mapping to the field’s own name and leaves absent optional fields out', () => {
    assert.deepEqual(mapShape({ id: 'x', status: 'closed', total: null }, SHAPE, {}, ''), { ok: true, value: { id: 'x', status: 'closed' } });
  });

  it('names the path of a missing required field, a wrong kind, an unmapped value and a bad list item', () => {
    const problem = (answer: unknown, mappings = {}) => {
      const result = mapShape(answer, SHAPE, mappings, 'data.ticket');
      return result.ok ? 'ok' : result.problem;
    };
    assert.equal(problem({ status: 'open' }), 'the answer has no `data.ticket.id` (mapped to id)');
    assert.equal(problem({ id: 'x', status: 'open', total: 49.9 }), '`data.ticket.total` is 49.9, not an amount in cents (set unit: major for 49.90)');
    assert.equal(problem({ id: 'x', status: 'WAITING' }, { status: { path: 'status', map: { NEW: 'open' } } }), '`data.ticket.status` is "WAITING", which the map of this field does not cover');
    assert.equal(problem({ id: 'x', status: 'pending' }), '`data.ticket.status` is "pending", which maps to none of open, closed');
    assert.equal(problem({ id: 'x', status: 'open', lines: [{ text: 'a', at: 'yesterday' }] }), '`data.ticket.lines[0].at` is "yesterday", not a time (ISO 8601 or epoch milliseconds)');
    assert.equal(problem(['not', 'an', 'object']), '`data.ticket` is ["not","an","object"], not an object');
  });

  it('finds mapping keys that are not fields, also inside lists', () => {
    assert.deepEqual(unknownFields(SHAPE, { id: 'a', state: 'b', lines: { path: 'm', fields: { body: 'x' } }, total: { path: 't', fields: {} } }), ['state', 'lines.body', 'total.fields']);
  });
});
