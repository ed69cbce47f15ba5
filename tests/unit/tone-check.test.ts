import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Formality } from '../../src/pipeline/guard/guard-types.ts';
import { checkTone } from '../../src/pipeline/guard/tone/check-tone.ts';

function found(text: string, language: string, formality: Formality): string[] {
  return checkTone(text, { language, formality }).map((i) => `${i.rule}:${i.found}`);
}

describe('Italian', () => {
  it('formal: flags tu-forms with their spans', () => {
    const text = 'Ciao! Se vuoi, ti mando il link: scrivimi pure.';
    const issues = checkTone(text, { language: 'it', formality: 'formal' });
    assert.deepEqual(issues.map((i) => i.found), ['vuoi', 'ti', 'scrivimi']);
    for (const issue of issues) assert.equal(text.slice(issue.start, issue.end), issue.found);
  });

  it('formal: "sei" the verb is flagged, "sei" the number is not', () => {
    assert.deepEqual(found('Sei disponibile domani?', 'it', 'formal'), ['informal_address:Sei']);
    assert.deepEqual(found('Il pacchetto comprende sei trattamenti; apriamo alle sei.', 'it', 'formal'), []);
  });

  it('formal: whole words only, accents count', () => {
    assert.deepEqual(found('Una tazza di tè, il titolo del tuorlo, tuttavia.', 'it', 'formal'), []);
    assert.deepEqual(found('Per te abbiamo una sorpresa.', 'it', 'formal'), ['informal_address:te']);
  });

  it('formal: ambiguous imperatives only at the start of a clause', () => {
    assert.deepEqual(found('Prenota online, è facile.', 'it', 'formal'), ['informal_address:Prenota']);
    assert.deepEqual(found('Chi prenota online paga meno.', 'it', 'formal'), []);
  });

  it('formal: words inside links and e-mail addresses are ignored', () => {
    assert.deepEqual(found('Scriva a tuo.nome@esempio.it o visiti https://esempio.it/tu/tuo', 'it', 'formal'), []);
  });

  it('informal: Lei-forms, capitals inside a sentence, enclitics, "la/le" before a 1st person verb', () => {
    assert.deepEqual(found('Grazie, Le invio il link e La aspettiamo.', 'it', 'informal'), ['formal_address:Le', 'formal_address:La']);
    assert.deepEqual(found('Possiamo richiamarLa domani?', 'it', 'informal'), ['formal_address:richiamarLa']);
    assert.deepEqual(found('le confermo la prenotazione', 'it', 'informal'), ['formal_address:le']);
    assert.deepEqual(found("Se vuole, puo' passare.", 'it', 'informal'), ['formal_address:vuole', "formal_address:puo'"]);
  });

  it('informal: articles and 3rd person subjects are not Lei', () => {
    assert.deepEqual(found('La borsa è pronta. Le scarpe arrivano domani. Il corriere può tardare.', 'it', 'informal'), []);
    assert.deepEqual(found('Se chiami domani ti diamo tutte le info.', 'it', 'informal'), []);
    assert.deepEqual(found('Trovi la borsa anche da La Rinascente.', 'it', 'informal'), []);
  });

  it('a region in the language code is ignored', () => {
    assert.deepEqual(found('Ti aspettiamo!', 'it-IT', 'formal'), ['informal_address:Ti']);
  });
});

describe('German', () => {
  it('formal: du-forms in any case', () => {
    assert.deepEqual(found('Kannst du uns Deine Nummer schicken? Wir rufen Dich an.', 'de', 'formal'), [
      'informal_address:Kannst', 'informal_address:du', 'informal_address:Deine', 'informal_address:Dich',
    ]);
    assert.deepEqual(found('Ihr Paket kommt morgen. Die Kundin hat ihr Geld zurück.', 'de', 'formal'), []);
  });

  it('informal: capitalised Sie/Ihr inside a sentence and Ihnen anywhere; not at the start of a sentence', () => {
    assert.deepEqual(found('Danke! Wir melden uns bei Ihnen, sobald Sie uns Ihre Nummer geben.', 'de', 'informal'), [
      'formal_address:Ihnen', 'formal_address:Sie', 'formal_address:Ihre',
    ]);
    assert.deepEqual(found('Sie kommen morgen an. Ihr seid toll. Hinweis: Sie sind schon bezahlt.', 'de', 'informal'), []);
    assert.deepEqual(found('Die Pakete? sie sind unterwegs, ihr Status ist gut.', 'de', 'informal'), []);
  });
});

describe('English', () => {
  it('formal: slang is flagged, "u" only in lower case and alone', () => {
    assert.deepEqual(found('Hey! Wanna book? pls tell u r free, btw', 'en', 'formal'), [
      'slang:Hey', 'slang:Wanna', 'slang:pls', 'slang:u', 'slang:btw',
    ]);
    assert.deepEqual(found('Take the U-Bahn, line U2, to the U.S. consulate. Yes, we are here.', 'en', 'formal'), []);
  });

  it('informal: no register rule', () => {
    assert.deepEqual(found('Hey, gonna be great lol', 'en', 'informal'), []);
  });
});

describe('WhatsApp formatting and length', () => {
  it('too_long counts code points: 4096 emoji fit, 4097 do not', () => {
    assert.deepEqual(checkTone('😀'.repeat(4096), { language: 'en', formality: 'formal' }), []);
    const issues = checkTone('😀'.repeat(4097), { language: 'en', formality: 'formal' });
    assert.deepEqual(issues.map((i) => [i.rule, i.start, i.end]), [['too_long', 8192, 8194]]);
  });

  it('markdown WhatsApp does not render, each with its span', () => {
    const text = '# Listino\n**Taglio** 35 €\n![foto](https://x.it/a.jpg)';
    const issues = checkTone(text, { language: 'it', formality: 'formal' });
    assert.deepEqual(issues.map((i) => i.found), ['# Listino', '**Taglio**', '![foto](https://x.it/a.jpg)']);
    for (const issue of issues) assert.equal(text.slice(issue.start, issue.end), issue.found);
  });

  it('unbalanced markers per line; intra-word and spaced markers are plain text', () => {
    assert.deepEqual(found('*Saldi*\n_fino a domenica', 'it', 'formal'), ['unbalanced_markup:_']);
    assert.deepEqual(found('*Saldi\nfino a domenica*', 'it', 'formal'), ['unbalanced_markup:*', 'unbalanced_markup:*']);
    assert.deepEqual(found('file_name_v2, 2*3, a * b, ~10 min, snake_case', 'en', 'formal'), []);
    assert.deepEqual(found('```\ncodice\n```\nok', 'it', 'formal'), []);
  });

  it('other languages get the format rules only', () => {
    assert.deepEqual(found('Bonjour, tu peux **venir**', 'fr', 'formal'), ['markdown_not_supported:**venir**']);
  });

  it('an empty text has no issues', () => {
    assert.deepEqual(checkTone('', { language: 'it', formality: 'formal' }), []);
  });
});

describe('tone-cases.jsonl', () => {
  const lines = readFileSync(new URL('../fixtures/guard/tone-cases.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() !== '');
  it('has at least 30 cases', () => assert.ok(lines.length >= 30));
  for (const [i, line] of lines.entries()) {
    const c = JSON.parse(line) as { text: string; language: string; formality: Formality; rules: string[] };
    it(`${i + 1} ${c.language} ${c.formality}: ${c.text.slice(0, 50).replace(/\n/g, ' ')}`, () => {
      assert.deepEqual(checkTone(c.text, { language: c.language, formality: c.formality }).map((issue) => issue.rule), c.rules);
    });
  }
});
