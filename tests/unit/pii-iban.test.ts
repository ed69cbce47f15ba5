import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findPersonalData } from '../../src/pipeline/guard/pii/find-personal-data.ts';
import { findIbans } from '../../src/pipeline/guard/pii/iban.ts';

const VALID = ['DE89370400440532013000', 'IT60X0542811101000000123456', 'IT73S6383368706838076094975', 'GB42NWBK39835885016761', 'NL66ABNA7022138608', 'AT756875813244525616', 'CH7303927125215511893'];

function found(text: string): string[] {
  return findIbans(text).map((span) => text.slice(span.start, span.end));
}

it('finds IBANs of several countries, in one block or in groups of four, any case', () => {
  for (const iban of VALID) {
    const grouped = iban.replace(/(.{4})(?=.)/g, '$1 ');
    assert.deepEqual(found(`IBAN: ${iban}.`), [iban]);
    assert.deepEqual(found(`il mio iban è ${grouped} grazie`), [grouped]);
    assert.deepEqual(found(`iban ${iban.toLowerCase()}`), [iban.toLowerCase()]);
  }
});

it('gives exact spans, several IBANs in a text', () => {
  const text = 'vecchio IT60 X054 2811 1010 0000 0123 456, nuovo DE89370400440532013000';
  assert.deepEqual(findIbans(text), [
    { start: 8, end: 41, type: 'IBAN' },
    { start: 49, end: 71, type: 'IBAN' },
  ]);
});

it('rejects every IBAN with one character changed, and nothing else fires on it', () => {
  for (const iban of VALID) {
    for (let i = 0; i < iban.length; i++) {
      const mutated = iban.slice(0, i) + other(iban[i] ?? '') + iban.slice(i + 1);
      assert.deepEqual(findPersonalData(`IBAN ${mutated} grazie`), [], mutated);
      const grouped = mutated.replace(/(.{4})(?=.)/g, '$1 ');
      assert.deepEqual(findPersonalData(`il mio iban è ${grouped}`), [], grouped);
    }
  }
});

it('rejects too long or too short IBANs and IBANs glued to other text', () => {
  for (const text of ['DE893704004405320130001', 'DE8937040044053201300', 'XDE89370400440532013000', 'DE89370400440532013000X', 'DE89 3704 0044 0532 0130 001', 'IT60  X054 2811 1010 0000 0123 456']) {
    assert.deepEqual(findIbans(text), [], text);
  }
});

function other(char: string): string {
  if (/\d/.test(char)) return String((Number(char) + 3) % 10);
  return char === 'Z' ? 'A' : String.fromCharCode(char.charCodeAt(0) + 1);
}
