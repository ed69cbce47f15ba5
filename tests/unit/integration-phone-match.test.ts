import assert from 'node:assert/strict';
import { it } from 'node:test';
import { phoneDigits, phonesMatch } from '../../src/core/integrations.ts';

it('reduces a phone to digits without the 00 prefix', () => {
  assert.equal(phoneDigits('+39 333 123 4567'), '393331234567');
  assert.equal(phoneDigits('0039 (333) 123-4567'), '393331234567');
  assert.equal(phoneDigits('393331234567'), '393331234567');
});

it('matches the customer’s WhatsApp number to the number on record, however it is written', () => {
  const customer = '393331234567';
  for (const onRecord of ['+39 333 123 4567', '0039 333 1234567', '393331234567', '333 1234567', '333-123-4567']) assert.equal(phonesMatch(customer, onRecord), true, onRecord);
  assert.equal(phonesMatch('4915123456789', '0151 23456789'), true);
  assert.equal(phonesMatch('390212345678', '02 12345678'), true);
});

it('never matches another number', () => {
  const customer = '393331234567';
  for (const onRecord of ['+39 333 123 4568', '+49 333 1234567', '+1 3331234567', '1234567', '', '4567', '+393331234567 1']) assert.equal(phonesMatch(customer, onRecord), false, onRecord);
  assert.equal(phonesMatch('', '393331234567'), false);
  assert.equal(phonesMatch('4933312345678', '+39 333 123 4567'), false);
});
