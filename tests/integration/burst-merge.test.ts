/**
 * Message bursts end to end: signed webhooks into the engine, replies out at the sandbox.
 * "ciao" / "volevo chiedere" / "quanto costa una manicure?" a moment apart are one turn;
 * two complete questions 10 s apart are two.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signBody } from '../../src/channels/whatsapp/signature.ts';
import { APP_SECRET, PHONE_NUMBER_ID, startHarness, type Harness } from '../helpers/engine-harness.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

function textNotification(user: string, messages: { id: string; body: string; timestamp: number }[]) {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '390212345678', phone_number_id: PHONE_NUMBER_ID },
    contacts: [{ profile: { name: 'Marta' }, wa_id: user }],
    messages: messages.map((m) => ({ from: user, id: m.id, timestamp: String(m.timestamp), type: 'text', text: { body: m.body } })),
  };
  return { object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'messages', value }] }] };
}

async function postSigned(h: Harness, notification: unknown): Promise<void> {
  const body = JSON.stringify(notification);
  const res = await fetch(`${h.engineUrl}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, APP_SECRET) },
    body,
  });
  assert.equal(res.status, 200);
}

const repliesTo = (h: Harness, user: string) => h.sandbox.sentMessages().filter((m) => m.recipient === user);
const bodyText = (reply: { body: Record<string, unknown> } | undefined) => (reply?.body.interactive as { body?: { text?: string } } | undefined)?.body?.text;
const conversation = (user: string) => `${PHONE_NUMBER_ID}:${user}`;

describe('message bursts through the engine', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('"ciao" / "volevo chiedere" / "quanto costa una manicure?" within 2 s: one turn, the prices answer', async () => {
    const user = '393330000101';
    const texts = ['ciao', 'volevo chiedere', 'quanto costa una manicure?'];
    const sent: string[] = [];
    // Typed on the phone 0.8 s apart (the sandbox clock moves), each its own signed webhook:
    // the worker waits after the openers and is woken by each next message.
    for (const [i, text] of texts.entries()) {
      h.sandbox.control.setClockOffset(i * 800);
      const result = await h.sandbox.phone.send(user, { text });
      assert.equal(result.engineStatus, 200);
      sent.push(result.wamid);
    }
    h.sandbox.control.setClockOffset(0);
    const stored = await Promise.all(sent.map((id) => h.engine.store.getInbound(id)));
    assert.ok((stored[2]?.timestamp ?? 0) - (stored[0]?.timestamp ?? 0) <= 2, 'within 2 s by the WhatsApp timestamps');
    await h.settle();
    const turns = await h.engine.store.listTurns({ conversationId: conversation(user) });
    assert.equal(turns.length, 1);
    const [turn] = turns;
    assert.deepEqual(turn?.messageIds, sent);
    assert.equal(turn?.id, `turn:${sent[0]}`);
    assert.equal(turn?.understanding.intent, 'prices');
    const replies = repliesTo(h, user);
    assert.equal(replies.length, 1);
    assert.equal(bodyText(replies[0]), demoBusiness().intents.prices?.answer?.it);
    for (const id of sent) assert.equal((await h.engine.store.getInbound(id))?.state, 'done');
    const chat = h.sandbox.chat(user);
    for (const id of sent) assert.equal(chat.messages.find((m) => m.id === id)?.status, 'read', 'reading the last message reads the burst');
  });

  it('two complete questions 10 s apart: two turns, even when delivered together', async () => {
    const user = '393330000102';
    // The customer wrote before (this opens the 24-hour window on the sandbox's side).
    const opener = await h.sandbox.phone.send(user, { text: 'siete aperti domani?' });
    await h.settle();
    const now = Math.floor(h.sandbox.now() / 1000);
    await postSigned(
      h,
      textNotification(user, [
        { id: 'wamid.apart.1', body: 'quanto costa una manicure?', timestamp: now },
        { id: 'wamid.apart.2', body: 'dove siete?', timestamp: now + 10 },
      ]),
    );
    await h.settle();
    const turns = (await h.engine.store.listTurns({ conversationId: conversation(user) })).reverse();
    assert.deepEqual(turns.map((t) => t.messageIds), [[opener.wamid], ['wamid.apart.1'], ['wamid.apart.2']]);
    assert.deepEqual(turns.map((t) => t.understanding.intent).slice(1), ['prices', 'location']);
    const business = demoBusiness();
    assert.deepEqual(repliesTo(h, user).slice(1).map(bodyText), [business.intents.prices?.answer?.it, business.intents.location?.answer?.it]);
  });
});
