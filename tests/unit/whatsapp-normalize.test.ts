import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeNotification } from '../../src/channels/whatsapp/normalize.ts';
import type { InboundContent, InboundMessage, NormalizedNotification } from '../../src/core/message.ts';

const PHONE_ID = '106540352242922';
const metadata = { display_phone_number: '15550783881', phone_number_id: PHONE_ID };

function envelope(...changes: unknown[]): unknown {
  return { object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes }] };
}

function messagesChange(value: Record<string, unknown>): unknown {
  return { field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...value } };
}

function textMessage(id: string, from: string, body: string, timestamp: string | number = '1749416383'): unknown {
  return { from, id, timestamp, type: 'text', text: { body } };
}

function normalized(body: unknown): NormalizedNotification {
  const result = normalizeNotification(body);
  if (!result.ok) assert.fail(`expected ok, got: ${result.reason}`);
  return result.notification;
}

/** The one message of a change holding `message` (with a default contact). */
function only(message: unknown, contacts: unknown[] = [{ profile: { name: 'Sheena' }, wa_id: '16505551234' }]): InboundMessage {
  const { messages } = normalized(envelope(messagesChange({ contacts, messages: [message] })));
  assert.equal(messages.length, 1);
  const [first] = messages;
  assert.ok(first);
  return first;
}

function contentOf(message: Record<string, unknown>): InboundContent {
  return only({ from: '16505551234', id: 'wamid.X', timestamp: '1749416383', ...message }).content;
}

describe('normalizeNotification: walking', () => {
  it('walks every entry and every change, in order', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA-1',
          changes: [
            messagesChange({ messages: [textMessage('wamid.1', '111', 'one'), textMessage('wamid.2', '111', 'two', 1749416384)] }),
            messagesChange({ statuses: [{ id: 'wamid.out', status: 'read', timestamp: '1749416390', recipient_id: '111' }] }),
          ],
        },
        {
          id: 'WABA-2',
          time: 1743451903,
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: 'OTHER' },
                messages: [textMessage('wamid.3', '222', 'three')],
                errors: [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong', error_data: { details: 'Unsupported webhook payload' } }],
              },
            },
            { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } },
          ],
        },
      ],
    };
    const n = normalized(body);
    assert.deepEqual(n.messages.map((m) => [m.id, m.phoneNumberId, m.timestamp]), [
      ['wamid.1', PHONE_ID, 1749416383],
      ['wamid.2', PHONE_ID, 1749416384],
      ['wamid.3', 'OTHER', 1749416383],
    ]);
    assert.deepEqual(n.statuses.map((s) => [s.messageId, s.status, s.recipient.key]), [['wamid.out', 'read', '111']]);
    assert.deepEqual(n.errors, [
      { code: 131000, title: 'Something went wrong', message: 'Something went wrong', details: 'Unsupported webhook payload', phoneNumberId: 'OTHER' },
    ]);
    assert.deepEqual(n.others, [{ field: 'account_update', wabaId: 'WABA-2', timestamp: 1743451903, raw: { event: 'VERIFIED_ACCOUNT' } }]);
  });

  it('keeps unknown fields as OtherEvents instead of failing', () => {
    const fields = ['smb_message_echoes', 'user_preferences', 'message_template_status_update', 'brand_new_field'];
    const n = normalized(envelope(...fields.map((field) => ({ field, value: { metadata, anything: [1, 2] } }))));
    assert.deepEqual(n.others.map((o) => [o.field, o.phoneNumberId]), fields.map((f) => [f, PHONE_ID]));
    assert.equal(n.messages.length + n.statuses.length + n.errors.length, 0);
  });

  it('walks a change without a field (trimmed payloads) and without metadata', () => {
    const body = { phone_number: '+1555', object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [textMessage('wamid.1', '111', 'hi')] } }] }] };
    const [message] = normalized(body).messages;
    assert.equal(message?.phoneNumberId, '');
    assert.deepEqual(message?.content, { kind: 'text', body: 'hi' });
  });

  it('keeps an unreadable messages change, and one with nothing in it, as OtherEvents with a reason', () => {
    const n = normalized(envelope({ field: 'messages', value: { metadata, messages: { not: 'an array' } } }, messagesChange({ contacts: [] })));
    assert.deepEqual(n.others.map((o) => o.reason), ['value.messages must be an array', 'no messages, statuses or errors in this change']);
  });
});

