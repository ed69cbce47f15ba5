import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectLanguage, detectLanguageScores, SUPPORTED_LANGUAGES } from '../../src/text/detect-language.ts';

const CANDIDATES = ['it', 'de', 'en'];

interface Sample {
  text: string;
  language: string;
}

const samples = readFileSync(new URL('../fixtures/language-id.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Sample);

describe('detectLanguage on the evaluation set (tests/fixtures/language-id.jsonl)', () => {
  it('has at least 150 messages, it/de/en about evenly', () => {
    assert.ok(samples.length >= 150);
    for (const language of CANDIDATES) {
      const share = samples.filter((s) => s.language === language).length / samples.length;
      assert.ok(share > 0.3 && share < 0.37, `${language}: ${share}`);
    }
  });

  for (const language of CANDIDATES) {
    it(`gets at least 90% of the ${language} messages right (a sanity bound; bench/language-id.ts measures)`, () => {
      const own = samples.filter((s) => s.language === language);
      const wrong = own.filter((s) => detectLanguage(s.text, CANDIDATES) !== language);
      const accuracy = 1 - wrong.length / own.length;
      assert.ok(accuracy >= 0.9, `${(accuracy * 100).toFixed(1)}%; wrong: ${wrong.map((s) => s.text).join(' | ')}`);
    });
  }
});

describe('detectLanguage on one- to three-word messages', () => {
  const cases: [string, string][] = [
    ['danke', 'de'],
    ['grazie mille', 'it'],
    ['thx', 'en'],
    ['buongiorno', 'it'],
    ['guten Tag', 'de'],
    ['wie viel kostet das', 'de'],
    ['quanto costa', 'it'],
    ['how much', 'en'],
    ['Buongiorno! 😊', 'it'],
    ['ciaooo', 'it'],
    ['hallo', 'de'],
    ['hello', 'en'],
    ['vllt morgen', 'de'],
    ['cmq', 'it'],
    ['where r u', 'en'],
    ['no grazie', 'it'],
    ['nein danke', 'de'],
    ['no thanks', 'en'],
    ['Termin verschieben', 'de'],
    ['disdire appuntamento', 'it'],
    ['cancel appointment', 'en'],
    ['Haarschnitt', 'de'],
  ];
  for (const [text, language] of cases) {
    it(`${JSON.stringify(text)} → ${language}`, () => assert.equal(detectLanguage(text, CANDIDATES), language));
  }
});

describe('detectLanguage without evidence', () => {
  for (const text of ['ok', '👍', '🙏🙏', '14:30', '4111 1111', '', '???', 'haha', 'no', 'si', 'super', 'Marco']) {
    it(`${JSON.stringify(text)} → undefined`, () => assert.equal(detectLanguage(text, CANDIDATES), undefined));
  }
});

describe('detectLanguage and the business languages', () => {
  it('answers only with a candidate: German to an Italian-English business is undefined, not a guess', () => {
    assert.equal(detectLanguage('Guten Morgen, wann habt ihr offen?', ['it', 'en']), undefined);
    assert.equal(detectLanguage('Guten Morgen, wann habt ihr offen?', ['it', 'de']), 'de');
  });

  it('knows French and Spanish so they are not taken for Italian', () => {
    assert.equal(detectLanguage('bonjour, je voudrais un rendez-vous demain', CANDIDATES), undefined);
    assert.equal(detectLanguageScores('bonjour, je voudrais un rendez-vous demain').language, 'fr');
    assert.equal(detectLanguageScores('hola, cuánto cuesta el corte de pelo?').language, 'es');
  });

  it('ignores candidates it does not know', () => assert.equal(detectLanguage('grazie', ['pt', 'it']), 'it'));
});

describe('detectLanguageScores', () => {
  it('gives a probability per supported language, best first, summing to 1, and the evidence', () => {
    const result = detectLanguageScores('Ciao, avete posto sabato?');
    assert.equal(result.language, 'it');
    assert.deepEqual(result.scores.map((s) => s.language).sort(), [...SUPPORTED_LANGUAGES].sort());
    assert.ok(result.scores.every((s, i, all) => i === 0 || (all[i - 1]?.score ?? 0) >= s.score));
    assert.ok(Math.abs(result.scores.reduce((sum, s) => sum + s.score, 0) - 1) < 1e-9);
    assert.ok(result.evidence.words >= 3 && result.evidence.trigrams > 10);
  });

  it('has no scores when nothing counts', () => {
    assert.deepEqual(detectLanguageScores('ok 👍 10:30'), { language: undefined, scores: [], evidence: { words: 0, trigrams: 0 } });
  });

  it('can use one kind of evidence only', () => {
    assert.equal(detectLanguageScores('Haarschnitt', { only: 'trigrams' }).evidence.words, 0);
    assert.equal(detectLanguageScores('Haarschnitt', { only: 'words' }).evidence.trigrams, 0);
  });
});
