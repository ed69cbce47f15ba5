import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findPersonalData } from '../../src/pipeline/guard/pii/find-personal-data.ts';
import { findVatNumbers, vatNumberValid } from '../../src/pipeline/guard/pii/vat-number.ts';

const VALID = ['14739670157', '53997980585', '65764760370', '17622760019', '16767390632', '51557650481', '56521800211'];

function found(text: string): string[] {
  return findVatNumbers(text).map((span) => text.slice(span.start, span.end));
}

it('checks the Luhn digit and the provincial office code', () => {
  for (const vat of VALID) assert.ok(vatNumberValid(vat), vat);
  assert.equal(vatNumberValid('14739670158'), false);
  // Luhn-valid, but office 789 does not exist.
  assert.equal(vatNumberValid('01234567897'), false);
});

it('finds a partita IVA after a context word or with the IT prefix, with exact spans', () => {
  const [a = '', b = '', c = ''] = VALID;
  assert.deepEqual(found(`P.IVA ${a}`), [a]);
  assert.deepEqual(found(`partita iva: ${a}`), [a]);
  assert.deepEqual(found(`la nostra partita IVA è ${b}`), [b]);
  assert.deepEqual(found(`C.F. e P.IVA ${c}`), [c]);
  assert.deepEqual(found(`VAT number ${a}`), [a]);
  assert.deepEqual(found(`USt-IdNr.: IT${b}`), [`IT${b}`]);
  assert.deepEqual(found(`fattura a IT ${c} grazie`), [`IT ${c}`]);
  assert.deepEqual(findVatNumbers(`PIVA ${a}`), [{ start: 5, end: 16, type: 'IT_VAT' }]);
});

it('does not report a valid number without context or prefix (one in a hundred random numbers passes)', () => {
  for (const vat of VALID) assert.deepEqual(found(`il numero è ${vat}`), [], vat);
  assert.deepEqual(found(`send it ${VALID[0]}`), []);
});

it('rejects every partita IVA with one digit changed, and nothing else fires on it', () => {
  for (const vat of VALID) {
    for (let i = 0; i < vat.length; i++) {
      const mutated = vat.slice(0, i) + String((Number(vat[i]) + 1) % 10) + vat.slice(i + 1);
      assert.deepEqual(findPersonalData(`P.IVA ${mutated}`), [], mutated);
      assert.deepEqual(findPersonalData(`VAT IT${mutated}`), [], mutated);
    }
  }
});
