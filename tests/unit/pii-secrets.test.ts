import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findSecrets } from '../../src/pipeline/guard/pii/secrets.ts';

function found(text: string): string[] {
  return findSecrets(text).map((span) => text.slice(span.start, span.end));
}

it('finds the value after a PIN, OTP, TAN, CVV or verification code; the span is the value', () => {
  const cases: [string, string][] = [
    ['il mio pin è 1234', '1234'],
    ['PIN: 4321', '4321'],
    ['otp 583920', '583920'],
    ['cvv 123', '123'],
    ['CVC2: 918', '918'],
    ['il codice OTP che mi è arrivato è 904217', '904217'],
    ['codice di sicurezza 778', '778'],
    ['Mein PIN ist 7302', '7302'],
    ['Der Bestätigungscode lautet 381 204', '381 204'],
    ['TAN 663018 eingegeben', '663018'],
    ['the verification code is 558013.', '558013'],
    ['my one-time code: 28461937', '28461937'],
    ['la PIN-Nummer der Karte ist 0917', '0917'],
  ];
  for (const [text, value] of cases) assert.deepEqual(found(text), [value], text);
  assert.deepEqual(findSecrets('PIN: 4321'), [{ start: 5, end: 9, type: 'SECRET' }]);
});

it('finds passwords that contain a digit or a symbol, without the sentence punctuation', () => {
  assert.deepEqual(found('la password è Gatto!2024'), ['Gatto!2024']);
  assert.deepEqual(found('mein Passwort ist sommer123.'), ['sommer123']);
  assert.deepEqual(found('password: Tr0ub4dor&3, grazie'), ['Tr0ub4dor&3']);
  assert.deepEqual(found('la password del mio account è Sole_2023!'), ['Sole_2023!']);
  assert.deepEqual(found('Kennwort "Pa$$wort"'), ['Pa$$wort']);
});

it('finds the answer to a security question', () => {
  assert.deepEqual(found('la risposta segreta è Briciola'), ['Briciola']);
  assert.deepEqual(found('my security answer is Rex'), ['Rex']);
  assert.deepEqual(found('la risposta segreta è il nome del cane'), []);
});

it('finds nothing when the secret is only named', () => {
  for (const text of [
    'I forgot my PIN',
    'come cambio il pin?',
    'PIN vergessen',
    'Wie ändere ich meine PIN?',
    'la password è sbagliata',
    'my password is not working!',
    'Mein Passwort funktioniert nicht mehr',
    'PIN bloccato dal 2023',
    'ho sbagliato il PIN 3 volte',
    'TAN 5,90% e TAEG 6,1%',
    'il codice sconto 2024 non va',
    'reset password per ordine 100234',
  ]) {
    assert.deepEqual(found(text), [], text);
  }
});

it('a word with an elision after "password" is not a password: "non ricordo la password dell\'app"', () => {
  assert.deepEqual(findSecrets("non ricordo la password dell'app"), []);
  assert.deepEqual(findSecrets("ho cambiato la password nell'area clienti"), []);
  assert.equal(findSecrets("la password è Gatt0'x!").length, 1);
});
