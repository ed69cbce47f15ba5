import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findCardNumbers } from '../../src/pipeline/guard/pii/card-numbers.ts';
import { findPersonalData } from '../../src/pipeline/guard/pii/find-personal-data.ts';

const VALID = ['4111111111111111', '4560748487535997', '5123633881690795', '372014509245875', '2206906115274082', '6011731898381433'];

it('finds generated Luhn-valid cards with exact spans, plain, spaced and followed by expiry and CVV', () => {
  for (const card of VALID) {
    const spaced = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    assert.deepEqual(findCardNumbers(`carta ${card}`), [{ start: 6, end: 6 + card.length, type: 'CREDIT_CARD' }]);
    const text = `Karte ${spaced} 09/28 123`;
    assert.deepEqual(findPersonalData(text), [{ start: 6, end: 6 + spaced.length, type: 'CREDIT_CARD' }], text);
  }
});

it('rejects every card with one digit changed, and nothing else fires on it', () => {
  for (const card of VALID) {
    for (let i = 0; i < card.length; i++) {
      const mutated = card.slice(0, i) + String((Number(card[i]) + 1) % 10) + card.slice(i + 1);
      assert.deepEqual(findPersonalData(`my card ${mutated} was declined`), [], mutated);
      const spaced = mutated.replace(/(\d{4})(?=\d)/g, '$1 ');
      assert.deepEqual(findPersonalData(`my card ${spaced} was declined`), [], spaced);
    }
  }
});

it('does not read the digits of an IBAN in groups, valid or mistyped, as a card', () => {
  for (const text of ['IBAN DE89 3704 0044 0532 0130 01', 'IT60 X054 2811 1010 0000 0123 457', 'AB12 4111 1111 1111 1111']) {
    assert.deepEqual(findCardNumbers(text), [], text);
  }
  assert.deepEqual(findCardNumbers('la mia N26 4111 1111 1111 1111'), [{ start: 11, end: 30, type: 'CREDIT_CARD' }]);
  assert.deepEqual(findCardNumbers('CF RSSMRA85T10A562S 4111 1111 1111 1111'), [{ start: 20, end: 39, type: 'CREDIT_CARD' }]);
});

it('a long number with a wrong check digit is not a card hiding behind its first group', () => {
  // 19 digits failing Luhn; the 15 digits after the first group happen to pass it.
  assert.deepEqual(findCardNumbers('4599-6282-4511-6856-074'), []);
  assert.deepEqual(findCardNumbers('4332 4234 1974 0174 637'), []);
  // A short group before the card (a CVV written first) still lets the card be found.
  assert.equal(findCardNumbers('cvv 123 4111 1111 1111 1111').length, 1);
});
