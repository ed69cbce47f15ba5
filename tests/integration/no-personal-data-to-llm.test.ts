/**
 * Zero personal data in any request that leaves for an LLM provider: the whole engine (signed
 * webhooks from the sandbox, storage, the pipeline) with the LLM classifier pointed at a
 * loopback server that records every request. Messages carry every kind of personal data and
 * are out of scope, so each one is sent to the "LLM"; no request, no stored row and no reply
 * may contain any of the values.
 */
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { businessSchema } from '../../src/config/business-schema.ts';
import { demoBusiness } from '../helpers/demo-config.ts';
import { startHarness, type Harness } from '../helpers/engine-harness.ts';
import { startReplayServer, type ReplayServer, type Scripted } from './cloud-api-replay-server.ts';

const KEY_ENV = 'CENTRALINO_TEST_PII_LLM_KEY';

const OUT_OF_SCOPE_ANSWER: Scripted = {
  status: 200,
  json: {
    id: 'chatcmpl-pii',
    object: 'chat.completion',
    created: 1743500000,
    model: 'gpt-4.1-nano-2025-04-14',
    choices: [{ index: 0, message: { role: 'assistant', content: '{"result":"out_of_scope"}', refusal: null }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 300, completion_tokens: 6, total_tokens: 306 },
  },
};

/** Each message: out of scope for the salon, with one or more values that must never leave. */
const CASES: { text: string; values: string[] }[] = [
  { text: "mi si è rotta un'unghia in viaggio, rimborsate su IT60 X054 2811 1010 0000 0123 456?", values: ['IT60X0542811101000000123456', 'IT60 X054'] },
  { text: 'my nail broke on the flight, card 4111 1111 1111 1111 exp 12/27', values: ['4111111111111111', '4111 1111'] },
  { text: 'mi serve la fattura, codice fiscale RSSMRA85T10A562S e P.IVA 12345670157', values: ['RSSMRA85T10A562S', '12345670157'] },
  { text: 'Meine Steuer-ID ist 86095742719, mein Nagel ist abgebrochen', values: ['86095742719'] },
  { text: 'my nail broke, call me on +39 333 123 4567 or write to giulia.rossi@example.com', values: ['3331234567', '333 123 4567', 'giulia.rossi@example.com'] },
  { text: "sono nata il 12/03/1985, mi si è rotta un'unghia", values: ['12/03/1985'] },
  { text: "il mio pin è 4821 e l'otp 583920, la password è Gatto!2024, l'unghia è rotta", values: ['4821', '583920', 'Gatto!2024'] },
];

const digitsOnly = (s: string) => s.replace(/\D/g, '');
/**
 * Whether `text` holds `value` as a value of its own: a short number such as a PIN ("4821")
 * must not count when it is only a run of digits inside a latency, a cost or an id.
 */
const holds = (text: string, value: string) => (/^\d{1,6}$/.test(value) ? new RegExp(`(?<![\\w.])${value}(?![\\w])`).test(text) : text.includes(value));

describe('no personal data reaches an LLM provider, the store or a reply', () => {
  let llm: ReplayServer;
  let h: Harness;
  before(async () => {
    llm = await startReplayServer(OUT_OF_SCOPE_ANSWER);
    process.env[KEY_ENV] = 'sk-test-pii';
    const demo = demoBusiness();
    const llm_classifier = { provider: 'openai-compatible', model: 'gpt-4.1-nano', base_url: `${llm.baseUrl}/v1`, api_key_env: KEY_ENV, price_per_million: { input: 0.1, output: 0.4 } };
    h = await startHarness({ business: businessSchema.parse({ ...demo, understanding: { ...demo.understanding, llm_classifier } }) });
  });
  after(async () => {
    await h.close();
    await llm.close();
    delete process.env[KEY_ENV];
  });

  it('every message goes to the LLM with placeholders only', async () => {
    for (const [i, c] of CASES.entries()) await h.sandbox.phone.send(`39333000100${i}`, { text: c.text });
    await h.settle();
    const turns = await h.engine.store.listTurns({});
    assert.equal(llm.requests.length, CASES.length, `each out-of-scope message is asked once: ${JSON.stringify(turns.map((t) => [t.storedText, t.understanding.intent, t.understanding.source, t.modelCalls]))}`);
    const sent = llm.requests.map((r) => JSON.stringify(r.body)).join('\n');
    for (const value of CASES.flatMap((c) => c.values)) {
      assert.ok(!holds(sent, value), `"${value}" reached the LLM`);
      if (digitsOnly(value).length >= 8) assert.ok(!digitsOnly(sent).includes(digitsOnly(value)), `the digits of "${value}" reached the LLM`);
    }
    assert.match(sent, /\[IBAN_1\]/);
    assert.match(sent, /\[SECRET_\d\]/);
  });

  it('nothing stored and no reply holds the values either', async () => {
    const db = new DatabaseSync(join(h.dataDir, 'centralino.db'), { readOnly: true });
    try {
      const stored = ['webhook_log', 'inbound_messages', 'turns', 'outbound_messages'].map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
      for (const value of CASES.flatMap((c) => c.values)) assert.ok(!holds(stored, value), `"${value}" was stored`);
    } finally {
      db.close();
    }
    const replies = JSON.stringify(h.sandbox.sentMessages());
    for (const value of CASES.flatMap((c) => c.values)) assert.ok(!holds(replies, value), `"${value}" was sent back`);
  });
});