describe('normalizeNotification: refusals', () => {
  const cases: [string, unknown, string][] = [
    ['null', null, 'body must be a JSON object'],
    ['a string', 'hello', 'body must be a JSON object'],
    ['an array', [], 'body must be a JSON object'],
    ['a Page notification', { object: 'page', entry: [] }, 'object must be "whatsapp_business_account" (got "page")'],
    ['no object', { entry: [] }, 'object must be "whatsapp_business_account" (got nothing)'],
    ['no entry', { object: 'whatsapp_business_account' }, 'entry must be an array'],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }, 'entry must be an array'],
    ['an entry that is not an object', { object: 'whatsapp_business_account', entry: [1] }, 'entry[0] must be an object'],
    ['no changes', { object: 'whatsapp_business_account', entry: [{ id: '1' }] }, 'entry[0].changes must be an array'],
    ['a change that is not an object', { object: 'whatsapp_business_account', entry: [{ changes: [] }, { changes: ['x'] }] }, 'entry[1].changes[0] must be an object'],
  ];
  for (const [name, body, reason] of cases) {
    it(`refuses ${name}`, () => {
      assert.deepEqual(normalizeNotification(body), { ok: false, code: 'WEBHOOK_NOT_WHATSAPP', reason });
    });
  }

  it('accepts an empty entry list', () => {
    assert.deepEqual(normalizeNotification({ object: 'whatsapp_business_account', entry: [] }), {
      ok: true,
      notification: { messages: [], statuses: [], errors: [], others: [] },
    });
  });
});

describe('normalizeNotification: customers', () => {
  it('keys a BSUID-only user on from_user_id, with the profile from contacts', () => {
    const message = only(
      { from_user_id: 'US.13491208655302741918', from_parent_user_id: 'US.ENT.1', id: 'wamid.B', timestamp: '1778579582', type: 'text', text: { body: 'hi' } },
      [
        { profile: { name: 'Someone else' }, wa_id: '999' },
        { profile: { name: 'Julian', username: 'julianzlc' }, user_id: 'US.13491208655302741918', parent_user_id: 'US.ENT.1' },
      ],
    );
    assert.deepEqual(message.customer, {
      key: 'US.13491208655302741918',
      userId: 'US.13491208655302741918',
      parentUserId: 'US.ENT.1',
      username: 'julianzlc',
      name: 'Julian',
    });
  });

  it('prefers from / wa_id over the BSUID when both are present', () => {
    const message = only(textMessage('wamid.1', '16315551181', 'hi'), [
      { profile: { name: 'Test' }, wa_id: '16315551181', user_id: 'US.1' },
    ]);
    assert.deepEqual(message.customer, { key: '16315551181', waId: '16315551181', userId: 'US.1', name: 'Test' });
  });

  it('falls back to the only contact when the message has neither from nor from_user_id', () => {
    const message = only({ id: 'wamid.1', timestamp: '1669233778', type: 'text', text: { body: 'x' } }, [{ profile: { name: 'N' }, user_id: 'BSUID_123' }]);
    assert.deepEqual(message.customer, { key: 'BSUID_123', userId: 'BSUID_123', name: 'N' });
  });

  it('leaves the key empty when nothing identifies the sender', () => {
    const message = only({ id: 'wamid.1', timestamp: '1669233778', type: 'text', text: { body: 'x' } }, []);
    assert.deepEqual(message.customer, { key: '' });
  });
});

