/**
 * The check every model draft passes before the output rails: it must answer, in the
 * customer's language, without hedging; "a colleague will answer" is a real handoff; next to
 * a proposed change it must not say the change is done.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDraft, type DraftFacts } from '../../src/pipeline/respond/model/self-check.ts';

const facts = (text: string, more: Partial<DraftFacts> = {}): DraftFacts => ({ text, customerText: 'quanto dura il semipermanente?', language: 'it', languages: ['it', 'de', 'en'], cutOff: false, proposes: false, ...more });
const verdict = (text: string, more: Partial<DraftFacts> = {}) => checkDraft(facts(text, more)).verdict;

describe('the draft check', () => {
  it('passes a real answer in the customer language', () => {
    assert.equal(verdict('Il semipermanente dura in media 2-3 settimane: usa i guanti per i lavori di casa.'), 'ok');
    assert.equal(verdict('Die Maniküre hält etwa drei Wochen, wenn Sie Handschuhe tragen.', { language: 'de', customerText: 'wie lange hält das?' }), 'ok');
  });

  it('fails a draft that says nothing: empty, emoji only, punctuation, cut off', () => {
    for (const text of ['', '   ', '😊😊😊😊😊😊', '🏠👍', '...!!!', 'ok 👍']) assert.equal(verdict(text), 'fail', JSON.stringify(text));
    assert.equal(verdict('Il semipermanente dura in media 2-3 settimane e la pul', { cutOff: true }), 'fail');
  });

  it("fails a draft that repeats the customer's message", () => {
    assert.equal(verdict('Quanto dura il semipermanente?'), 'fail');
  });

  it('fails hedges and refusals in it, de and en', () => {
    for (const text of ['Non lo so, mi dispiace tanto.', 'Non saprei dirti con precisione, scusa.', 'Non ho informazioni su questo trattamento.', 'Non posso fornire questo dato in chat.', 'Come intelligenza artificiale non posso consigliarti.']) {
      assert.equal(verdict(text), 'fail', text);
    }
    for (const text of ['Dazu kann ich keine Auskunft geben, tut mir leid.', 'Diese Frage kann ich leider nicht beantworten.', 'Ich weiß es nicht genau, leider.']) {
      assert.equal(verdict(text, { language: 'de' }), 'fail', text);
    }
    for (const text of ["I'm sorry, I can't assist with that request.", 'I cannot provide that information here.', "I don't know the answer to that one."]) {
      assert.equal(verdict(text, { language: 'en' }), 'fail', text);
    }
  });

  it('fails a draft in another language than the customer writes', () => {
    assert.equal(verdict('Gel polish usually lasts two to three weeks with gloves.'), 'fail');
  });

  it('a draft saying a colleague will answer is a handoff', () => {
    assert.equal(verdict('Su questo ti risponde un collega qui in chat al più presto.'), 'handoff');
    assert.equal(verdict('A colleague will reply here shortly with the details.', { language: 'en' }), 'handoff');
    assert.equal(verdict('Ein Kollege wird sich hier bei Ihnen melden.', { language: 'de' }), 'handoff');
  });

  it('next to a proposed change, a draft claiming it is done loses its text (the buttons stay)', () => {
    assert.deepEqual(checkDraft(facts('Fatto! Ti ho già prenotato per sabato, non serve fare altro.', { proposes: true })), { verdict: 'ok', dropText: true });
    assert.deepEqual(checkDraft(facts("Done! You're booked, no need to confirm.", { proposes: true, language: 'en' })), { verdict: 'ok', dropText: true });
    assert.deepEqual(checkDraft(facts('Ho trovato un posto sabato alle 10: confermi con il pulsante?', { proposes: true })), { verdict: 'ok' });
  });

  it('more hedges and hand-overs as models write them', () => {
    for (const [text, language] of [['Purtroppo non dispongo di questa informazione.', 'it'], ['Temo di non poterti aiutare con questa richiesta.', 'it'], ['Leider kann ich Ihnen da nicht weiterhelfen.', 'de'], ["Unfortunately I don't have that information at the moment.", 'en']] as const) {
      assert.equal(verdict(text, { language }), 'fail', text);
    }
    for (const [text, language] of [['Un nostro collega ti risponderà a breve qui in chat.', 'it'], ['Ti ricontatteremo al più presto per sistemare tutto.', 'it'], ['Wir melden uns so schnell wie möglich bei Ihnen.', 'de'], ['Someone will get back to you shortly about this.', 'en'], ['A team member will reply here later today.', 'en']] as const) {
      assert.equal(verdict(text, { language }), 'handoff', text);
    }
  });

  it('an ordinary answer that happens to start with "non so se" or "ich weiß nicht, welche" passes', () => {
    assert.equal(verdict('Non so se hai già provato il semipermanente: dura in media tre settimane.'), 'ok');
    assert.equal(verdict('Ich weiß nicht genau, welche Farbe Sie möchten: wir haben Rot, Nude und Weiß.', { language: 'de' }), 'ok');
  });

  it('next to a proposal, text that fails a check is dropped and the buttons stay', () => {
    for (const text of ['Non lo so, mi dispiace tanto.', 'Un collega ti risponderà qui in chat.', 'I have found a free slot for you on Saturday morning.', 'Ho annullato la tua prenotazione di sabato.', 'Rimborso approvato! Riceverai i soldi sulla carta.']) {
      assert.deepEqual(checkDraft(facts(text, { proposes: true })), { verdict: 'ok', dropText: true }, text);
    }
  });
});
