import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSmallTalk, type SmallTalkKind } from '../../src/text/small-talk.ts';

function expectSmallTalk(text: string, kind: SmallTalkKind, language?: string): void {
  const result = detectSmallTalk(text);
  assert.ok(result, `${JSON.stringify(text)} should be small talk`);
  assert.equal(result.kind, kind, JSON.stringify(result));
  assert.equal(result.language, language, JSON.stringify(result));
}

describe('detectSmallTalk: whole messages that are small talk', () => {
  const cases: [string, SmallTalkKind, string | undefined][] = [
    // greetings
    ['Ciao!', 'greeting', 'it'],
    ['ciaooo', 'greeting', 'it'],
    ['buongiorno a tutti', 'greeting', 'it'],
    ['Guten Morgen', 'greeting', 'de'],
    ['Hallo zusammen 👋', 'greeting', 'de'],
    ['good morning!', 'greeting', 'en'],
    ['hey', 'greeting', undefined],
    // thanks
    ['grazie mille!!', 'thanks', 'it'],
    ['grz x tt', 'thanks', 'it'],
    ['grazie per la disponibilità', 'thanks', 'it'],
    ['grazie ancora ragazze, siete state gentilissime', 'thanks', 'it'],
    ['danke schön', 'thanks', 'de'],
    ['Vielen lieben Dank 🙏', 'thanks', 'de'],
    ['thx', 'thanks', 'en'],
    ['thanks so much 🙏', 'thanks', 'en'],
    ['thank youuuu you guys are the best', 'thanks', 'en'],
    ['ok grazie', 'thanks', 'it'],
    ['super danke', 'thanks', 'de'],
    // acknowledgements
    ['ok perfetto', 'ack', 'it'],
    ['va bene', 'ack', 'it'],
    ['alles klar', 'ack', 'de'],
    ['passt', 'ack', 'de'],
    ['got it', 'ack', 'en'],
    ['ok', 'ack', undefined],
    ['okkk', 'ack', undefined],
    ['ok 👍🏻', 'ack', undefined],
    ['k', 'ack', undefined],
    ['no problem', 'ack', 'en'],
    // goodbyes
    ['buona giornata!', 'goodbye', 'it'],
    ['ok a sabato', 'goodbye', 'it'],
    ['alles klar, bis morgen', 'goodbye', 'de'],
    ['tschüss', 'goodbye', 'de'],
    ['see you tomorrow!', 'goodbye', 'en'],
    ['bye bye', 'goodbye', 'en'],
    // laughter
    ['haha', 'laugh', undefined],
    ['ahahahah', 'laugh', undefined],
    ['lol', 'laugh', undefined],
    ['xD', 'laugh', undefined],
    // yes / no
    ['sì', 'yes', 'it'],
    ['sii', 'yes', 'it'],
    ['si grazie', 'yes', 'it'],
    ['ja gerne', 'yes', 'de'],
    ['genau', 'yes', 'de'],
    ['yes please', 'yes', 'en'],
    ['yep', 'yes', 'en'],
    ['no grazie', 'no', 'it'],
    ['nein danke', 'no', 'de'],
    ['nope', 'no', 'en'],
    ['no', 'no', undefined],
  ];
  for (const [text, kind, language] of cases) {
    it(`${JSON.stringify(text)} → ${kind}${language ? ` (${language})` : ''}`, () => expectSmallTalk(text, kind, language));
  }
});

describe('detectSmallTalk: emoji', () => {
  for (const text of ['👍', '🙏', '❤️', '😂😂', '👍🏻👍🏻', ':)', '<3', '❤']) {
    it(`${JSON.stringify(text)} → emoji`, () => expectSmallTalk(text, 'emoji'));
  }

  it('lists the emoji and emoticons it saw', () => {
    assert.deepEqual(detectSmallTalk('grazie 🙏❤️ :)')?.emoji, ['🙏', '❤️', ':)']);
    assert.deepEqual(detectSmallTalk('😂')?.kinds, ['emoji']);
  });
});

describe('detectSmallTalk: messages that say more are not small talk', () => {
  const cases = [
    'grazie, quanto costa la manicure?',
    'ciao, avete posto sabato?',
    'ok e il prezzo?',
    'danke, wann habt ihr offen?',
    'thanks, can I book for tomorrow?',
    'hello, I need help',
    'grazie Giulia', // a name is not known
    'no non ho ricevuto il pacco',
    'ja, aber die Karte geht nicht',
    'ok ma a che ora?',
    '?',
    '...',
    '123',
    '',
    '   ',
    'ok ok ok ok ok ok ok ok ok ok ok ok ok', // too long to be a quick acknowledgement
  ];
  for (const text of cases) {
    it(`${JSON.stringify(text)} → undefined`, () => assert.equal(detectSmallTalk(text), undefined));
  }
});

describe('detectSmallTalk: several parts', () => {
  it('keeps every part in order and picks the one that needs an answer most', () => {
    const result = detectSmallTalk('ok grazie, ciao!');
    assert.deepEqual(result?.kinds, ['ack', 'thanks', 'greeting']);
    assert.equal(result?.kind, 'thanks');
  });

  it('a yes or no beats thanks', () => {
    assert.equal(detectSmallTalk('sì grazie')?.kind, 'yes');
    assert.equal(detectSmallTalk('no thanks')?.kind, 'no');
  });

  it('a language is given only when the words agree on one', () => {
    assert.equal(detectSmallTalk('ok 👍')?.language, undefined);
    assert.equal(detectSmallTalk('super, danke!')?.language, 'de');
  });
});
