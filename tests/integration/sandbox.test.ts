/**
 * The Cloud API sandbox on a real loopback port, with a real loopback webhook receiver
 * that checks X-Hub-Signature-256 of every delivery with its own HMAC (node:crypto),
 * independently of src/channels/whatsapp/signature.ts.
 */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.ts';

const APP_SECRET = 'sandbox-test-secret';
const TOKEN = 'sandbox-test-token';
const PHONE_NUMBER_ID = '106540352242922';
const DISPLAY = '15550783881';
const WABA = '102290129340398';
const USER = '393331234567';
const START = Date.UTC(2026, 5, 1, 10, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const PAYLOADS = new URL('../../../shared/whatsapp/payloads/', import.meta.url);

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: Record<string, unknown>;
  signatureValid: boolean;
}

interface Receiver {
  url: string;
  received: Received[];
  answer: number;
  close(): Promise<void>;
}

function validSignature(raw: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', APP_SECRET).update(raw).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], answer: 200, close: async () => undefined };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signatureValid = validSignature(raw, request.headers['x-hub-signature-256']);
      receiver.received.push({ headers: request.headers, raw, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, signatureValid });
      response.writeHead(signatureValid ? receiver.answer : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  json: Json;
}

/** Reads a nested value: at(body, 'entry', 0, 'changes', 0, 'value'). */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((current, key) => (current === null || typeof current !== 'object' ? undefined : (current as Json)[key]), value);
}

