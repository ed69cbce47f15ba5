import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_BURST_MESSAGES, firstBurst, looksUnfinished, waitBeforeAnswering } from '../../src/conversations/burst.ts';
import type { InboundContent } from '../../src/core/message.ts';
import type { StoredInbound } from '../../src/core/store.ts';

const NOW = Date.UTC(2026, 10, 25, 10);
const S = NOW / 1000;

function stored(id: string, timestamp: number, content: InboundContent, receivedAt = NOW): StoredInbound {
  const message = { id, phoneNumberId: 'pn', customer: { key: 'c' }, timestamp, type: content.kind, content, errors: [], raw: {} };
  return { id, conversationId: 'pn:c', phoneNumberId: 'pn', customerKey: 'c', timestamp, type: content.kind, message, state: 'pending', receivedAt };
}
const text = (id: string, timestamp: number, body: string, receivedAt?: number) => stored(id, timestamp, { kind: 'text', body }, receivedAt);
const tap = (id: string, timestamp: number) => stored(id, timestamp, { kind: 'button_reply', id: 'intent:prices', title: 'Prezzi' });
const ids = (messages: StoredInbound[]) => messages.map((m) => m.id);

describe('looksUnfinished', () => {
  const unfinished = [
    // bare greetings
    'ciao', 'Ciaooo!', 'Buongiorno', 'salve a tutti', 'Hallo', 'Guten Tag', 'hi', 'Hello there!', 'good morning',
    // openers
    'volevo chiedere', 'Buongiorno, volevo chiedere', 'una domanda', 'Ho una domanda', "un'informazione", 'vorrei sapere una cosa',
    'ich hätte eine Frage', 'Hallo, kurze Frage', 'Ich wollte mal fragen', 'quick question', 'Hi, I have a question', 'I was wondering',
    // trailing off
    'per la taglia…', 'allora...', 'la domanda è questa:', 'Ich wollte wissen,', 'vorrei prenotare per', 'I need a refund and',
    // very short fragments
    'per la taglia', 'manicure', 'Preis Maniküre',
  ];
  for (const message of unfinished) {
    it(`"${message}" looks unfinished`, () => assert.equal(looksUnfinished(message), true));
  }

  const complete = [
    // questions
    'quanto costa una manicure?', 'ciao, siete aperti domani?', 'Was kostet eine Maniküre?', 'how much is a pedicure?', 'orari?',
    // complete small talk: thanks, ok, yes/no, goodbyes, emoji
    'grazie', 'ok', 'ok grazie mille', 'sì', 'no', 'danke schön', 'ja', 'thanks!', 'perfetto', 'a domani', '👍', '😂😂',
    // longer statements, sentences with a full stop, numbers
    'vorrei prenotare una manicure per sabato mattina', 'Ich möchte meinen Termin absagen', 'I want to book a haircut tomorrow',
    'Orari di apertura.', 'A1234', '12345',
  ];
  for (const message of complete) {
    it(`"${message}" is complete`, () => assert.equal(looksUnfinished(message), false));
  }
});

describe('firstBurst', () => {
  it('takes text messages while each is at most the window after the one before', () => {
    const pending = [text('a', S, 'ciao'), text('b', S + 2, 'volevo chiedere'), text('c', S + 6, 'la manicure?'), text('d', S + 11, 'ok')];
    assert.deepEqual(ids(firstBurst(pending, 4000)), ['a', 'b', 'c']);
    assert.deepEqual(ids(firstBurst(pending.slice(3), 4000)), ['d']);
  });

  it('never merges a tap: it ends the burst, and is a burst of its own', () => {
    const pending = [text('a', S, 'ciao'), tap('t', S + 1), text('b', S + 2, 'grazie')];
    assert.deepEqual(ids(firstBurst(pending, 4000)), ['a']);
    assert.deepEqual(ids(firstBurst(pending.slice(1), 4000)), ['t']);
    const media = stored('m', S, { kind: 'media', mediaType: 'image', caption: 'questo colore' });
    assert.deepEqual(ids(firstBurst([media, text('b', S, 'in rosso')], 4000)), ['m']);
  });

  it('a window of 0 never merges; nothing pending is no burst; at most MAX_BURST_MESSAGES', () => {
    assert.deepEqual(ids(firstBurst([text('a', S, 'ciao'), text('b', S, 'come va')], 0)), ['a']);
    assert.deepEqual(firstBurst([], 4000), []);
    const flood = Array.from({ length: MAX_BURST_MESSAGES + 5 }, (_, i) => text(`m${i}`, S + i, 'ancora'));
    assert.equal(firstBurst(flood, 4000).length, MAX_BURST_MESSAGES);
  });
});

describe('waitBeforeAnswering', () => {
  it('waits until the window has passed since an unfinished newest message came in', () => {
    const burst = [text('a', S, 'ciao', NOW - 1000)];
    assert.equal(waitBeforeAnswering(burst, burst, 4000, NOW), 3000);
    assert.equal(waitBeforeAnswering(burst, burst, 4000, NOW + 3000), 0, 'the window has passed');
    assert.equal(waitBeforeAnswering(burst, burst, 4000, NOW - 60_000), 4000, 'never more than the window (clock skew)');
    assert.equal(waitBeforeAnswering(burst, burst, 0, NOW), 0, 'window 0: never waits');
  });

  it('answers at once a complete message, a tap, or a burst closed by a later message', () => {
    const question = [text('a', S, 'ciao'), text('b', S + 1, 'quanto costa una manicure?')];
    assert.equal(waitBeforeAnswering(question, question, 4000, NOW), 0);
    const tapped = [tap('t', S)];
    assert.equal(waitBeforeAnswering(tapped, tapped, 4000, NOW), 0);
    const pending = [text('a', S, 'ciao'), tap('t', S + 1)];
    assert.equal(waitBeforeAnswering(pending.slice(0, 1), pending, 4000, NOW), 0);
    const full = Array.from({ length: MAX_BURST_MESSAGES }, (_, i) => text(`m${i}`, S, 'ciao'));
    assert.equal(waitBeforeAnswering(full, full, 4000, NOW), 0, 'a full burst is answered now');
  });
});
