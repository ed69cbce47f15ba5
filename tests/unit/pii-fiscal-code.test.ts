import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findPersonalData } from '../../src/pipeline/guard/pii/find-personal-data.ts';
import { checkCharacter, findFiscalCodes } from '../../src/pipeline/guard/pii/fiscal-code.ts';

const VALID = ['RSSMRA85T10A562S', 'BNCLRA92D55F205E', 'VRDGPP78S03H501S', 'FRRGLI01L62L219H', 'ESPMRC88B09A944E', 'CLMFNC65T30G273U'];

function found(text: string): string[] {
  return findFiscalCodes(text).map((span) => text.slice(span.start, span.end));
}

it('computes the check character', () => {
  assert.equal(checkCharacter('RSSMRA85T10A562'), 'S');
  assert.equal(checkCharacter('MRNLCU90C21F20V'), 'J');
});

it('finds fiscal codes in any case, with spaces between the blocks, with exact spans', () => {
  for (const code of VALID) {
    assert.deepEqual(found(`Il mio codice fiscale è ${code}, grazie`), [code]);
    assert.deepEqual(found(`cf ${code.toLowerCase()}`), [code.toLowerCase()]);
    const spaced = `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6, 11)} ${code.slice(11, 15)} ${code.slice(15)}`;
    assert.deepEqual(found(`CF: ${spaced}.`), [spaced]);
  }
  assert.deepEqual(findFiscalCodes('CF RSSMRA85T10A562S'), [{ start: 3, end: 19, type: 'IT_FISCAL_CODE' }]);
});

it('finds codes with omocodia (letters of LMNPQRSTUV for digits)', () => {
  // MRNLCU90C21F205M with its last digit of the place, then also the day's units, replaced.
  const omocode = 'MRNLCU90C21F20VJ';
  assert.deepEqual(found(`il CF di mio padre è ${omocode}`), [omocode]);
  const more = `MRNLCU90C2MF20V${checkCharacter('MRNLCU90C2MF20V')}`;
  assert.deepEqual(found(more), [more]);
});

it('rejects every code with one character changed, and nothing else fires on it', () => {
  for (const code of VALID) {
    for (let i = 0; i < code.length; i++) {
      const mutated = code.slice(0, i) + other(code[i] ?? '') + code.slice(i + 1);
      assert.deepEqual(findPersonalData(`codice fiscale ${mutated}`), [], mutated);
    }
  }
});

it('rejects impossible days and words that only look like a code', () => {
  const badDay = `RSSMRA85T35A562${checkCharacter('RSSMRA85T35A562')}`;
  for (const text of [badDay, 'RSSMRA85T10A562SX', 'CODICEFISCALE2024', 'il codice è ABCDEF12G34H567I']) assert.deepEqual(findFiscalCodes(text), [], text);
});

function other(char: string): string {
  if (/\d/.test(char)) return String((Number(char) + 1) % 10);
  return char === 'Z' ? 'A' : String.fromCharCode(char.charCodeAt(0) + 1);
}
