import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emojiOf,
  expandAbbreviations,
  foldText,
  foldTokens,
  normalizeText,
  squeezeElongation,
  tokenize,
} from '../../src/text/normalize-text.ts';

describe('normalizeText: folding', () => {
  const cases: [string, string][] = [
    ['Perché è così?', 'perche e cosi'],
    ['Grüße aus München', 'grusse aus munchen'],
    ['Straße', 'strasse'],
    ['ŒUVRE Æ', 'oeuvre ae'],
    ['ＦＵＬＬ ｗｉｄｔｈ ﬁne', 'full width fine'],
    ["l'appuntamento c'è", 'l appuntamento c e'],
    ['  spazi   e\ttab\nrighe  ', 'spazi e tab righe'],
    ['Quanto costa?!? 💅💅', 'quanto costa'],
    ['#prezzi @salone', 'prezzi salone'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(normalizeText(input), expected));
  }

  it('keeps digits, times and prices as numbers', () => {
    assert.equal(normalizeText('alle 15:30, 20€ + 1000'), 'alle 15 30 20 1000');
    assert.equal(normalizeText('4111 1111 1111 1111'), '4111 1111 1111 1111');
  });

  it('an empty, emoji-only or punctuation-only text is empty', () => {
    assert.equal(normalizeText(''), '');
    assert.equal(normalizeText('👍🙏❤️'), '');
    assert.equal(normalizeText('?!...'), '');
    assert.deepEqual(tokenize('🙏'), []);
  });
});

describe('normalizeText: elongations', () => {
  const cases: [string, string][] = [
    ['grazieeee', 'grazie'],
    ['ciaooo', 'ciao'],
    ['hellooo', 'hello'],
    ['helllllooooo', 'hello'],
    ['goooood morning', 'good morning'],
    ['tuttooo ok', 'tutto ok'],
    ['siiiii', 'si'],
    ['Tschüüüss', 'tschuss'],
    ['neeee', 'nee'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(normalizeText(input), expected));
  }

  it('keeps real double letters and two-letter repeats', () => {
    assert.equal(normalizeText('mille bellissimo appuntamento'), 'mille bellissimo appuntamento');
    assert.equal(normalizeText('hallo kaffee'), 'hallo kaffee');
    assert.equal(squeezeElongation('ciaoo'), 'ciaoo');
  });

  it('keeps German compounds with three consonants, and kisses and web addresses', () => {
    assert.equal(squeezeElongation('schifffahrt'), 'schifffahrt');
    assert.equal(squeezeElongation('kontrollleuchte'), 'kontrollleuchte');
    assert.equal(squeezeElongation('xxx'), 'xxx');
    assert.equal(squeezeElongation('www'), 'www');
  });

  it('does not squeeze digits', () => assert.equal(normalizeText('1000 o 1111'), '1000 o 1111'));
});

describe('normalizeText: chat abbreviations', () => {
  const cases: [string, string][] = [
    ['nn lo so xké', 'non lo so perche'],
    ['cmq grz', 'comunque grazie'],
    ['grazie x tutto', 'grazie per tutto'],
    ["c6? ke fai dmn", 'ci sei che fai domani'],
    ["volevo spostare l'app.to", 'volevo spostare l appuntamento'],
    ['ho mandato un msg', 'ho mandato un messaggio'],
    ['qnd apre qlc', 'quando apre qualcuno'],
    ['vllt morgen, bzw übermorgen', 'vielleicht morgen beziehungsweise ubermorgen'],
    ['kp, evtl z.B. am Montag', 'keine ahnung eventuell zum beispiel am montag'],
    ['danke, lg', 'danke liebe gruesse'],
    ['gn8', 'gute nacht'],
    ['thx u r great', 'thanks you are great'],
    ['pls call me tmrw asap', 'please call me tomorrow as soon as possible'],
    ['idk btw', 'i do not know by the way'],
    ['I sent u a msg abt my appt', 'i sent you a message abt my appointment'],
    ['OKAY', 'ok'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(normalizeText(input), expected));
  }

  it('leaves risky abbreviations alone when the other words do not show the language', () => {
    assert.equal(normalizeText('thanks x'), 'thanks x'); // a kiss, not "per"
    assert.equal(normalizeText('msg'), 'msg'); // messaggio? message? Nachricht?
    assert.equal(normalizeText('2 x 3'), '2 x 3');
  });

  it('"n" before a number is a number sign, not "non"', () => {
    assert.equal(normalizeText('il mio ordine n. 12345'), 'il mio ordine n 12345');
    assert.equal(normalizeText('n lo so'), 'non lo so');
  });

  it('a given language decides the risky ones', () => {
    assert.equal(normalizeText('msg', 'it'), 'messaggio');
    assert.equal(normalizeText('msg', 'de'), 'nachricht');
    assert.equal(normalizeText('msg', 'en'), 'message');
    assert.equal(normalizeText('hab n termin', 'de'), 'hab ein termin');
    assert.equal(normalizeText('x domani', 'it'), 'per domani');
    assert.equal(normalizeText('x domani', 'en'), 'x domani');
    assert.equal(normalizeText('thx', 'it'), 'thanks'); // safe everywhere
  });

  it('expandAbbreviations works on folded tokens and splits multi-word expansions', () => {
    assert.deepEqual(expandAbbreviations(['kp', 'wg', 'termin']), ['keine', 'ahnung', 'wegen', 'termin']);
    assert.deepEqual(tokenize('tysm'), ['thank', 'you', 'so', 'much']);
  });

  it('foldText and foldTokens do not expand', () => {
    assert.equal(foldText('Grazieee x l’app.to!! 🙏'), 'grazie x l appto');
    assert.deepEqual(foldTokens('cmq THX'), ['cmq', 'thx']);
  });
});

describe('emojiOf', () => {
  it('returns whole emoji sequences in order', () => {
    assert.deepEqual(emojiOf('ok 👍🏻 ❤️ 👨‍👩‍👧 🇮🇹 grazie 🙏'), ['👍🏻', '❤️', '👨‍👩‍👧', '🇮🇹', '🙏']);
  });

  it('sees a heart without its variation selector, but not digits or ©', () => {
    assert.deepEqual(emojiOf('❤ 123 © #1'), ['❤']);
  });

  it('is empty for plain text', () => assert.deepEqual(emojiOf('quanto costa?'), []));
});
