import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findDatesOfBirth } from '../../src/pipeline/guard/pii/date-of-birth.ts';

function found(text: string): string[] {
  return findDatesOfBirth(text).map((span) => text.slice(span.start, span.end));
}

it('finds dates led by a birth word in Italian, German and English; the span is the date', () => {
  const cases: [string, string][] = [
    ['sono nato il 12/03/1985', '12/03/1985'],
    ['nata a Roma il 3 marzo 1990', '3 marzo 1990'],
    ['data di nascita: 03-11-78', '03-11-78'],
    ['il mio compleanno è il 1° maggio', '1° maggio'],
    ['geboren am 3.4.1990', '3.4.1990'],
    ['Geburtsdatum: 14.02.1983', '14.02.1983'],
    ['geb. 21.09.1987', '21.09.1987'],
    ['Ich bin am 3. April 1990 geboren', '3. April 1990'],
    ['date of birth 12/03/1985', '12/03/1985'],
    ['DOB: 1979-11-23', '1979-11-23'],
    ['I was born on March 3rd, 1990', 'March 3rd, 1990'],
    ['my birthday is 7 June', '7 June'],
    ['12/03/1985 è la mia data di nascita', '12/03/1985'],
  ];
  for (const [text, date] of cases) assert.deepEqual(found(text), [date], text);
  assert.deepEqual(findDatesOfBirth('nato il 12/03/1985'), [{ start: 8, end: 18, type: 'DATE_OF_BIRTH' }]);
});

it('does not report plain dates, times, years or dates far from the birth word', () => {
  for (const text of [
    'appuntamento il 12/03',
    'consegna il 12/03/2024 alle 14:30',
    'a Natale il 24/12/2024',
    'sono nato nel 1985',
    'born in 1990',
    'my birthday party is on Saturday',
    'nato a Milano, ho ordinato il 100234 e poi il 12/03/2024',
    'Termin am 12.03. um 14:30 Uhr',
    'geboren 32.13.1990',
  ]) {
    assert.deepEqual(found(text), [], text);
  }
});
