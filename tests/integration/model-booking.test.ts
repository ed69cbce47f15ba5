/**
 * The premium/economy tools end to end: signed webhooks in through the Cloud API sandbox,
 * the economy model (a mock model) looks up free slots and proposes one; nothing is booked
 * until the customer taps "Conferma"; the tap books it through the built-in bookings on the
 * embedded store, a second tap books nothing twice, and "Annulla" books nothing at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { businessSchema } from '../../src/config/business-schema.ts';
import { specFromConfig, createModelRegistryFromModels } from '../../src/llm/model-registry.ts';
import { seedDemoIntegrations } from '../../src/storage/sqlite/integrations/demo-seed.ts';
import { demoBusiness } from '../helpers/demo-config.ts';
import { PHONE_NUMBER_ID, startHarness, type Harness } from '../helpers/engine-harness.ts';
import { scriptedModel, textAnswer, toolCall, type CallOptions } from '../helpers/scripted-model.ts';

const business = businessSchema.parse({
  ...demoBusiness(),
  llm: { models: { eco: { provider: 'openai', model: 'gpt-4.1-mini' }, pro: { provider: 'anthropic', model: 'claude-sonnet-4.5' } }, economy: 'eco', premium: 'pro' },
});

/** The tool result the model got back in this call (the AI SDK sends it as a `tool` message). */
function lastToolOutput(options: CallOptions): string {
  const tool = [...options.prompt].reverse().find((m) => m.role === 'tool');
  return tool ? JSON.stringify(tool.content) : '';
}

/** Reads where the turn is from its prompt: availability first, then book the first slot offered, then a short text. */
function bookingModel() {
  return scriptedModel('gpt-4.1-mini', (options) => {
    const output = lastToolOutput(options);
    if (output === '') return toolCall('booking_availability', { service: lastUser(options).includes('ceretta') ? 'ceretta' : 'manicure', days: 7 });
    const slot = /slot-\d+/.exec(output)?.[0];
    if (slot && !output.includes('awaiting')) return toolCall('book_appointment', { slot_id: slot });
    return textAnswer('Ho trovato un posto libero per te: confermi con il pulsante qui sotto?');
  });
}

function lastUser(options: CallOptions): string {
  const user = [...options.prompt].reverse().find((m) => m.role === 'user');
  return user ? JSON.stringify(user.content) : '';
}

interface Interactive {
  type: string;
  body: { text: string };
  action: { buttons?: { reply: { id: string; title: string } }[] };
}

