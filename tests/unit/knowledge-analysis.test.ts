/** Text analysis of the knowledge base: stems per language, accents, stop words, synonyms, typos, snippets. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, stemOf } from '../../src/knowledge/analyze-text.ts';
import { coverageOf, planQuery } from '../../src/knowledge/query-plan.ts';
import { fuseRanks } from '../../src/knowledge/rank-fusion.ts';
import { makeSnippet } from '../../src/knowledge/snippet.ts';
import { stemmerFor } from '../../src/knowledge/stemming.ts';
import { compileSynonyms } from '../../src/knowledge/synonyms.ts';
import { isValidOn, todayIn } from '../../src/knowledge/today.ts';
import { createSpeller, withinOneEdit } from '../../src/knowledge/typo-correction.ts';

describe('stems', () => {
  const same = (language: string, words: string[]) => {
    const stems = new Set(words.map((word) => stemOf(word, language)));
    assert.equal(stems.size, 1, `${words.join(', ')} → ${[...stems].join(', ')}`);
  };

  it('meet across inflections, with and without accents, in each language', () => {
    same('it', ['reso', 'resi']);
    same('it', ['spedizione', 'spedizioni', 'spedizióne']);
    same('it', ['disponibile', 'disponibili']);
    same('it', ['taglia', 'taglie']);
    same('it', ['città', 'citta']);
    same('de', ['Rücksendung', 'Rücksendungen', 'rucksendungen', 'Ruecksendung']);
    same('de', ['Größe', 'Größen', 'Groesse', 'grosse']);
    same('de', ['Lieferung', 'Lieferungen']);
    same('en', ['return', 'returning', 'returns', 'returned']);
    same('en', ['refund', 'refunds', 'refunded']);
    same('en', ['delivery', 'deliveries']);
  });

  it('keep "Quelle" apart from an umlaut, numbers and short words as written', () => {
    assert.equal(stemmerFor('de')('quelle'), 'quell');
    assert.equal(stemOf('2026', 'it'), '2026');
    assert.equal(stemmerFor('fr')('retours'), 'retours');
  });

  it('leave out stop words and chat filler, and expand chat abbreviations', () => {
    assert.deepEqual(analyze('Ciao, vorrei sapere se posso fare il reso!', 'it'), ['res']);
    assert.deepEqual(analyze('Hallo, wie lange dauert die Lieferung?', 'de'), ['lang', 'dauert', 'liefer']);
    assert.deepEqual(analyze('Hi, can I return the dress please?', 'en'), ['return', 'dress']);
    assert.deepEqual(analyze('qnd arriva il pacco', 'it'), analyze('quando arriva il pacco', 'it'));
  });
});

describe('typo correction', () => {
  it('measures one edit: missing, extra, wrong or swapped letter', () => {
    assert.ok(withinOneEdit('spedizone', 'spedizione'));
    assert.ok(withinOneEdit('spedizzione', 'spedizione'));
    assert.ok(withinOneEdit('spedixione', 'spedizione'));
    assert.ok(withinOneEdit('spedzione', 'spedizione'));
    assert.ok(withinOneEdit('sepdizione', 'spedizione'));
    assert.ok(!withinOneEdit('spdzione', 'spedizione'));
  });

  it('mends a word against the vocabulary, preferring the word in more entries, and splits German compounds', () => {
    const speller = createSpeller({ stems: new Map([['versand', 3], ['kost', 2]]), words: new Map([['spedizione', 4], ['spedizioni', 1], ['annullare', 2]]), entries: 5 });
    assert.equal(speller.correct('spedizone'), 'spedizione');
    assert.equal(speller.correct('anullare'), 'annullare');
    assert.equal(speller.correct('spedizione'), undefined);
    assert.equal(speller.correct('ciao'), undefined);
    assert.deepEqual(speller.split('versandkosten', stemmerFor('de')), ['versand', 'kost']);
    assert.equal(speller.split('zahlungsarten', stemmerFor('de')), undefined);
  });
});

describe('synonyms and query plans', () => {
  const synonyms = compileSynonyms([['reso', 'restituzione', 'rimborso'], ['buono regalo', 'gift card']], 'it');

  it('expands a word or a phrase to its whole group', () => {
    const plan = planQuery('posso fare il reso di un buono regalo?', { language: 'it', entries: 10, knownStems: new Map(), speller: createSpeller({ stems: new Map(), words: new Map(), entries: 0 }), synonyms });
    assert.deepEqual(plan.groups, [[['res'], ['restitu'], ['rimbors']], [['buon', 'regal'], ['gift', 'card']]]);
    assert.deepEqual(plan.searched, plan.groups);
    assert.equal(coverageOf(plan, new Set(['rimbors', 'buon', 'regal'])), 1);
    assert.equal(coverageOf(plan, new Set(['buon'])), 0);
  });

  it('does not search a word most entries hold when the text has a rarer one', () => {
    const knownStems = new Map([['prezz', 90], ['abit', 10], ['lin', 5]]);
    const context = { language: 'it', entries: 100, knownStems, speller: createSpeller({ stems: knownStems, words: new Map(), entries: 100 }), synonyms };
    assert.deepEqual(planQuery('prezzo abito lino', context).searched, [[['abit']], [['lin']]]);
    assert.deepEqual(planQuery('prezzo', context).searched, [[['prezz']]]);
  });
});

describe('snippets, fusion and days', () => {
  it('cuts the best window at word boundaries and marks the matched words', () => {
    const text = `${'Premessa lunga senza parole utili. '.repeat(8)}I resi sono gratuiti entro 30 giorni. Il rimborso arriva in 14 giorni.`;
    const snippet = makeSnippet(text, new Set(['res', 'rimbors']), 'it');
    assert.ok(snippet.text.startsWith('…'), snippet.text);
    assert.match(snippet.text, /I resi sono gratuiti entro 30 giorni\. Il rimborso arriva in 14 giorni\.$/);
    assert.deepEqual(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e)), ['resi', 'rimborso']);
    assert.ok(snippet.text.length <= 202);
    assert.deepEqual(makeSnippet('Testo breve.', new Set(['x']), 'it'), { text: 'Testo breve.', highlights: [] });
  });

  it('fuses ranked lists by reciprocal rank', () => {
    assert.deepEqual(fuseRanks([['a', 'b', 'c'], ['c', 'a']]).map((f) => f.id), ['a', 'c', 'b']);
  });

  it('checks validity on the business calendar', () => {
    assert.equal(todayIn('Europe/Rome', Date.UTC(2026, 11, 31, 23, 30)), '2027-01-01');
    assert.equal(todayIn('Europe/Rome', Date.UTC(2026, 11, 31, 22, 30)), '2026-12-31');
    assert.ok(isValidOn('2026-12-31', undefined, '2026-12-31'));
    assert.ok(!isValidOn('2027-01-01', undefined, '2026-12-31'));
    assert.ok(!isValidOn('2026-06-30', '2026-07-01', undefined));
  });
});
