import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Reply } from '../../src/core/reply.ts';
import { replyText } from '../../src/core/reply.ts';
import type { TurnInput } from '../../src/core/turn.ts';
import { createPipeline } from '../../src/pipeline/run-turn.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

const business = demoBusiness();
const pipeline = createPipeline(business);

function input(text: string, extra: Partial<TurnInput> = {}): TurnInput {
  return { conversationId: 'p:1', phoneNumberId: 'p', customerKey: '1', messageIds: ['m1'], text, readable: true, ...extra };
}

const allText = (replies: Reply[]) => replies.map(replyText).join('\n');

describe('runTurn on the demo salon (conversation script)', () => {
  const script: { say: string; intent: string; language: string; route: string }[] = [
    { say: 'quanto costa una manicure?', intent: 'prices', language: 'it', route: 'approved_text' },
    { say: 'Ciao!', intent: 'greeting', language: 'it', route: 'approved_text' },
    { say: 'dove siete?', intent: 'location', language: 'it', route: 'approved_text' },
    { say: 'siete aperti la domenica?', intent: 'opening_hours', language: 'it', route: 'approved_text' },
    { say: 'devo disdire l appuntamento di sabato', intent: 'cancel_appointment', language: 'it', route: 'approved_text' },
    { say: 'How much is a pedicure?', intent: 'prices', language: 'en', route: 'approved_text' },
    { say: 'can I talk to a human please', intent: 'human', language: 'en', route: 'human' },
  ];
  for (const step of script) {
    it(`"${step.say}" → ${step.intent} (${step.language}, ${step.route})`, async () => {
      const result = await pipeline.run(input(step.say));
      assert.equal(result.understanding.intent, step.intent);
      assert.equal(result.understanding.language, step.language);
      assert.equal(result.route, step.route);
      assert.ok(result.replies.length > 0);
    });
  }

  it('answers the manicure price with the approved Italian text and follow-up buttons', async () => {
    const result = await pipeline.run(input('quanto costa una manicure?'));
    const [reply] = result.replies;
    assert.equal(reply?.kind, 'buttons');
    assert.equal(reply.kind === 'buttons' && reply.body, business.intents.prices?.answer?.it);
    assert.deepEqual(reply.kind === 'buttons' && reply.buttons.map((b) => b.id), ['intent:book_appointment', 'intent:treatments']);
  });

  it('a tapped button payload decides the intent with full confidence, in the conversation language', async () => {
    const result = await pipeline.run(input('Orari', { payload: { kind: 'button', id: 'intent:opening_hours', title: 'Orari' }, previousLanguage: 'en' }));
    assert.equal(result.understanding.intent, 'opening_hours');
    assert.equal(result.understanding.source, 'button');
    assert.equal(result.understanding.confidence, 1);
    assert.match(allText(result.replies), /Our opening hours/);
  });

  it('a list-row payload is understood as source "list"', async () => {
    const result = await pipeline.run(input('Dove siamo', { payload: { kind: 'list', id: 'intent:location', title: 'Dove siamo' } }));
    assert.equal(result.understanding.source, 'list');
    assert.equal(result.understanding.intent, 'location');
  });

  it('an unknown payload falls through to the text', async () => {
    const result = await pipeline.run(input('quanto costa?', { payload: { kind: 'template_button', id: 'PROMO_42', title: 'quanto costa?' } }));
    assert.equal(result.understanding.intent, 'prices');
  });

  it('gibberish gets the fallback text and the main menu as a list', async () => {
    const result = await pipeline.run(input('zxqv blorp'));
    assert.equal(result.understanding.intent, 'out_of_scope');
    assert.equal(result.route, 'clarify');
    assert.deepEqual(result.replies.map((r) => r.kind), ['text', 'list']);
    const list = result.replies[1];
    assert.ok(list?.kind === 'list' && list.sections[0]?.rows.length === business.menus.main?.items.length);
  });

  it('a keyword tie the classifier cannot break asks a clarifying question with buttons of the likely intents', async () => {
    const undecided = createPipeline(business, { classifier: { threshold: 1, classify: () => [] } });
    const result = await undecided.run(input('prezzi e orari'));
    assert.equal(result.understanding.intent, 'out_of_scope');
    const [reply] = result.replies;
    assert.equal(reply?.kind, 'buttons');
    const ids = reply?.kind === 'buttons' ? reply.buttons.map((b) => b.id).sort() : [];
    assert.deepEqual(ids, ['intent:opening_hours', 'intent:prices']);
  });

  it('media it cannot read gets the approved "text only" answer', async () => {
    const result = await pipeline.run(input('', { readable: false }));
    assert.equal(allText(result.replies), business.texts.unsupported.it);
  });

  it('a card number is redacted in the stored text, never echoed, and the customer is warned', async () => {
    const result = await pipeline.run(input('ecco la mia carta 4111 1111 1111 1111 per la caparra'));
    assert.equal(result.storedText, 'ecco la mia carta [CARD] per la caparra');
    assert.equal(result.inputVerdicts[0]?.action, 'rewrite');
    assert.doesNotMatch(allText(result.replies), /4111/);
    assert.equal(replyText(result.replies[0] as Reply), business.texts.personal_data_warning?.it);
  });

  it('small talk is answered with no model: thanks by the thanks intent, "ok" and emoji with a reaction', async () => {
    const thanks = await pipeline.run(input('grz milleeee!!'));
    assert.equal(thanks.understanding.source, 'small_talk');
    assert.equal(thanks.understanding.intent, 'thanks');
    assert.equal(allText(thanks.replies), business.intents.thanks?.answer?.it);
    const ok = await pipeline.run(input('ok'));
    assert.equal(ok.understanding.intent, 'small_talk');
    assert.deepEqual(ok.replies, [{ kind: 'reaction', messageId: 'm1', emoji: '👍' }]);
    const heart = await pipeline.run(input('❤️'));
    assert.deepEqual(heart.replies, [{ kind: 'reaction', messageId: 'm1', emoji: '❤️' }]);
  });

  it('a message that says more than small talk is understood as what it asks', async () => {
    const result = await pipeline.run(input('grazie, e quanto costa la pedicure?'));
    assert.equal(result.understanding.intent, 'prices');
  });

  it('a card number with nothing else understood: the warning, then a person takes over', async () => {
    const result = await pipeline.run(input('la mia carta è 4111 1111 1111 1111'));
    assert.equal(result.route, 'human');
    assert.deepEqual(result.replies.map(replyText), [business.texts.personal_data_warning?.it, business.texts.handoff.it]);
  });

  it('records per-stage latency and zero model cost', async () => {
    const result = await pipeline.run(input('ciao'));
    assert.ok(result.latencyMs.total >= result.latencyMs.understand);
    assert.equal(result.costUsd, 0);
    assert.equal(result.answeredBy, 'respond');
  });
});
