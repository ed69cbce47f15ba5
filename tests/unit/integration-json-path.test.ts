import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinPath, parsePath, readPath } from '../../src/integrations/rest/json-path.ts';

describe('JSON paths for REST field mappings', () => {
  const document = { data: { order: { status: 'SHIPPED', lines: [{ title: 'Abito' }, { title: 'Foulard' }], note: null } } };

  it('parses keys, indexes in brackets and numeric segments; refuses malformed paths', () => {
    assert.deepEqual(parsePath(''), []);
    assert.deepEqual(parsePath('data.order.status'), ['data', 'order', 'status']);
    assert.deepEqual(parsePath('data.order.lines[1].title'), ['data', 'order', 'lines', 1, 'title']);
    assert.deepEqual(parsePath('lines.0.title'), ['lines', 0, 'title']);
    for (const bad of ['data..order', '.data', 'data.', 'lines[x]', 'a[1']) assert.equal(parsePath(bad), undefined, bad);
  });

  it('reads values, null included, and reports what is missing', () => {
    assert.deepEqual(readPath(document, 'data.order.status'), { found: true, value: 'SHIPPED' });
    assert.deepEqual(readPath(document, 'data.order.lines[1].title'), { found: true, value: 'Foulard' });
    assert.deepEqual(readPath(document, 'data.order.lines.0.title'), { found: true, value: 'Abito' });
    assert.deepEqual(readPath(document, 'data.order.note'), { found: true, value: null });
    assert.deepEqual(readPath(document, ''), { found: true, value: document });
    assert.deepEqual(readPath(document, 'data.order.lines[5].title'), { found: false });
    assert.deepEqual(readPath(document, 'data.order.status.code'), { found: false });
    assert.deepEqual(readPath(document, 'data.toString'), { found: false });
  });

  it('joins paths for messages', () => {
    assert.equal(joinPath('data.order', 'status'), 'data.order.status');
    assert.equal(joinPath('', 'status'), 'status');
    assert.equal(joinPath('slots', '[2]'), 'slots[2]');
  });
});