function metaError(answer: Answer): { code: unknown; details: unknown; message: unknown; type: unknown } {
  return {
    code: at(answer.json, 'error', 'code'),
    details: at(answer.json, 'error', 'error_data', 'details'),
    message: at(answer.json, 'error', 'message'),
    type: at(answer.json, 'error', 'type'),
  };
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('WhatsApp Cloud API sandbox', () => {
  let receiver: Receiver;
  let sandbox: Sandbox;
  let server: ServerType;
  let base: string;
  let now = START;

  before(async () => {
    receiver = await startReceiver();
    sandbox = createSandbox({
      appSecret: APP_SECRET,
      accessToken: TOKEN,
      webhookUrl: receiver.url,
      phoneNumberId: PHONE_NUMBER_ID,
      displayPhoneNumber: DISPLAY,
      wabaId: WABA,
      clock: () => now,
      statusDelayMs: 5,
      hangTimeoutMs: 300,
      templateCategories: { summer_sale: 'marketing' },
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: sandbox.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await sandbox.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await receiver.close();
  });

  beforeEach(async () => {
    await sandbox.idle();
    await post('/control/reset', {});
    now = START;
    receiver.received.length = 0;
    receiver.answer = 200;
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  function send(body: unknown, options: { token?: string | null; key?: string; phoneNumberId?: string } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.token !== null) headers['authorization'] = `Bearer ${options.token ?? TOKEN}`;
    if (options.key !== undefined) headers['idempotency-key'] = options.key;
    return post(`/v25.0/${options.phoneNumberId ?? PHONE_NUMBER_ID}/messages`, body, headers);
  }

  async function userWrites(user: string, input: Json = { text: 'Ciao', name: 'Giulia' }): Promise<string> {
    const answer = await post(`/phone/${user}/messages`, input);
    assert.equal(answer.status, 200);
    assert.equal(answer.json['engineStatus'], 200);
    return String(answer.json['wamid']);
  }

  function textTo(to: string, body = 'Salve!'): Json {
    return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body } };
  }

  function statusesOf(wamid: string): Json[] {
    return receiver.received
      .map((r) => at(r.body, 'entry', 0, 'changes', 0, 'value', 'statuses', 0))
      .filter((s): s is Json => at(s, 'id') === wamid);
  }

  /** The deliveries that carry a customer's message (not the status webhooks of business messages). */
  function messageDeliveries(): Received[] {
    return receiver.received.filter((r) => at(r.body, 'entry', 0, 'changes', 0, 'value', 'messages') !== undefined);
  }

  function wamidOf(answer: Answer): string {
    return String(at(answer.json, 'messages', 0, 'id'));
  }

  describe('sending', () => {
    it('accepts a text inside the window with Meta\'s success body', async () => {
      await userWrites(USER);
      const answer = await send(textTo('+39 333 123-4567'));
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json, {
        messaging_product: 'whatsapp',
        contacts: [{ input: '+39 333 123-4567', wa_id: USER }],
        messages: [{ id: wamidOf(answer) }],
      });
      assert.match(wamidOf(answer), /^wamid\.[A-Za-z0-9+/=]+$/);
      assert.equal(sandbox.sentMessages().at(-1)?.recipient, USER);
    });

    it('accepts reply buttons, lists, templates, reactions and mark-as-read', async () => {
      const inbound = await userWrites(USER);
      const buttons = await send({
        messaging_product: 'whatsapp', to: USER, type: 'interactive',
        interactive: {
          type: 'button', header: { type: 'text', text: 'Salone' }, body: { text: 'Vuoi prenotare?' }, footer: { text: 'Rispondi' },
          action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Sì' } }, { type: 'reply', reply: { id: 'no', title: 'No' } }] },
        },
      });
      assert.equal(buttons.status, 200, JSON.stringify(buttons.json));
      const listBody = 'x'.repeat(2000); // lists allow 4096, more than the 1024 of buttons
      const list = await send({
        messaging_product: 'whatsapp', to: USER, type: 'interactive',
        interactive: { type: 'list', body: { text: listBody }, action: { button: 'Servizi', sections: [{ rows: [{ id: 'cut', title: 'Taglio', description: '30 min' }] }] } },
      });
      assert.equal(list.status, 200, JSON.stringify(list.json));
      const template = await send({ messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'reminder', language: { code: 'it' } } });
      assert.equal(template.status, 200, JSON.stringify(template.json));
      const reaction = await send({ messaging_product: 'whatsapp', to: USER, type: 'reaction', reaction: { message_id: inbound, emoji: '👍' } });
      assert.equal(reaction.status, 200, JSON.stringify(reaction.json));
      const read = await send({ messaging_product: 'whatsapp', status: 'read', message_id: inbound, typing_indicator: { type: 'text' } });
      assert.deepEqual(read, { status: 200, json: { success: true } });
      assert.deepEqual(sandbox.sentMessages().map((m) => m.type), ['interactive', 'interactive', 'template', 'reaction']);
    });

    it('counts characters as code points: 20 emoji fit a button title', async () => {
      await userWrites(USER);
      const title = '😀'.repeat(20);
      const answer = await send({
        messaging_product: 'whatsapp', to: USER, type: 'interactive',
        interactive: { type: 'button', body: { text: 'Emoji' }, action: { buttons: [{ type: 'reply', reply: { id: 'e', title } }] } },
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.json));
    });

    it('accepts the real send bodies of the payload corpus', async () => {
      for (const user of ['16505551234', '121212121212']) await userWrites(user);
      const files = [
        'meta-docs__interactive_reply_buttons__send_request.json',
        'meta-docs__interactive_list__send_request.json',
        'meta-docs__send_messages__text_request_preview_url.json',
        'java-api__expectedMessage1__send_text.json',
        'java-api__expectedMessage2__send_template_body_param.json',
        'java-api__expectedMessage3__send_template_3.json',
        'java-api__expectedMessage4__send_template_4.json',
        // java-api writes interactive.type in upper case ("BUTTON"/"LIST"): accepted case-insensitively.
        'java-api__expectedMessage11__send_interactive_button.json',
        'java-api__expectedMessage12__send_interactive_list.json',
        'java-api__expectedMessage14__send_interactive_button_14.json',
        'java-api__expectedMessage17__mark_as_read.json',
        'meta-docs__typing_indicators__request.json',
      ];
      for (const file of files) {
        const body = JSON.parse(readFileSync(new URL(file, PAYLOADS), 'utf8')) as unknown;
        const answer = await send(body);
        assert.equal(answer.status, 200, `${file}: ${JSON.stringify(answer.json)}`);
      }
    });
  });

  describe('validation errors in Meta\'s format', () => {
    const button = (id: string, title: string) => ({ type: 'reply', reply: { id, title } });
    const buttons = (list: unknown[], extra: Json = {}) => ({
      messaging_product: 'whatsapp', to: USER, type: 'interactive',
      interactive: { type: 'button', body: { text: 'Scegli' }, action: { buttons: list }, ...extra },
    });
    const rows = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));
    const listOf = (sections: unknown[], extra: Json = {}, button = 'Menu') => ({
      messaging_product: 'whatsapp', to: USER, type: 'interactive',
      interactive: { type: 'list', body: { text: 'Scegli' }, action: { button, sections }, ...extra },
    });
    const long = (n: number) => 'a'.repeat(n);
    const cases: { name: string; body: unknown; code: number; details: string }[] = [
      { name: 'no messaging_product', body: { to: USER, type: 'text', text: { body: 'x' } }, code: 100, details: 'messaging_product' },
      { name: 'unknown type', body: { messaging_product: 'whatsapp', to: USER, type: 'fax', fax: {} }, code: 100, details: 'type' },
      { name: 'no recipient', body: { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, code: 131008, details: 'to' },
      { name: 'not a phone number', body: textTo('call me'), code: 131009, details: 'to' },
      { name: 'text without body', body: { messaging_product: 'whatsapp', to: USER, type: 'text', text: {} }, code: 131008, details: 'text.body' },
      { name: 'text over 4096', body: textTo(USER, long(4097)), code: 131009, details: 'text.body' },
      { name: 'four buttons', body: buttons([button('a', 'A'), button('b', 'B'), button('c', 'C'), button('d', 'D')]), code: 131009, details: 'interactive.action.buttons' },
      { name: 'no buttons', body: buttons([]), code: 131009, details: 'interactive.action.buttons' },
      { name: 'duplicate titles', body: buttons([button('a', 'Same'), button('b', 'Same')]), code: 131009, details: 'interactive.action.buttons[1].reply.title' },
      { name: 'duplicate ids', body: buttons([button('a', 'One'), button('a', 'Two')]), code: 131009, details: 'interactive.action.buttons[1].reply.id' },
      { name: 'button title over 20', body: buttons([button('a', long(21))]), code: 131009, details: 'interactive.action.buttons[0].reply.title' },
      { name: 'button id over 256', body: buttons([button(long(257), 'A')]), code: 131009, details: 'interactive.action.buttons[0].reply.id' },
      { name: 'button body over 1024', body: { ...buttons([button('a', 'A')]), interactive: { type: 'button', body: { text: long(1025) }, action: { buttons: [button('a', 'A')] } } }, code: 131009, details: 'interactive.body.text' },
      { name: 'header over 60', body: buttons([button('a', 'A')], { header: { type: 'text', text: long(61) } }), code: 131009, details: 'interactive.header.text' },
      { name: 'footer over 60', body: buttons([button('a', 'A')], { footer: { text: long(61) } }), code: 131009, details: 'interactive.footer.text' },
      { name: 'image header without image', body: buttons([button('a', 'A')], { header: { type: 'image' } }), code: 131008, details: 'interactive.header.image' },
      { name: 'interactive without body', body: { messaging_product: 'whatsapp', to: USER, type: 'interactive', interactive: { type: 'button', action: { buttons: [button('a', 'A')] } } }, code: 131008, details: 'interactive.body' },
      { name: 'unsupported interactive type', body: { messaging_product: 'whatsapp', to: USER, type: 'interactive', interactive: { type: 'carousel', body: { text: 'x' } } }, code: 131009, details: 'interactive.type' },
      { name: '11 rows in total', body: listOf([{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }]), code: 131009, details: 'interactive.action.sections' },
      { name: '11 sections', body: listOf(Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}`) }))), code: 131009, details: 'interactive.action.sections' },
      { name: 'no sections', body: listOf([]), code: 131009, details: 'interactive.action.sections' },
      { name: 'section without rows', body: listOf([{ title: 'A', rows: [] }]), code: 131009, details: 'interactive.action.sections[0].rows' },
      { name: 'untitled section among several', body: listOf([{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }]), code: 131008, details: 'interactive.action.sections[1].title' },
      { name: 'row title over 24', body: listOf([{ rows: [{ id: 'a', title: long(25) }] }]), code: 131009, details: 'interactive.action.sections[0].rows[0].title' },
      { name: 'row description over 72', body: listOf([{ rows: [{ id: 'a', title: 'A', description: long(73) }] }]), code: 131009, details: 'interactive.action.sections[0].rows[0].description' },
      { name: 'row id over 200', body: listOf([{ rows: [{ id: long(201), title: 'A' }] }]), code: 131009, details: 'interactive.action.sections[0].rows[0].id' },
      { name: 'duplicate row ids', body: listOf([{ title: 'A', rows: rows(1, 'x') }, { title: 'B', rows: rows(1, 'x') }]), code: 131009, details: 'interactive.action.sections[1].rows[0].id' },
      { name: 'section title over 24', body: listOf([{ title: long(25), rows: rows(1) }]), code: 131009, details: 'interactive.action.sections[0].title' },
      { name: 'list button over 20', body: listOf([{ rows: rows(1) }], {}, long(21)), code: 131009, details: 'interactive.action.button' },
      { name: 'list body over 4096', body: listOf([{ rows: rows(1) }], { body: { text: long(4097) } }), code: 131009, details: 'interactive.body.text' },
      { name: 'list header not text', body: listOf([{ rows: rows(1) }], { header: { type: 'image', image: { id: '1' } } }), code: 131009, details: 'interactive.header.type' },
      { name: 'template without name', body: { messaging_product: 'whatsapp', to: USER, type: 'template', template: { language: { code: 'it' } } }, code: 131008, details: 'template.name' },
      { name: 'template without language', body: { messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'x' } }, code: 131008, details: 'template.language' },
      { name: 'template button without sub_type', body: { messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'x', language: { code: 'it' }, components: [{ type: 'button', index: 0, parameters: [{ type: 'payload', payload: 'P' }] }] } }, code: 131008, details: 'template.components[0].sub_type' },
      { name: 'template text parameter without text', body: { messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'x', language: { code: 'it' }, components: [{ type: 'body', parameters: [{ type: 'text' }] }] } }, code: 131008, details: 'template.components[0].parameters[0].text' },
      { name: 'reaction without message_id', body: { messaging_product: 'whatsapp', to: USER, type: 'reaction', reaction: { emoji: '👍' } }, code: 131008, details: 'reaction.message_id' },
      { name: 'mark-read with another status', body: { messaging_product: 'whatsapp', status: 'delivered', message_id: 'wamid.x' }, code: 131009, details: 'status' },
      { name: 'mark-read without message_id', body: { messaging_product: 'whatsapp', status: 'read' }, code: 131008, details: 'message_id' },
      { name: 'body not JSON', body: '{"messaging_product":', code: 100, details: 'JSON' },
    ];

    for (const example of cases) {
      it(`${example.name} → ${example.code}`, async () => {
        await userWrites(USER);
        const answer = await send(example.body);
        assert.equal(answer.status, 400, JSON.stringify(answer.json));
        const error = metaError(answer);
        assert.equal(error.code, example.code, JSON.stringify(answer.json));
        assert.equal(error.type, 'OAuthException');
        assert.match(String(error.message), new RegExp(`^\\(#${example.code}\\) `));
        assert.ok(String(error.details).includes(example.details), `details "${String(error.details)}" should name ${example.details}`);
        assert.equal(at(answer.json, 'error', 'error_data', 'messaging_product'), 'whatsapp');
        assert.equal(typeof at(answer.json, 'error', 'fbtrace_id'), 'string');
        assert.equal(sandbox.sentMessages().length, 0);
      });
    }

    it('refuses a wrong or missing token with 401 / 190', async () => {
      for (const token of ['wrong', null]) {
        const answer = await send(textTo(USER), { token });
        assert.equal(answer.status, 401);
        assert.equal(metaError(answer).code, 190);
        assert.equal(metaError(answer).type, 'OAuthException');
      }
    });

    it('refuses an unknown phone number id with 100 / subcode 33', async () => {
      const answer = await send(textTo(USER), { phoneNumberId: '999' });
      assert.equal(answer.status, 400);
      assert.equal(metaError(answer).code, 100);
      assert.equal(at(answer.json, 'error', 'error_subcode'), 33);
    });
  });

  describe('idempotency and the 24-hour window', () => {
    it('answers the same Idempotency-Key with the same response and one message', async () => {
      await userWrites(USER);
      const first = await send(textTo(USER), { key: 'out-1' });
      const again = await send(textTo(USER), { key: 'out-1' });
      const other = await send(textTo(USER), { key: 'out-2' });
      assert.deepEqual(again, first);
      assert.notEqual(wamidOf(other), wamidOf(first));
      assert.equal(sandbox.sentMessages().length, 2);
      assert.deepEqual(sandbox.sendAttempts().map((a) => a.outcome), ['accepted', 'replayed', 'accepted']);
    });

    it('refuses free-form messages 24 h after the user\'s last message (131047) but not templates', async () => {
      assert.equal(metaError(await send(textTo(USER))).code, 131047, 'a user who never wrote has no open window');
      await userWrites(USER);
      const clock = await post('/control/clock', { offsetMs: DAY + 1000 });
      assert.equal(clock.json['offsetMs'], DAY + 1000);
      const late = await send(textTo(USER));
      assert.equal(late.status, 400);
      assert.equal(metaError(late).code, 131047);
      assert.match(String(metaError(late).message), /Re-engagement message/);
      const template = await send({ messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'reminder', language: { code: 'it' } } });
      assert.equal(template.status, 200);
      await userWrites(USER);
      assert.equal((await send(textTo(USER))).status, 200);
    });

    it('closes the window at exactly 24 h after the user\'s last message, as Meta does', async () => {
      await userWrites(USER);
      now = START + DAY - 1;
      assert.equal((await send(textTo(USER))).status, 200, 'open one millisecond before 24 h');
      now = START + DAY;
      const atBoundary = await send(textTo(USER));
      assert.equal(atBoundary.status, 400, 'closed at exactly 24 h');
      assert.equal(metaError(atBoundary).code, 131047);
    });
  });

  describe('status webhooks', () => {
    it('posts sent then delivered, then read when the phone reads, signed, with pricing and callback data', async () => {
      await userWrites(USER);
      await sandbox.idle();
      receiver.received.length = 0;
      const answer = await send({ ...textTo(USER), biz_opaque_callback_data: 'out-42' });
      const wamid = wamidOf(answer);
      await waitFor(() => statusesOf(wamid).length >= 2, 'sent and delivered');
      assert.equal((await post(`/phone/${USER}/messages`, { text: 'x' })).status, 200); // unrelated traffic in between
      const read = await post(`/phone/${USER}/read`, {});
      assert.deepEqual(read.json, { read: [wamid] });
      const statuses = statusesOf(wamid);
      assert.deepEqual(statuses.map((s) => s['status']), ['sent', 'delivered', 'read']);
      const free = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
      assert.deepEqual(statuses[0], { id: wamid, status: 'sent', timestamp: String(START / 1000), recipient_id: USER, pricing: free, biz_opaque_callback_data: 'out-42' });
      assert.deepEqual(statuses[1]?.['pricing'], free);
      assert.equal(statuses[2]?.['pricing'], undefined, 'pricing rides on sent and delivered only');
      assert.equal(statuses[2]?.['biz_opaque_callback_data'], 'out-42');
      assert.ok(receiver.received.every((r) => r.signatureValid));
      const envelope = receiver.received.find((r) => at(r.body, 'entry', 0, 'changes', 0, 'value', 'statuses'));
      assert.deepEqual(at(envelope?.body, 'entry', 0, 'changes', 0, 'value', 'metadata'), { display_phone_number: DISPLAY, phone_number_id: PHONE_NUMBER_ID });
      assert.equal(at(envelope?.body, 'object'), 'whatsapp_business_account');
      assert.equal(at(envelope?.body, 'entry', 0, 'id'), WABA);
      assert.equal(at(envelope?.body, 'entry', 0, 'changes', 0, 'field'), 'messages');
      assert.equal(sandbox.chat(USER).messages.find((m) => m.id === wamid)?.status, 'read');
    });

    it('prices templates by category and window, and gives reactions only a sent status', async () => {
      const inbound = await userWrites(USER);
      const utility = wamidOf(await send({ messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'reminder', language: { code: 'it' } } }));
      const marketing = wamidOf(await send({ messaging_product: 'whatsapp', to: USER, type: 'template', template: { name: 'summer_sale', language: { code: 'it' } } }));
      const reaction = wamidOf(await send({ messaging_product: 'whatsapp', to: USER, type: 'reaction', reaction: { message_id: inbound, emoji: '❤️' } }));
      await sandbox.idle();
      assert.deepEqual(statusesOf(utility)[0]?.['pricing'], { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' });
      assert.deepEqual(statusesOf(marketing)[1]?.['pricing'], { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' });
      assert.deepEqual(statusesOf(reaction).map((s) => s['status']), ['sent']);
    });
  });

  describe('the fake phone', () => {
    it('delivers a text as a signed webhook in Meta\'s exact shape, with escaped unicode', async () => {
      const answer = await post(`/phone/${USER}/messages`, { text: 'Ciao, è già aperto? 😀', name: 'Giulia' });
      assert.equal(answer.status, 200);
      const wamid = String(answer.json['wamid']);
      assert.deepEqual(answer.json, { wamid, engineStatus: 200, status: 'delivered' });
      const [delivery] = receiver.received;
      assert.ok(delivery?.signatureValid);
      assert.equal(delivery.headers['content-type'], 'application/json');
      assert.ok(delivery.raw.toString('utf8').includes('\\u00e8 gi\\u00e0'), 'non-ASCII is escaped like Meta does');
      assert.deepEqual(delivery.body, {
        object: 'whatsapp_business_account',
        entry: [{
          id: WABA,
          changes: [{
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: DISPLAY, phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Giulia' }, wa_id: USER }],
              messages: [{ from: USER, id: wamid, timestamp: String(START / 1000), type: 'text', text: { body: 'Ciao, è già aperto? 😀' } }],
            },
            field: 'messages',
          }],
        }],
      });
    });

    it('sends button and list replies with the context of the business message', async () => {
      await userWrites(USER);
      const offer = wamidOf(await send({
        messaging_product: 'whatsapp', to: USER, type: 'interactive',
        interactive: { type: 'button', body: { text: 'Confermi?' }, action: { buttons: [{ type: 'reply', reply: { id: 'confirm', title: 'Confermo' } }] } },
      }));
      await sandbox.idle(); // the offer's sent/delivered webhooks land before the list is cleared
      receiver.received.length = 0;
      await userWrites(USER, { button_reply: { id: 'confirm', title: 'Confermo' } });
      await userWrites(USER, { list_reply: { id: 'cut', title: 'Taglio', description: '30 min' }, context_id: 'wamid.given' });
      const deliveries = messageDeliveries();
      assert.equal(deliveries.length, 2);
      const messages = deliveries.map((r) => at(r.body, 'entry', 0, 'changes', 0, 'value', 'messages', 0) as Json);
      assert.deepEqual(messages[0]?.['context'], { from: DISPLAY, id: offer });
      assert.deepEqual(messages[0]?.['interactive'], { type: 'button_reply', button_reply: { id: 'confirm', title: 'Confermo' } });
      assert.equal(messages[0]?.['type'], 'interactive');
      assert.deepEqual(messages[1]?.['context'], { from: DISPLAY, id: 'wamid.given' });
      assert.deepEqual(messages[1]?.['interactive'], { type: 'list_reply', list_reply: { id: 'cut', title: 'Taglio', description: '30 min' } });
      assert.deepEqual(at(deliveries[0]?.body, 'entry', 0, 'changes', 0, 'value', 'contacts'), [{ profile: { name: 'Giulia' }, wa_id: USER }]);
    });

    it('redelivers the identical body, and a refused webhook stays at sent until delivered', async () => {
      receiver.answer = 500;
      const first = await post(`/phone/${USER}/messages`, { text: 'Prenoto per domani' });
      assert.equal(first.json['engineStatus'], 500);
      assert.equal(first.json['status'], 'sent');
      receiver.answer = 200;
      const again = await post(`/phone/${USER}/redeliver/${String(first.json['wamid'])}`, {});
      assert.deepEqual(again.json, { wamid: first.json['wamid'], engineStatus: 200, status: 'delivered' });
      const [original, redelivered] = receiver.received;
      assert.ok(original !== undefined && redelivered !== undefined);
      assert.ok(original.raw.equals(redelivered.raw), 'byte-identical body');
      assert.equal(original.headers['x-hub-signature-256'], redelivered.headers['x-hub-signature-256']);
      assert.equal((await post(`/phone/${USER}/redeliver/wamid.unknown`, {})).status, 404);
    });

    it('lists the chat with ticks: sent → delivered → read by the business', async () => {
      const inbound = await userWrites(USER);
      const reply = wamidOf(await send({ ...textTo(USER, 'Certo!'), context: { message_id: inbound } }));
      await send({ messaging_product: 'whatsapp', status: 'read', message_id: inbound, typing_indicator: { type: 'text' } });
      await sandbox.idle();
      const chat = (await fetch(`${base}/phone/${USER}/messages`).then((r) => r.json())) as Json;
      assert.equal(chat['user'], USER);
      assert.equal(chat['name'], 'Giulia');
      const messages = chat['messages'] as Json[];
      assert.deepEqual(messages.map((m) => [m['id'], m['direction'], m['kind'], m['status']]), [
        [inbound, 'in', 'text', 'read'],
        [reply, 'out', 'text', 'delivered'],
      ]);
      assert.equal(messages[1]?.['text'], 'Certo!');
      assert.equal(messages[1]?.['contextId'], inbound);
      assert.deepEqual((messages[1]?.['body'] as Json)['text'], { body: 'Certo!' });
      assert.equal(typeof messages[0]?.['at'], 'number');
    });

    it('refuses bad phone input', async () => {
      assert.equal((await post('/phone/not-a-number/messages', { text: 'x' })).status, 400);
      assert.equal((await post(`/phone/${USER}/messages`, { picture: 'x' })).status, 400);
    });
  });

  describe('failure injection', () => {
    it('fails the next sends with the given code, then recovers; mark-as-read is not consumed', async () => {
      const inbound = await userWrites(USER);
      const injected = await post('/control/fail-next', { count: 2, code: 130429 });
      assert.deepEqual(injected.json, { ok: true, pendingFailures: 2 });
      assert.equal((await send({ messaging_product: 'whatsapp', status: 'read', message_id: inbound })).status, 200);
      for (let i = 0; i < 2; i += 1) {
        const failed = await send(textTo(USER), { key: 'k' });
        assert.equal(failed.status, 400);
        assert.equal(metaError(failed).code, 130429);
        assert.match(String(metaError(failed).message), /^\(#130429\) Rate limit hit/);
      }
      assert.equal((await send(textTo(USER), { key: 'k' })).status, 200, 'a failed attempt is not remembered under its key');
      await post('/control/fail-next', { httpStatus: 500 });
      const serverError = await send(textTo(USER));
      assert.equal(serverError.status, 500);
      assert.equal(metaError(serverError).code, 131000);
      assert.equal(at(serverError.json, 'error', 'is_transient'), true);
      await post('/control/fail-next', { code: 131056, httpStatus: 400, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' });
      assert.equal(metaError(await send(textTo(USER))).code, 131056);
      assert.equal(sandbox.sentMessages().length, 1);
    });

    it('holds a send with hang-next; an accepted hung send is replayed on retry with the same key', async () => {
      await userWrites(USER);
      await post('/control/hang-next', { accept: true });
      const started = Date.now();
      const hung = await send(textTo(USER), { key: 'lost-response' });
      assert.equal(hung.status, 504);
      assert.ok(Date.now() - started >= 250, 'answered only after the hang timeout');
      const retry = await send(textTo(USER), { key: 'lost-response' });
      assert.equal(retry.status, 200);
      assert.equal(sandbox.sentMessages().length, 1);
      assert.equal(wamidOf(retry), sandbox.sentMessages()[0]?.wamid);
    });

    it('resets everything', async () => {
      await userWrites(USER);
      await send(textTo(USER));
      await post('/control/fail-next', { count: 3 });
      await post('/control/clock', { advanceMs: 1000 });
      await post('/control/reset', {});
      assert.equal(sandbox.sentMessages().length, 0);
      assert.equal(sandbox.chat(USER).messages.length, 0);
      assert.deepEqual((await fetch(`${base}/control/clock`).then((r) => r.json())) as Json, { offsetMs: 0, now: START });
      await userWrites(USER);
      assert.equal((await send(textTo(USER))).status, 200);
    });
  });
});
