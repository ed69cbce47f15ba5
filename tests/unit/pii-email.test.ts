import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findEmails } from '../../src/pipeline/guard/pii/email.ts';

function found(text: string): string[] {
  return findEmails(text).map((span) => text.slice(span.start, span.end));
}

it('finds addresses with dots, plus, dashes, subdomains and non-ASCII letters, with exact spans', () => {
  assert.deepEqual(found('scrivetemi a laura.bianchi92@example.it per la conferma'), ['laura.bianchi92@example.it']);
  assert.deepEqual(found('max_meier+shop@mail.example.de'), ['max_meier+shop@mail.example.de']);
  assert.deepEqual(found('Contact: sarah.o-neil@example.co.uk / tom@example.com'), ['sarah.o-neil@example.co.uk', 'tom@example.com']);
  assert.deepEqual(found('jürgen.müller@beispiel.de'), ['jürgen.müller@beispiel.de']);
  assert.deepEqual(findEmails('mail: a.b@example.org'), [{ start: 6, end: 21, type: 'EMAIL' }]);
});

it('leaves out the punctuation that ends the sentence', () => {
  assert.deepEqual(found('scrivimi a mario.rossi@example.com.'), ['mario.rossi@example.com']);
  assert.deepEqual(found('(mario@example.com), grazie'), ['mario@example.com']);
});

it('does not report what only looks like an address', () => {
  for (const text of ['ci vediamo @ 14:30', 'seguiteci su @centralino', 'mario@localhost', 'a@b', 'user@example.c', 'prezzo 3@5€']) {
    assert.deepEqual(found(text), [], text);
  }
});