describe('normalizeNotification: message types', () => {
  it('keeps an unknown type as unsupported, with its errors', () => {
    const errors = [{ code: 131051, title: 'Message type unknown', error_data: { details: 'not supported' } }];
    assert.deepEqual(contentOf({ type: 'carrier_pigeon', carrier_pigeon: { coo: true }, errors }), {
      kind: 'unsupported',
      originalType: 'carrier_pigeon',
      errors: [{ code: 131051, title: 'Message type unknown', details: 'not supported' }],
    });
    assert.deepEqual(contentOf({ type: 'unsupported', unsupported: { type: 'pool' } }), { kind: 'unsupported', originalType: 'pool', errors: [] });
    assert.deepEqual(contentOf({ type: 'interactive', interactive: { type: 'call_permission_reply', call_permission_reply: {} } }), {
      kind: 'unsupported',
      originalType: 'interactive.call_permission_reply',
      errors: [],
    });
  });

  it('keeps a malformed message as unsupported, saying what was wrong, with its raw payload', () => {
    const raw = { from: '111', id: 'wamid.M', timestamp: '1749416383', type: 'text', text: { bod: 'typo' } };
    const message = only(raw);
    assert.equal(message.id, 'wamid.M');
    assert.equal(message.raw, raw);
    assert.deepEqual(message.content, {
      kind: 'unsupported',
      originalType: 'text',
      errors: [],
      malformed: 'text.body: Invalid input: expected string, received undefined',
    });
    const noTimestamp = only({ from: '111', id: 'wamid.T', type: 'text', text: { body: 'hi' } });
    assert.equal(noTimestamp.content.kind, 'unsupported');
    assert.equal(noTimestamp.timestamp, 0);
    assert.equal(noTimestamp.customer.key, '111');
    const notAnObject = only('garbage');
    assert.equal(notAnObject.content.kind, 'unsupported');
    assert.equal(notAnObject.idSynthesized, true);
    assert.equal(notAnObject.raw, 'garbage');
  });

  it('synthesises a stable id for a message without one', () => {
    const raw = { from: '111', timestamp: '1', type: 'text', text: { body: 'hi' } };
    const first = only(raw);
    const again = only(structuredClone(raw));
    assert.equal(first.idSynthesized, true);
    assert.match(first.id, /^synthetic\.[0-9a-f]{40}$/);
    assert.equal(first.id, again.id);
    assert.notEqual(first.id, only({ ...raw, text: { body: 'other' } }).id);
  });

  it('parses timestamps given as strings or integers', () => {
    assert.equal(only(textMessage('a', '1', 'x', '1669233778')).timestamp, 1669233778);
    assert.equal(only(textMessage('a', '1', 'x', 1669233778)).timestamp, 1669233778);
  });

  it('reads flow replies defensively', () => {
    const flow = (nfm: Record<string, unknown>): InboundContent =>
      contentOf({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', ...nfm } } });
    assert.deepEqual(flow({ response_json: '{"flow_token":"t","rating":5}' }), {
      kind: 'flow_reply',
      name: 'flow',
      body: 'Sent',
      response: { flow_token: 't', rating: 5 },
      responseJson: '{"flow_token":"t","rating":5}',
    });
    const invalid = flow({ response_json: '{not json' });
    assert.ok(invalid.kind === 'flow_reply');
    assert.equal(invalid.response, undefined);
    assert.equal(invalid.responseJson, '{not json');
    assert.deepEqual(flow({}), { kind: 'flow_reply', name: 'flow', body: 'Sent' });
  });

  it('reads button, list and template-button replies', () => {
    assert.deepEqual(contentOf({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Yes' } } }), {
      kind: 'button_reply',
      id: 'b1',
      title: 'Yes',
    });
    assert.deepEqual(
      contentOf({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Row', description: 'd' } } }),
      { kind: 'list_reply', id: 'r1', title: 'Row', description: 'd' },
    );
    assert.deepEqual(contentOf({ type: 'button', button: { payload: 'P', text: 'T' } }), { kind: 'template_button', payload: 'P', text: 'T' });
  });

  it('treats an empty or missing emoji as a removed reaction', () => {
    assert.deepEqual(contentOf({ type: 'reaction', reaction: { message_id: 'wamid.R', emoji: '👍' } }), { kind: 'reaction', messageId: 'wamid.R', emoji: '👍' });
    assert.deepEqual(contentOf({ type: 'reaction', reaction: { message_id: 'wamid.R', emoji: '' } }), { kind: 'reaction', messageId: 'wamid.R' });
    assert.deepEqual(contentOf({ type: 'reaction', reaction: { message_id: 'wamid.R' } }), { kind: 'reaction', messageId: 'wamid.R' });
  });

  it('normalises the message inside an edit, and reads revokes', () => {
    assert.deepEqual(
      contentOf({ type: 'edit', edit: { original_message_id: 'wamid.O', message: { type: 'image', image: { id: 'M1', caption: 'new caption' } } } }),
      { kind: 'edit', originalMessageId: 'wamid.O', edited: { kind: 'media', mediaType: 'image', mediaId: 'M1', caption: 'new caption' } },
    );
    assert.deepEqual(contentOf({ type: 'edit', edit: { original_message_id: 'wamid.O', message: { type: 'text', text: {} } } }), {
      kind: 'edit',
      originalMessageId: 'wamid.O',
      edited: { kind: 'unsupported', originalType: 'text', errors: [], malformed: 'text.body: Invalid input: expected string, received undefined' },
    });
    assert.deepEqual(contentOf({ type: 'revoke', revoke: { original_message_id: 'wamid.O' } }), { kind: 'revoke', originalMessageId: 'wamid.O' });
  });

  it('reads location (numeric strings too), order, system and media', () => {
    assert.deepEqual(contentOf({ type: 'location', location: { latitude: '39.28', longitude: -84.26, name: 'Castle' } }), {
      kind: 'location',
      latitude: 39.28,
      longitude: -84.26,
      name: 'Castle',
    });
    assert.deepEqual(
      contentOf({
        type: 'order',
        order: { catalog_id: 'C', text: 'pls', product_items: [{ product_retailer_id: 'SKU', quantity: 2, item_price: 9.5, currency: 'EUR' }] },
      }),
      { kind: 'order', catalogId: 'C', text: 'pls', items: [{ productRetailerId: 'SKU', quantity: 2, itemPrice: 9.5, currency: 'EUR' }] },
    );
    assert.deepEqual(contentOf({ type: 'system', system: { body: 'changed', type: 'user_changed_number', wa_id: '222' } }), {
      kind: 'system',
      systemType: 'user_changed_number',
      body: 'changed',
      newWaId: '222',
    });
    assert.deepEqual(contentOf({ type: 'audio', audio: { id: 'A', mime_type: 'audio/ogg', voice: true, url: 'https://lookaside.fbsbx.com/x' } }), {
      kind: 'media',
      mediaType: 'audio',
      mediaId: 'A',
      mimeType: 'audio/ogg',
      voice: true,
      url: 'https://lookaside.fbsbx.com/x',
    });
  });

  it('maps context and referral', () => {
    const message = only({
      ...(textMessage('wamid.C', '111', 'hi') as Record<string, unknown>),
      context: { from: '155', id: 'wamid.Q', frequently_forwarded: true },
      referral: { source_type: 'ad', ctwa_clid: 'clid' },
    });
    assert.deepEqual(message.context, { replyToMessageId: 'wamid.Q', replyToFrom: '155', frequentlyForwarded: true });
    assert.deepEqual(message.referral, { source_type: 'ad', ctwa_clid: 'clid' });
  });
});

describe('normalizeNotification: statuses', () => {
  function statuses(...items: unknown[]): NormalizedNotification {
    return normalized(envelope(messagesChange({ statuses: items })));
  }

  it('reads a failed status with errors and the callback data', () => {
    const [status] = statuses({
      id: 'wamid.S',
      status: 'failed',
      timestamp: '1751142888',
      recipient_id: '16505551234',
      biz_opaque_callback_data: 'idem-42',
      errors: [{ code: 131049, title: 'T', message: 'M', error_data: { details: 'D' }, href: '/errors' }],
    }).statuses;
    assert.deepEqual(
      { ...status, raw: undefined },
      {
        messageId: 'wamid.S',
        phoneNumberId: PHONE_ID,
        status: 'failed',
        timestamp: 1751142888,
        recipient: { key: '16505551234', waId: '16505551234' },
        errors: [{ code: 131049, title: 'T', message: 'M', details: 'D', href: '/errors' }],
        callbackData: 'idem-42',
        raw: undefined,
      },
    );
  });

  it('accepts both spellings of the parent BSUID and a BSUID-only recipient', () => {
    const n = statuses(
      { id: 'a', status: 'sent', timestamp: '1', recipient_user_id: 'US.1', parent_recipient_user_id: 'US.ENT.1' },
      { id: 'b', status: 'delivered', timestamp: '2', recipient_user_id: 'US.2', recipient_parent_user_id: 'US.ENT.2' },
    );
    assert.deepEqual(n.statuses.map((s) => s.recipient), [
      { key: 'US.1', userId: 'US.1', parentUserId: 'US.ENT.1' },
      { key: 'US.2', userId: 'US.2', parentUserId: 'US.ENT.2' },
    ]);
  });

  it('maps pricing and conversation, both optional', () => {
    const [withBoth, without] = statuses(
      {
        id: 'a',
        status: 'sent',
        timestamp: '1750030073',
        recipient_id: '1',
        conversation: { id: 'conv', expiration_timestamp: '1750116480', origin: { type: 'marketing' } },
        pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
      },
      { id: 'b', status: 'played', timestamp: 1750030074, recipient_id: '1' },
    ).statuses;
    assert.deepEqual(withBoth?.pricing, { billable: true, pricingModel: 'PMP', type: 'regular', category: 'marketing' });
    assert.deepEqual(withBoth?.conversation, { id: 'conv', originType: 'marketing', expirationTimestamp: 1750116480 });
    assert.equal(without?.status, 'played');
    assert.equal(without?.pricing, undefined);
    assert.equal(without?.conversation, undefined);
  });

  it('keeps an unreadable status as an OtherEvent with a reason', () => {
    const n = statuses({ id: 'ok', status: 'read', timestamp: '1', recipient_id: '1' }, { id: 'bad', status: 'read', timestamp: 'yesterday' });
    assert.deepEqual(n.statuses.map((s) => s.messageId), ['ok']);
    assert.equal(n.others.length, 1);
    assert.equal(n.others[0]?.field, 'messages');
    assert.match(n.others[0]?.reason ?? '', /^statuses\[1\]\.timestamp/);
  });
});
