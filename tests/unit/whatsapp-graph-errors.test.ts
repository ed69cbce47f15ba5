import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { describeGraphError, GRAPH_CODE, isRetryable, parseGraphError } from '../../src/channels/whatsapp/graph-errors.ts';

const PAYLOADS = new URL('../../../shared/whatsapp/payloads/', import.meta.url);
const payload = (name: string): unknown => JSON.parse(readFileSync(new URL(name, PAYLOADS), 'utf8'));

describe('parseGraphError: recorded error bodies', () => {
  it('190 invalid OAuth token (netflie)', () => {
    const error = parseGraphError(payload('netflie__WhatsAppCloudApiTest__error_190_invalid_oauth_token.json'), 401);
    assert.deepEqual(error, {
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
      fbtraceId: 'AbJuG-rMVv36mjw-r78mKwg',
      httpStatus: 401,
    });
    assert.equal(isRetryable(error ?? {}), false);
  });

  it('100 with subcode 33 (java-api)', () => {
    const error = parseGraphError(payload('java-api__phoneNumberNotFoundError__error_100_subcode_33.json'));
    assert.equal(error?.code, 100);
    assert.equal(error?.subcode, 33);
    assert.equal(error?.type, 'GraphMethodException');
    assert.match(error?.message ?? '', /^Unsupported get request/);
    assert.equal(isRetryable(error ?? {}), false);
  });

  it('136024 with is_transient and user texts (java-api)', () => {
    const error = parseGraphError(payload('java-api__requestCodeError__error_136024.json'));
    assert.equal(error?.code, 136024);
    assert.equal(error?.subcode, 2388091);
    assert.equal(error?.isTransient, false);
    assert.equal(error?.userTitle, 'Não foi possível enviar o código');
    assert.equal(error?.userMessage, 'Tente novamente depois de um tempo.');
    assert.equal(isRetryable(error ?? {}), false);
  });

  it('136025 verify code error (java-api)', () => {
    const error = parseGraphError(payload('java-api__verifyCodeError__error_verify_code.json'));
    assert.equal(error?.code, 136025);
    assert.equal(error?.subcode, 2388093);
    assert.equal(error?.message, 'Verify code error');
    assert.equal(error?.fbtraceId, 'AlUVfPbGecEVqld9CAPMk53');
  });

  it('131056 with error_data.details (digest §3.3)', () => {
    const error = parseGraphError({
      error: {
        message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
        type: 'OAuthException',
        code: 131056,
        error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.' },
        fbtrace_id: 'A1',
      },
    });
    assert.equal(error?.code, GRAPH_CODE.PAIR_RATE_LIMIT);
    assert.match(error?.details ?? '', /too many messages/);
    assert.equal(isRetryable(error ?? {}), true);
  });

  it('is lenient: numeric-string codes, missing message, odd fields', () => {
    assert.deepEqual(parseGraphError({ error: { code: '131047' } }), { code: 131047, message: describeGraphError(131047) });
    assert.deepEqual(parseGraphError({ error: { code: null, message: 42, error_data: 'x' } }), { message: 'unknown Graph API error' });
  });

  it('returns undefined for bodies without an error object', () => {
    for (const body of [undefined, null, 'Bad Gateway', {}, { success: true }, { error: 'nope' }]) {
      assert.equal(parseGraphError(body), undefined);
    }
  });
});

describe('isRetryable: classified by error.code, not by HTTP status', () => {
  it('retryable codes, whatever the status', () => {
    for (const code of [130429, 131056, 131000, 131016, 131057, 4, 80007]) {
      assert.equal(isRetryable({ code, httpStatus: 400 }), true, `code ${code}`);
    }
  });

  it('permanent codes, even with a 5xx or is_transient', () => {
    for (const code of [131047, 131026, 131049, 131050, 132000, 132001, 132015, 100, 190, 131008, 131009, 131048, 200]) {
      assert.equal(isRetryable({ code, httpStatus: 500, isTransient: true }), false, `code ${code}`);
    }
  });

  it('without a parseable code: 5xx and 429 retry, 4xx do not', () => {
    assert.equal(isRetryable({ httpStatus: 500 }), true);
    assert.equal(isRetryable({ httpStatus: 503 }), true);
    assert.equal(isRetryable({ httpStatus: 429 }), true);
    assert.equal(isRetryable({ httpStatus: 400 }), false);
    assert.equal(isRetryable({ httpStatus: 404 }), false);
  });

  it('network errors and timeouts retry', () => {
    assert.equal(isRetryable({ network: true }), true);
    assert.equal(isRetryable({ timeout: true }), true);
  });

  it('an unknown code retries only when Meta marks it transient', () => {
    assert.equal(isRetryable({ code: 999999 }), false);
    assert.equal(isRetryable({ code: 999999, isTransient: true }), true);
  });
});

describe('describeGraphError', () => {
  it('has a short text for every code of the digest table', () => {
    const codes = [0, 3, 10, 100, 190, 4, 80007, 130429, 131048, 131056, 131064, 133016, 368, 131031, 130497, 130472, 131000, 131005, 131008, 131009, 131016, 131021, 131026, 131030, 131037, 131042, 131045, 131047, 131049, 131050, 131051, 131052, 131053, 131057, 131062, 131063, 132000, 132001, 132005, 132007, 132008, 132012, 132015, 132016, 132068, 132069, 135000, 137000];
    for (const code of codes) {
      const text = describeGraphError(code);
      assert.ok(text.length > 0 && text.length <= 120 && !text.startsWith('Graph API error'), `code ${code}: ${text}`);
    }
  });

  it('falls back by range, then to the bare code', () => {
    assert.equal(describeGraphError(132099), 'template error');
    assert.equal(describeGraphError(250), 'API permission error');
    assert.equal(describeGraphError(424242), 'Graph API error 424242');
    assert.match(describeGraphError(131047), /24 hours/);
  });
});
