import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { verifyHandshake } from '../../src/channels/whatsapp/handshake.ts';
import { signBody, verifySignature } from '../../src/channels/whatsapp/signature.ts';

const SECRET = "It's a Secret to Everybody";
const BODY = 'Hello, World!';
const EXPECTED = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

const vectorUrl = new URL(
  '../../../shared/whatsapp/payloads/typebot__verifyWhatsAppWebhookSignature.test__signature_test_vector.json',
  import.meta.url,
);

function readVector(): { appSecret: string; rawBody: string; signature: string } {
  const parsed: unknown = JSON.parse(readFileSync(vectorUrl, 'utf8'));
  assert.ok(typeof parsed === 'object' && parsed !== null);
  const { appSecret, rawBody, signature } = parsed as Record<string, unknown>;
  assert.ok(typeof appSecret === 'string' && typeof rawBody === 'string' && typeof signature === 'string');
  return { appSecret, rawBody, signature };
}

describe('signBody', () => {
  it("matches Meta's/GitHub's documented vector", () => {
    assert.equal(signBody(BODY, SECRET), EXPECTED);
  });

  it('matches the typebot vector file in the shared corpus', () => {
    const vector = readVector();
    assert.equal(signBody(vector.rawBody, vector.appSecret), vector.signature);
    assert.deepEqual(verifySignature(vector.rawBody, vector.signature, vector.appSecret), { ok: true });
  });

  it('hashes a string and its UTF-8 bytes the same way', () => {
    const body = '{"text":"äöå 👍"}';
    assert.equal(signBody(body, SECRET), signBody(new TextEncoder().encode(body), SECRET));
  });
});

describe('verifySignature', () => {
  it('accepts the right signature, for a string or a byte body', () => {
    assert.deepEqual(verifySignature(BODY, EXPECTED, SECRET), { ok: true });
    assert.deepEqual(verifySignature(Buffer.from(BODY), EXPECTED, SECRET), { ok: true });
    assert.deepEqual(verifySignature(new TextEncoder().encode(BODY), EXPECTED, SECRET), { ok: true });
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    const upper = `sha256=${EXPECTED.slice('sha256='.length).toUpperCase()}`;
    assert.deepEqual(verifySignature(BODY, upper, SECRET), { ok: true });
    assert.deepEqual(verifySignature(BODY, ` ${EXPECTED} `, SECRET), { ok: true });
  });

  it('reports a missing header as WEBHOOK_SIGNATURE_MISSING', () => {
    for (const header of [undefined, null, '', '   ']) {
      const result = verifySignature(BODY, header, SECRET);
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.code, 'WEBHOOK_SIGNATURE_MISSING');
    }
  });

  it('refuses a header without the sha256= prefix', () => {
    const hex = EXPECTED.slice('sha256='.length);
    for (const header of [hex, `sha1=${hex}`, `SHA256=${hex}`, `sha256:${hex}`]) {
      const result = verifySignature(BODY, header, SECRET);
      assert.ok(!result.ok, header);
      assert.equal(result.code, 'WEBHOOK_SIGNATURE_INVALID');
      assert.match(result.reason, /sha256=/);
    }
  });

  it('refuses a digest of the wrong length or with non-hex characters', () => {
    for (const header of [EXPECTED.slice(0, -2), `${EXPECTED}00`, 'sha256=', `${EXPECTED.slice(0, -1)}g`]) {
      const result = verifySignature(BODY, header, SECRET);
      assert.ok(!result.ok, header);
      assert.equal(result.code, 'WEBHOOK_SIGNATURE_INVALID');
      assert.match(result.reason, /64 hex characters/);
    }
  });

  it('refuses a tampered body, a wrong secret and an empty secret', () => {
    for (const [body, secret] of [
      ['Hello, World?', SECRET],
      [`${BODY} `, SECRET],
      [BODY, 'another secret'],
      [BODY, ''],
    ] as const) {
      const result = verifySignature(body, EXPECTED, secret);
      assert.ok(!result.ok, `${body} / ${secret}`);
      assert.equal(result.code, 'WEBHOOK_SIGNATURE_INVALID');
    }
  });

  it('hashes a non-ASCII body on its raw bytes, not on an escaped or re-encoded form', () => {
    const raw = '{"text":"Grüße, äöå 👍"}';
    const bytes = Buffer.from(raw, 'utf8');
    const header = signBody(bytes, SECRET);
    assert.deepEqual(verifySignature(bytes, header, SECRET), { ok: true });
    assert.deepEqual(verifySignature(raw, header, SECRET), { ok: true });
    // The escaped-unicode form of the same JSON is a different byte sequence.
    const escaped = '{"text":"Gr\\u00fc\\u00dfe, \\u00e4\\u00f6\\u00e5 \\ud83d\\udc4d"}';
    assert.deepEqual(JSON.parse(escaped), JSON.parse(raw));
    assert.equal(verifySignature(escaped, header, SECRET).ok, false);
    // So is the same text re-encoded as Latin-1.
    assert.equal(verifySignature(Buffer.from('{"text":"Grüße"}', 'latin1'), signBody('{"text":"Grüße"}', SECRET), SECRET).ok, false);
  });
});

describe('verifyHandshake', () => {
  const TOKEN = 'my-verify-token';
  const query = (overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
    'hub.mode': 'subscribe',
    'hub.verify_token': TOKEN,
    'hub.challenge': '1158201444',
    ...overrides,
  });

  it('returns the challenge when mode and token are right', () => {
    assert.deepEqual(verifyHandshake(query(), TOKEN), { ok: true, challenge: '1158201444' });
  });

  it('refuses a wrong or missing token', () => {
    for (const token of ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1), '', undefined]) {
      const result = verifyHandshake(query({ 'hub.verify_token': token }), TOKEN);
      assert.equal(result.ok, false, String(token));
      assert.ok(!result.ok);
      assert.match(result.reason, /hub\.verify_token/);
    }
  });

  it('refuses a mode other than subscribe', () => {
    for (const mode of ['unsubscribe', 'SUBSCRIBE', '', undefined]) {
      const result = verifyHandshake(query({ 'hub.mode': mode }), TOKEN);
      assert.ok(!result.ok, String(mode));
      assert.match(result.reason, /hub\.mode/);
    }
  });

  it('refuses a missing or empty challenge', () => {
    for (const challenge of ['', undefined]) {
      const result = verifyHandshake(query({ 'hub.challenge': challenge }), TOKEN);
      assert.ok(!result.ok);
      assert.match(result.reason, /hub\.challenge/);
    }
  });

  it('refuses everything when no verify token is configured', () => {
    const result = verifyHandshake(query({ 'hub.verify_token': '' }), '');
    assert.equal(result.ok, false);
  });
});
