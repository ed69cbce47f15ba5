import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fillBody, fillUrl, placeholdersOf } from '../../src/integrations/rest/request-template.ts';

it('fills URL placeholders percent-encoded, absent ones empty', () => {
  assert.equal(fillUrl('https://shop.example/api/orders/{order_number}?phone={phone}', { order_number: 'A/1 #2', phone: '393331234567' }), 'https://shop.example/api/orders/A%2F1%20%232?phone=393331234567');
  assert.equal(fillUrl('/slots?staff={staff_id}', {}), '/slots?staff=');
});

it('fills a body template keeping JSON types for whole placeholders and dropping absent keys', () => {
  const template = { amount: '{amount_cents}', paid: '{granted}', tags: '{add}', memo: 'Order {order_number} for {name}', customer: { name: '{name}', phone: '{phone}' }, list: ['{name}', 1] };
  const vars = { amount_cents: 2000, granted: false, add: ['vip'], order_number: 'A-1', phone: '39333' };
  assert.deepEqual(fillBody(template, vars), { amount: 2000, paid: false, tags: ['vip'], memo: 'Order A-1 for ', customer: { phone: '39333' }, list: [null, 1] });
});

it('lists the placeholders of URL and body templates', () => {
  assert.deepEqual(placeholdersOf('/a/{booking_id}?p={phone}'), ['booking_id', 'phone']);
  assert.deepEqual(placeholdersOf({ a: ['{x}', { b: 'text {y}' }], c: 3, d: null }), ['x', 'y']);
  assert.deepEqual(placeholdersOf('{NotOne} {1x}'), []);
});
