import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findCardNumbers, luhnValid } from '../../src/pipeline/guard/pii/card-numbers.ts';

/** The card rail alone, as these tests read it: every card found replaced by [CARD]. */
function redactCardNumbers(text: string): string {
  return findCardNumbers(text).reduceRight((out, span) => out.slice(0, span.start) + '[CARD]' + out.slice(span.end), text);
}

it('Luhn: valid test cards pass, a changed digit fails', () => {
  for (const card of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '4000056655665556']) assert.ok(luhnValid(card), card);
  assert.equal(luhnValid('4111111111111112'), false);
});

it('finds cards written plain, spaced, dashed, inside text', () => {
  assert.equal(redactCardNumbers('4111111111111111'), '[CARD]');
  assert.equal(redactCardNumbers('la mia carta è 4111 1111 1111 1111 grazie'), 'la mia carta è [CARD] grazie');
  assert.equal(redactCardNumbers('Karte: 5555-5555-5555-4444.'), 'Karte: [CARD].');
  assert.equal(redactCardNumbers('amex 3782 822463 10005'), 'amex [CARD]');
});

it('finds a card followed by an expiry date or a CVV in the same run of digits', () => {
  assert.equal(redactCardNumbers('4111 1111 1111 1111 12/27'), '[CARD] 12/27');
  assert.equal(redactCardNumbers('5555 5555 5555 4444 123'), '[CARD] 123');
  assert.equal(redactCardNumbers('cvv 123 4111 1111 1111 1111'), 'cvv 123 [CARD]');
  assert.equal(findCardNumbers('4111 1111 1111 1111 5555 5555 5555 4444').length, 2);
});

it('leaves alone what is not a card: phone numbers, order numbers, IBAN digits, short numbers', () => {
  for (const text of ['chiamami al 3331234567', '+39 333 123 4567', 'ordine 100234', 'IT60X0542811101000000123456', 'ho 2 appuntamenti il 12/12', '4111 1111 1111 1112']) {
    assert.deepEqual(findCardNumbers(text), [], text);
  }
});
