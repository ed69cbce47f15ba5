import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findPersonalData } from '../../src/pipeline/guard/pii/find-personal-data.ts';
import { findPhoneNumbers } from '../../src/pipeline/guard/pii/phone-numbers.ts';

function found(text: string): string[] {
  return findPhoneNumbers(text).map((span) => text.slice(span.start, span.end));
}

it('finds Italian numbers, mobile and landline, national and international', () => {
  assert.deepEqual(found('chiamami al 3331125366'), ['3331125366']);
  assert.deepEqual(found('il mio numero è 347 324 8624, grazie'), ['347 324 8624']);
  assert.deepEqual(found('fisso 02 17459398 oppure 055 387022'), ['02 17459398', '055 387022']);
  assert.deepEqual(found('+39 333 112 5366'), ['+39 333 112 5366']);
  assert.deepEqual(found('0039 347 3248624'), ['0039 347 3248624']);
  assert.deepEqual(found('mi chiami al 333.112.5366'), ['333.112.5366']);
  assert.deepEqual(findPhoneNumbers('tel 06 71157516'), [{ start: 4, end: 15, type: 'PHONE' }]);
});

it('finds German numbers written with the trunk 0 and international numbers of any country', () => {
  assert.deepEqual(found('Sie erreichen mich unter 0151 70484947'), ['0151 70484947']);
  assert.deepEqual(found('Tel. (030) 18578998'), ['(030) 18578998']);
  assert.deepEqual(found('mobil 0176/17572532'), ['0176/17572532']);
  assert.deepEqual(found('Rückruf an +49 176 17572532'), ['+49 176 17572532']);
  assert.deepEqual(found('call me on +44 20 7946 0958'), ['+44 20 7946 0958']);
  assert.deepEqual(found('US office +1 (213) 373-4253'), ['+1 (213) 373-4253']);
});

it('finds two numbers in one message, also written as a list in one run', () => {
  assert.deepEqual(found('3331125366 oppure 3473248624'), ['3331125366', '3473248624']);
  assert.deepEqual(found('tel. 02 17459398 / 333 1125366'), ['02 17459398', '333 1125366']);
});

it('finds numbers glued to an abbreviation', () => {
  assert.deepEqual(found('tel.3331125366'), ['3331125366']);
  assert.deepEqual(found('Tel.:030 18578998'), ['030 18578998']);
});

it('does not read as phones: order numbers, customer numbers, amounts, dates, times, postcodes, quantities', () => {
  for (const text of [
    'ordine 100234',
    'ordine 3331125366',
    'ordine n. 3471234567 del 3 marzo',
    'Bestellnummer 0301234567',
    'Meine Kundennummer ist 1002345678',
    'order #3331125366',
    'fattura 0212345678',
    'costa 1.500.000 euro',
    'totale € 3331125366',
    'il 12.03.2024 alle 14:30',
    'Geburtsdatum 03.04.1990',
    '2024-03-12 14:30:00',
    'CAP 20121 Milano',
    'PLZ 80331',
    'ne vorrei 12 da 1500 grammi',
    'Rechnungsnummer 2024-00123 vom 05.01.2024',
    'Steuer-ID 01 620 837 655',
  ]) {
    assert.deepEqual(found(text), [], text);
  }
});

it('does not fire on card numbers, IBANs, fiscal codes, VAT numbers or numbers too short to be phones', () => {
  for (const text of ['4111 1111 1111 1111', '4111111111111112', 'IT60 X054 2811 1010 0000 0123 456', 'DE89370400440532013000', 'DE89 3704 0044 0532 0130 01', 'RSSMRA85T10A562S', 'P.IVA 01234567897', 'chiama il 333 12']) {
    assert.deepEqual(found(text), [], text);
  }
  assert.deepEqual(findPersonalData('carta 4111 1111 1111 1111'), [{ start: 6, end: 25, type: 'CREDIT_CARD' }]);
});

it('reports only valid numbers', () => {
  for (const text of ['chiamami al 1234567890', 'tel 0000000000', '+39 123', '+49 0000 000000']) assert.deepEqual(found(text), [], text);
});

it('a piece inside a longer number is not a phone: American Express grouping, groups on both sides', () => {
  assert.deepEqual(found('3776 035656 62403'), []);
  assert.deepEqual(found('carta 3424 045884 27438 ok'), []);
});
