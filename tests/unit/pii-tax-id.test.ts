import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findPersonalData } from '../../src/pipeline/guard/pii/find-personal-data.ts';
import { findGermanTaxIds, taxIdCheckDigit, taxIdValid } from '../../src/pipeline/guard/pii/tax-id.ts';

const VALID = ['65929970489', '73905348610', '91620837655', '74192108532', '88091736841', '95346827167', '98152674835', '14659379023'];

function found(text: string): string[] {
  return findGermanTaxIds(text).map((span) => text.slice(span.start, span.end));
}

it('computes the ISO 7064 MOD 11,10 check digit and applies the repetition rule', () => {
  assert.equal(taxIdCheckDigit('6592997048'), 9);
  for (const id of VALID) assert.ok(taxIdValid(id), id);
  // Right check digit, wrong repetitions: no digit repeated, two digits repeated, one digit three times in a row.
  for (const first10 of ['1234567890', '1123456688', '1112345678']) assert.equal(taxIdValid(first10 + taxIdCheckDigit(first10)), false, first10);
  assert.equal(taxIdValid(`0${VALID[0]?.slice(1)}`), false);
});

it('finds Steuer-IDs in one block or as 2-3-3-3 groups, with exact spans', () => {
  for (const id of VALID) {
    const spaced = `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8)}`;
    assert.deepEqual(found(`Meine Steuer-ID ist ${id}.`), [id]);
    assert.deepEqual(found(`Steuer-ID: ${spaced}`), [spaced]);
  }
  assert.deepEqual(findGermanTaxIds('IdNr 65 929 970 489'), [{ start: 5, end: 19, type: 'DE_TAX_ID' }]);
});

it('rejects other groupings, longer numbers and numbers glued to letters', () => {
  for (const text of ['659 299 704 89', '659299704891', 'X65929970489', '65 929970 489']) assert.deepEqual(found(text), [], text);
});

it('rejects every Steuer-ID with one digit changed, and nothing else fires on it', () => {
  for (const id of VALID) {
    for (let i = 0; i < id.length; i++) {
      const mutated = id.slice(0, i) + String((Number(id[i]) + 1) % 10) + id.slice(i + 1);
      assert.deepEqual(findPersonalData(`Steuer-ID ${mutated}`), [], mutated);
      const spaced = `${mutated.slice(0, 2)} ${mutated.slice(2, 5)} ${mutated.slice(5, 8)} ${mutated.slice(8)}`;
      assert.deepEqual(findPersonalData(`meine IdNr ist ${spaced}`), [], spaced);
    }
  }
});
