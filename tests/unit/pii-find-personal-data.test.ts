import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { PiiSpan } from '../../src/pipeline/guard/guard-types.ts';
import { findPersonalData, withoutOverlaps } from '../../src/pipeline/guard/pii/find-personal-data.ts';

function typed(text: string): string[] {
  return findPersonalData(text).map((span) => `${span.type}:${text.slice(span.start, span.end)}`);
}

it('finds every kind in one message, sorted by start', () => {
  const text = 'Mario, CF RSSMRA85T10A562S, nato il 10/12/1985, tel 333 112 5366, mail mario@example.com, IBAN DE89370400440532013000, carta 4111 1111 1111 1111 cvv 123';
  assert.deepEqual(typed(text), [
    'IT_FISCAL_CODE:RSSMRA85T10A562S',
    'DATE_OF_BIRTH:10/12/1985',
    'PHONE:333 112 5366',
    'EMAIL:mario@example.com',
    'IBAN:DE89370400440532013000',
    'CREDIT_CARD:4111 1111 1111 1111',
    'SECRET:123',
  ]);
});

it('keeps the checksum-validated finding when spans overlap: a card is not also a secret or a phone', () => {
  assert.deepEqual(typed('il pin della carta 4111 1111 1111 1111'), ['CREDIT_CARD:4111 1111 1111 1111']);
  // 12358990740 passes both the partita IVA and the Steuer-ID checks: the context word decides.
  assert.deepEqual(typed('P.IVA 12358990740'), ['IT_VAT:12358990740']);
  assert.deepEqual(typed('IdNr 12358990740'), ['DE_TAX_ID:12358990740']);
  // 32018651476 is also a valid Italian mobile number.
  assert.deepEqual(typed('Steuer-ID: 32018651476'), ['DE_TAX_ID:32018651476']);
});

it('withoutOverlaps: stronger type first, then the longer span, result sorted by start', () => {
  const spans: PiiSpan[] = [
    { start: 0, end: 10, type: 'PHONE' },
    { start: 5, end: 20, type: 'CREDIT_CARD' },
    { start: 20, end: 24, type: 'SECRET' },
    { start: 30, end: 35, type: 'PHONE' },
    { start: 30, end: 40, type: 'PHONE' },
  ];
  assert.deepEqual(withoutOverlaps(spans), [
    { start: 5, end: 20, type: 'CREDIT_CARD' },
    { start: 20, end: 24, type: 'SECRET' },
    { start: 30, end: 40, type: 'PHONE' },
  ]);
});

it('finds nothing in messages that only look risky', () => {
  for (const text of [
    'I forgot my PIN',
    'come cambio il pin?',
    'PIN vergessen',
    'appuntamento il 12/03 alle 14:30',
    'ordine 100234, totale 1.250,00 €',
    'CAP 20121, 3 pezzi a 19,99',
    'Bestellnummer 4711 0815 vom 05.01.2024',
    'Order #100234 shipped on 2024-05-06 at 10:30',
    'ne vorrei 1500, consegna entro il 30/06',
    'la password è sbagliata',
    'Ciao! Avete ancora la taglia 42?',
    '',
  ]) {
    assert.deepEqual(findPersonalData(text), [], text);
  }
});
