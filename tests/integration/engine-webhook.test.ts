import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, it } from 'node:test';
import { signBody } from '../../src/channels/whatsapp/signature.ts';
import { APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN, startHarness, type Harness } from '../helpers/engine-harness.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

function textNotification(user: string, messages: { id: string; body: string; timestamp: number }[]) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '390212345678', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Marta' }, wa_id: user }],
              messages: messages.map((m) => ({ from: user, id: m.id, timestamp: String(m.timestamp), type: 'text', text: { body: m.body } })),
            },
          },
        ],
      },
    ],
  };
}

async function post(h: Harness, body: string, signature: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  return fetch(`${h.engineUrl}/webhooks/whatsapp`, { method: 'POST', headers, body });
}

const repliesTo = (h: Harness, user: string) => h.sandbox.sentMessages().filter((m) => m.recipient === user);

describe('engine and sandbox over real HTTP on loopback', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('GET handshake: 200 with the raw challenge for the right token, 403 otherwise', async () => {
    const ok = await fetch(`${h.engineUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), '1158201444');
    const wrong = await fetch(`${h.engineUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    assert.equal(wrong.status, 403);
    const mode = await fetch(`${h.engineUrl}/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`);
    assert.equal(mode.status, 403);
  });

  it('GET /healthz answers 200 when ready', async () => {
    const res = await fetch(`${h.engineUrl}/healthz`);
    assert.equal(res.status, 200);
  });

  it('a signed webhook in → the approved answer arrives at the sandbox, recorded and delivered', async () => {
    const user = '393330000001';
    const sent = await h.sandbox.phone.send(user, { text: 'quanto costa una manicure?', name: 'Giulia' });
    assert.equal(sent.engineStatus, 200);
    await h.settle();
    const [reply, ...more] = repliesTo(h, user);
    assert.equal(more.length, 0);
    const interactive = reply?.body.interactive as { type: string; body: { text: string } } | undefined;
    assert.equal(interactive?.type, 'button');
    assert.equal(interactive?.body.text, demoBusiness().intents.prices?.answer?.it);
    const [turn] = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
    assert.equal(turn?.understanding.intent, 'prices');
    assert.equal(turn?.route, 'approved_text');
    const outbound = await h.engine.store.getOutbound(turn?.outboundIds[0] ?? '');
    assert.equal(outbound?.wamid, reply?.wamid);
    assert.equal(outbound?.status, 'delivered', 'the sandbox status webhooks moved it to delivered');
    assert.equal(outbound?.pricingCategory, 'service');
    const inbound = await h.engine.store.getInbound(sent.wamid);
    assert.equal(inbound?.state, 'done');
    const chat = h.sandbox.chat(user);
    assert.equal(chat.messages.find((m) => m.id === sent.wamid)?.status, 'read', 'the engine marked the message read');
  });

  it('tapping a reply button answers that intent', async () => {
    const user = '393330000002';
    await h.sandbox.phone.send(user, { text: 'quanto costa una manicure?' });
    await h.settle();
    await h.sandbox.phone.send(user, { button_reply: { id: 'intent:book_appointment', title: 'Prenota' } });
    await h.settle();
    const replies = repliesTo(h, user);
    assert.equal(replies.length, 2);
    const body = replies[1]?.body.interactive as { body: { text: string } } | undefined;
    assert.equal(body?.body.text, demoBusiness().intents.book_appointment?.answer?.it);
  });

  it('a duplicate delivery (Meta retry) never produces a second reply', async () => {
    const user = '393330000003';
    const sent = await h.sandbox.phone.send(user, { text: 'dove siete?' });
    await h.settle();
    const again = await h.sandbox.phone.redeliver(user, sent.wamid);
    assert.equal(again?.engineStatus, 200);
    await h.settle();
    assert.equal(repliesTo(h, user).length, 1);
    assert.equal((await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` })).length, 1);
  });

  it('a duplicate delivered while the first copy is still being answered gets no second reply', async () => {
    const user = '393330000008';
    const sent = await h.sandbox.phone.send(user, { text: 'che orari fate?' });
    const again = await h.sandbox.phone.redeliver(user, sent.wamid);
    assert.equal(again?.engineStatus, 200);
    await h.settle();
    assert.equal(repliesTo(h, user).length, 1);
  });

  it('a card number is redacted before anything is stored, never echoed, and the customer is warned', async () => {
    const user = '393330000009';
    const sent = await h.sandbox.phone.send(user, { text: 'per la caparra: 4111 1111 1111 1111 12/27' });
    await h.settle();
    const db = new DatabaseSync(join(h.dataDir, 'centralino.db'), { readOnly: true });
    try {
      const everything = ['webhook_log', 'inbound_messages', 'turns', 'outbound_messages']
        .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()))
        .join('\n');
      assert.doesNotMatch(everything, /4111[ -]?1111/);
    } finally {
      db.close();
    }
    const inbound = await h.engine.store.getInbound(sent.wamid);
    assert.deepEqual(inbound?.message.content, { kind: 'text', body: 'per la caparra: [CARD] 12/27' });
    const replies = repliesTo(h, user);
    assert.equal((replies[0]?.body.text as { body: string } | undefined)?.body, demoBusiness().texts.personal_data_warning?.it);
    assert.doesNotMatch(JSON.stringify(replies), /4111[ -]?1111/);
    const api = await (await fetch(`${h.engineUrl}/console/api/turns?conversation=${PHONE_NUMBER_ID}:${user}`)).text();
    assert.doesNotMatch(api, /4111[ -]?1111/);
    assert.match(api, /personal_data/);
  });

  it('a bad or missing signature → 401 and nothing stored', async () => {
    const body = JSON.stringify(textNotification('393330000004', [{ id: 'wamid.forged', body: 'ciao', timestamp: Math.floor(Date.now() / 1000) }]));
    const forged = await post(h, body, signBody(body, 'not-the-secret'));
    assert.equal(forged.status, 401);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'WEBHOOK_SIGNATURE_INVALID');
    const missing = await post(h, body, undefined);
    assert.equal(missing.status, 401);
    await h.settle();
    assert.equal(await h.engine.store.getInbound('wamid.forged'), undefined);
    assert.equal(repliesTo(h, '393330000004').length, 0);
  });

  it('malformed bodies → 400 with the reason; over 3 MB → 413', async () => {
    const notJson = '{"object": "whatsapp_business_account", ';
    const a = await post(h, notJson, signBody(notJson, APP_SECRET));
    assert.equal(a.status, 400);
    assert.equal(((await a.json()) as { error: { code: string } }).error.code, 'WEBHOOK_BODY_NOT_JSON');
    const notWhatsApp = JSON.stringify({ object: 'page', entry: [] });
    const b = await post(h, notWhatsApp, signBody(notWhatsApp, APP_SECRET));
    assert.equal(b.status, 400);
    const err = (await b.json()) as { error: { code: string; message: string } };
    assert.equal(err.error.code, 'WEBHOOK_NOT_WHATSAPP');
    assert.match(err.error.message, /object/);
    const huge = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(3 * 1024 * 1024) });
    const c = await post(h, huge, signBody(huge, APP_SECRET));
    assert.equal(c.status, 413);
  });

  it('messages of one conversation are answered one at a time in timestamp order', async () => {
    const user = '393330000005';
    await h.sandbox.phone.send(user, { text: 'ciao' });
    await h.settle();
    const now = Math.floor(Date.now() / 1000);
    // Delivered in reverse order in one batch: the older message must be answered first.
    const body = JSON.stringify(
      textNotification(user, [
        { id: 'wamid.order.2', body: 'dove siete?', timestamp: now },
        { id: 'wamid.order.1', body: 'che orari fate?', timestamp: now - 5 },
      ]),
    );
    const res = await post(h, body, signBody(body, APP_SECRET));
    assert.equal(res.status, 200);
    await h.settle();
    const texts = repliesTo(h, user).slice(2).map((m) => (m.body.interactive as { body: { text: string } }).body.text);
    const business = demoBusiness();
    assert.deepEqual(texts, [business.intents.opening_hours?.answer?.it, business.intents.location?.answer?.it]);
  });

  it('a throttled send (130429) is retried under the same idempotency key and delivered once', async () => {
    const user = '393330000006';
    h.sandbox.control.failNext({ count: 1, httpStatus: 400, code: 130429, message: '(#130429) Rate limit hit' });
    await h.sandbox.phone.send(user, { text: 'grazie mille' });
    await h.settle();
    assert.equal(repliesTo(h, user).length, 1);
    const [turn] = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
    const outbound = await h.engine.store.getOutbound(turn?.outboundIds[0] ?? '');
    assert.equal(outbound?.attempts, 2);
    const keys = h.sandbox.sendAttempts().filter((a) => a.idempotencyKey === outbound?.id).map((a) => a.outcome);
    assert.deepEqual(keys, ['injected', 'accepted']);
  });

  it('a 131047 from the API (window closed on Meta\'s side) is recorded on the outbound message', async () => {
    const user = '393330000007';
    await h.sandbox.phone.send(user, { text: 'ciao' });
    await h.settle();
    h.sandbox.control.setClockOffset(25 * 3600 * 1000);
    try {
      const body = JSON.stringify(textNotification(user, [{ id: 'wamid.late', body: 'dove siete?', timestamp: Math.floor(Date.now() / 1000) }]));
      await post(h, body, signBody(body, APP_SECRET));
      await h.settle();
    } finally {
      h.sandbox.control.setClockOffset(0);
    }
    const turns = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
    const outbound = await h.engine.store.getOutbound(turns[0]?.outboundIds[0] ?? '');
    assert.equal(outbound?.status, 'failed');
    assert.equal(outbound?.errorCode, 131047);
  });
});

describe('the 24-hour window on the engine side', () => {
  const later = { now: () => Date.now() + 25 * 3600 * 1000 };

  it('outside the window a free-form answer is replaced by the re-engagement template', async () => {
    const h = await startHarness({ engineClock: later });
    try {
      await h.sandbox.phone.send('393330000010', { text: 'ciao' });
      await h.settle();
      const replies = repliesTo(h, '393330000010');
      assert.equal(replies.length, 1, 'the greeting (text + menu) is replaced by one template');
      const [reply] = replies;
      assert.equal(reply?.type, 'template');
      assert.deepEqual(reply?.body.template, { name: 'riprendi_conversazione', language: { code: 'it' } });
    } finally {
      await h.close();
    }
  });

  it('without a template the refusal is recorded (131047) and nothing is sent', async () => {
    const business = demoBusiness();
    const h = await startHarness({ engineClock: later, business: { ...business, templates: {} } });
    try {
      await h.sandbox.phone.send('393330000011', { text: 'dove siete?' });
      await h.settle();
      assert.equal(repliesTo(h, '393330000011').length, 0);
      const [turn] = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:393330000011` });
      const outbound = await h.engine.store.getOutbound(turn?.outboundIds[0] ?? '');
      assert.equal(outbound?.status, 'refused');
      assert.equal(outbound?.errorCode, 131047);
    } finally {
      await h.close();
    }
  });
});

describe('a send whose answer is lost, against a Cloud API without idempotency keys (like Meta)', () => {
  it('is not sent again when the status webhook shows it was accepted', async () => {
    const h = await startHarness({
      sandboxIgnoresIdempotencyKey: true,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      apiTimeoutMs: 200,
      env: { WHATSAPP_UNCONFIRMED_WAIT_MS: '400' },
    });
    try {
      const user = '393330000020';
      h.sandbox.control.hangNext({ count: 1, accept: true });
      await h.sandbox.phone.send(user, { text: 'dove siete?' });
      await waitFor(async () => (await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` })).length === 1);
      assert.equal(repliesTo(h, user).length, 1, 'exactly one reply reached the customer');
      const [turn] = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
      const outbound = await h.engine.store.getOutbound(turn?.outboundIds[0] ?? '');
      assert.equal(outbound?.wamid, repliesTo(h, user)[0]?.wamid);
      assert.notEqual(outbound?.status, 'failed');
    } finally {
      await h.close();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