describe('model tools: a booking proposed by the model, confirmed by the customer', () => {
  let h: Harness;
  let models: ReturnType<typeof bookingModel>[] = [];
  before(async () => {
    h = await startHarness({
      business,
      models: (llm) => {
        const eco = bookingModel();
        models.push(eco);
        const specs = Object.entries(llm.models).map(([name, m]) => specFromConfig(name, m));
        return createModelRegistryFromModels(specs, { eco: eco.model, pro: scriptedModel('unused', new Error('premium not expected')).model });
      },
    });
    seedDemoIntegrations(h.engine.builtinIntegrations.catalogue, Date.now());
  });
  after(async () => {
    await h.close();
    models = [];
  });

  const replies = (user: string) => h.sandbox.sentMessages().filter((m) => m.recipient === user);
  const bookingsOf = async (user: string) => {
    const result = await h.engine.builtinIntegrations.bookings.upcomingBookings({ phone: user });
    assert.ok(result.ok);
    return result.value;
  };

  async function propose(user: string): Promise<Interactive> {
    await h.sandbox.phone.send(user, { text: 'vorrei prenotare una manicure' });
    await h.settle();
    const sent = replies(user);
    const confirm = sent.map((m) => m.body.interactive as Interactive | undefined).find((i) => i?.action.buttons?.some((b) => b.reply.id.startsWith('confirm:')));
    assert.ok(confirm, JSON.stringify(sent.map((m) => m.body)));
    return confirm;
  }

  it('proposes a real free slot with Conferma / Annulla buttons and books nothing yet', async () => {
    const user = '393331110001';
    const confirm = await propose(user);
    assert.match(confirm.body.text, /^Confermi\? Manicure classica, /);
    assert.deepEqual(confirm.action.buttons?.map((b) => b.reply.title), ['Conferma', 'Annulla']);
    assert.deepEqual(await bookingsOf(user), []);
    const [turn] = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
    assert.equal(turn?.route, 'economy');
    assert.equal(turn?.proposedActions?.[0]?.kind, 'book_appointment');
    assert.ok(turn?.outputVerdicts.every((v) => v.action === 'allow'), JSON.stringify(turn?.outputVerdicts));
  });

  it('the tap on Conferma books it once; a second tap changes nothing', async () => {
    const user = '393331110002';
    const confirm = await propose(user);
    const button = confirm.action.buttons?.[0]?.reply;
    assert.ok(button);
    await h.sandbox.phone.send(user, { button_reply: { id: button.id, title: button.title } });
    await h.settle();
    const booked = await bookingsOf(user);
    assert.equal(booked.length, 1);
    assert.equal(booked[0]?.serviceId, 'manicure');
    const done = replies(user).at(-1)?.body.text as { body: string } | undefined;
    assert.match(done?.body ?? '', /^Fatto ✅ Manicure classica/);
    await h.sandbox.phone.send(user, { button_reply: { id: button.id, title: button.title } });
    await h.settle();
    assert.equal((await bookingsOf(user)).length, 1);
    const turns = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
    assert.equal(turns[0]?.actionOutcome?.decision, 'confirmed');
  });

  it('Annulla books nothing', async () => {
    const user = '393331110003';
    const confirm = await propose(user);
    const button = confirm.action.buttons?.[1]?.reply;
    assert.ok(button && button.id.startsWith('decline:'));
    await h.sandbox.phone.send(user, { button_reply: { id: button.id, title: button.title } });
    await h.settle();
    assert.deepEqual(await bookingsOf(user), []);
    const turns = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
    assert.equal(turns[0]?.actionOutcome?.decision, 'declined');
  });

  it("a customer cannot confirm another customer's proposal", async () => {
    const owner = '393331110004';
    const confirm = await propose(owner);
    const button = confirm.action.buttons?.[0]?.reply;
    assert.ok(button);
    const other = '393331110005';
    await h.sandbox.phone.send(other, { button_reply: { id: button.id, title: button.title } });
    await h.settle();
    assert.deepEqual(await bookingsOf(other), []);
    assert.deepEqual(await bookingsOf(owner), []);
    const [turn] = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${other}` });
    assert.equal(turn?.actionOutcome?.decision, 'unknown');
  });
});

interface ListInteractive {
  type: string;
  body: { text: string };
  action: { button: string; sections: { rows: { id: string; title: string }[] }[] };
}

describe('no model configured: free slots from the bookings system as a list, booked only after "Conferma"', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    seedDemoIntegrations(h.engine.builtinIntegrations.catalogue, Date.now());
  });
  after(() => h.close());

  const replies = (user: string) => h.sandbox.sentMessages().filter((m) => m.recipient === user);

  it('names the service → a list of real free slots; a row → Conferma / Annulla; Conferma → booked', async () => {
    const user = '393331110010';
    await h.sandbox.phone.send(user, { text: 'vorrei prenotare una manicure' });
    await h.settle();
    const list = replies(user).at(-1)?.body.interactive as ListInteractive | undefined;
    assert.equal(list?.type, 'list');
    assert.match(list?.body.text ?? '', /Manicure classica/);
    const rows = list?.action.sections[0]?.rows ?? [];
    assert.ok(rows.length > 0 && rows.length <= 10);
    const free = await h.engine.builtinIntegrations.bookings.freeSlots({ serviceId: 'manicure', from: Date.now(), to: Date.now() + 7 * 86_400_000 });
    assert.ok(free.ok);
    assert.deepEqual(rows.map((r) => Number(r.id.split(':').at(-1))), free.value.slice(0, rows.length).map((s) => s.start));
    const [turn] = await h.engine.store.listTurns({ conversationId: `${PHONE_NUMBER_ID}:${user}` });
    assert.equal(turn?.routing?.planned, 'economy');
    assert.equal(turn?.route, 'tool');
    assert.match(turn?.routing?.fallbackReason ?? '', /no model configured for the economy route: answered from the bookings system/);

    const row = rows[1] ?? rows[0];
    assert.ok(row);
    await h.sandbox.phone.send(user, { list_reply: { id: row.id, title: row.title } });
    await h.settle();
    const confirm = replies(user).at(-1)?.body.interactive as Interactive | undefined;
    assert.equal(confirm?.body.text, `Confermi? Manicure classica, ${row.title}`);
    assert.deepEqual((await h.engine.builtinIntegrations.bookings.upcomingBookings({ phone: user })).value, []);

    const yes = confirm?.action.buttons?.[0]?.reply;
    assert.ok(yes);
    await h.sandbox.phone.send(user, { button_reply: { id: yes.id, title: yes.title } });
    await h.settle();
    const booked = await h.engine.builtinIntegrations.bookings.upcomingBookings({ phone: user });
    assert.ok(booked.ok);
    assert.deepEqual(booked.value.map((b) => [b.serviceId, b.start]), [['manicure', Number(row.id.split(':').at(-1))]]);
  });

  it('a message naming no single service gets the approved text, as before', async () => {
    const user = '393331110011';
    await h.sandbox.phone.send(user, { text: 'vorrei prenotare per sabato' });
    await h.settle();
    const body = replies(user).at(-1)?.body.interactive as { body: { text: string } } | undefined;
    assert.equal(body?.body.text, demoBusiness().intents.book_appointment?.answer?.it);
  });

  async function slotList(user: string): Promise<{ id: string; title: string }[]> {
    await h.sandbox.phone.send(user, { text: 'vorrei prenotare una manicure' });
    await h.settle();
    const list = replies(user).at(-1)?.body.interactive as ListInteractive | undefined;
    return list?.action.sections[0]?.rows ?? [];
  }

  async function tap(user: string, id: string, title: string): Promise<Interactive | undefined> {
    await h.sandbox.phone.send(user, id.startsWith('slot:') ? { list_reply: { id, title } } : { button_reply: { id, title } });
    await h.settle();
    return replies(user).at(-1)?.body.interactive as Interactive | undefined;
  }

  const lastText = (user: string) => (replies(user).at(-1)?.body.text as { body: string } | undefined)?.body ?? '';
  const booked = async (user: string) => (await h.engine.builtinIntegrations.bookings.upcomingBookings({ phone: user })).value ?? [];

  it('"Annulla" then the old "Conferma": nothing is booked, the proposal is no longer valid', async () => {
    const user = '393331110012';
    const [row] = await slotList(user);
    assert.ok(row);
    const confirm = await tap(user, row.id, row.title);
    const [yes, no] = confirm?.action.buttons?.map((b) => b.reply) ?? [];
    assert.ok(yes && no);
    await tap(user, no.id, no.title);
    assert.equal(lastText(user), 'Va bene, non faccio nulla.');
    await tap(user, yes.id, yes.title);
    assert.match(lastText(user), /non è più valida/);
    assert.deepEqual(await booked(user), []);
  });

  it('a newer proposal replaces the older: only the last one can be confirmed', async () => {
    const user = '393331110013';
    const [first, second] = await slotList(user);
    assert.ok(first && second);
    const older = (await tap(user, first.id, first.title))?.action.buttons?.[0]?.reply;
    const newer = (await tap(user, second.id, second.title))?.action.buttons?.[0]?.reply;
    assert.ok(older && newer);
    await tap(user, older.id, older.title);
    assert.match(lastText(user), /non è più valida/);
    assert.deepEqual(await booked(user), []);
    await tap(user, newer.id, newer.title);
    assert.equal((await booked(user)).length, 1);
    // "Annulla" after it was booked says so, and the booking stays.
    const no = (await tap(user, newer.id.replace('confirm:', 'decline:'), 'Annulla'), lastText(user));
    assert.match(no, /già stata eseguita/);
    assert.equal((await booked(user)).length, 1);
  });

  it('a forged or stale slot row is never proposed: the current free slots come instead, and nothing crashes', async () => {
    const user = '393331110014';
    for (const id of ['slot:manicure:9000000000000000', 'slot:manicure:-5', `slot:manicure:${Date.now() - 86_400_000}`, 'slot:manicure:1700000000123', 'slot:unknown_service:1800000000000']) {
      const before = replies(user).length;
      await tap(user, id, 'x');
      const sent = replies(user).slice(before);
      assert.equal(sent.length, 1, id);
      const interactive = sent[0]?.body.interactive as ListInteractive | Interactive | undefined;
      const isList = interactive?.type === 'list';
      const isHandoff = /Ti passo a una persona/.test((sent[0]?.body.text as { body: string } | undefined)?.body ?? '');
      assert.ok(isList || isHandoff, `${id}: ${JSON.stringify(sent[0]?.body)}`);
    }
    assert.deepEqual(await booked(user), []);
  });
});
