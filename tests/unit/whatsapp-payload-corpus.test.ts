/**
 * Every JSON document in ../shared/whatsapp/payloads/ is classified here. Webhook
 * notifications must normalise ok with nothing dropped, and match their row of the
 * expectation table; the other documents (send bodies, API responses, the signature
 * vector) must be listed as such. A new file in the folder fails until someone classifies it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizeNotification } from '../../src/channels/whatsapp/normalize.ts';
import type { InboundContent, NormalizedNotification } from '../../src/core/message.ts';

const PAYLOADS = new URL('../../../shared/whatsapp/payloads/', import.meta.url);

/**
 * What each notification normalises to. `messages` are content kinds (`media:<type>`,
 * `unsupported:<originalType>`), `customers` their customer keys; `statuses` are status values,
 * `recipients` their recipient keys; `others` the fields of the OtherEvents.
 */
interface Expected {
  messages: string[];
  customers?: string[];
  statuses: string[];
  recipients?: string[];
  errors?: number;
  others: string[];
}

const NOTIFICATIONS: Record<string, Expected> = {
  'botpress__bsuid-payload.test__statusPayload_delivered': { messages: [], statuses: ['delivered'], recipients: ['CO.1047385771169864'], others: [] },
  'botpress__bsuid-payload.test__statusPayload_failed': { messages: [], statuses: ['failed'], recipients: ['CO.1047385771169864'], others: [] },
  'botpress__bsuid-payload.test__usernameOnlyMessagePayload': { messages: ['text'], customers: ['CO.1047385771169864'], statuses: [], others: [] },
  'botpress__echo-payload.test__realisticTextEcho': { messages: [], statuses: [], others: ['smb_message_echoes'] },
  'chatwoot__incoming_message_whatsapp_cloud_service_spec__bsuid_params_username_parent': { messages: ['text'], customers: ['IN.2081978709342942'], statuses: [], others: [] },
  'chatwoot__incoming_message_whatsapp_cloud_service_spec__error_params_image_with_errors': { messages: ['media:image'], customers: ['2423423243'], statuses: [], others: [] },
  'chatwoot__incoming_message_whatsapp_cloud_service_spec__flow_response_params_nfm_reply': { messages: ['flow_reply'], customers: ['2423423243'], statuses: [], others: [] },
  'chatwoot__incoming_message_whatsapp_cloud_service_spec__params_image': { messages: ['media:image'], customers: ['2423423243'], statuses: [], others: [] },
  'java-api__accountBanned': { messages: [], statuses: [], others: ['account_update'] },
  'java-api__accountRestricted': { messages: [], statuses: [], others: ['account_update'] },
  'java-api__accountReview': { messages: [], statuses: [], others: ['account_review_update'] },
  'java-api__audioMessage': { messages: ['media:audio'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__buttonMessage': { messages: ['template_button'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__contactMessage': { messages: ['contacts'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__documentMessage': { messages: ['media:document'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__imageMessage': { messages: ['media:image'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__locationMessage': { messages: ['location'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__mediaUploadError': { messages: [], statuses: ['failed'], recipients: ['1111111111111'], others: [] },
  'java-api__messageDeleted': { messages: ['unsupported:unsupported'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__phoneNumberNameUpdate': { messages: [], statuses: [], others: ['phone_number_name_update'] },
  'java-api__qualityUpdate': { messages: [], statuses: [], others: ['phone_number_quality_update'] },
  'java-api__reEngagementMessageError': { messages: [], statuses: ['failed'], recipients: ['5511111111111'], others: [] },
  'java-api__reactMessage': { messages: ['reaction'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__rejectedTemplate': { messages: [], statuses: [], others: ['message_template_status_update'] },
  'java-api__stickerMessage': { messages: ['media:sticker'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__templateSchedulingForDisabling': { messages: [], statuses: [], others: ['message_template_status_update'] },
  'java-api__textMessage': { messages: ['text'], customers: ['1111111111111'], statuses: [], others: [] },
  'java-api__textMessage2': { messages: ['text'], customers: ['409552778964973'], statuses: [], others: [] },
  'java-api__textMessageStatusDelivered': { messages: [], statuses: ['delivered'], recipients: ['1111111111111'], others: [] },
  'java-api__textMessageStatusRead': { messages: [], statuses: ['read'], recipients: ['1111111111111'], others: [] },
  'java-api__textMessageStatusSent': { messages: [], statuses: ['sent'], recipients: ['1111111111111'], others: [] },
  'java-api__verifiedAccount': { messages: [], statuses: [], others: ['account_update'] },
  'java-api__videoMessage': { messages: ['media:video'], customers: ['1111111111111'], statuses: [], others: [] },
  'meta-docs__interactive_list__webhook_list_reply': { messages: ['list_reply'], customers: ['16505551234'], statuses: [], others: [] },
  'meta-docs__interactive_reply_buttons__webhook_button_reply': { messages: ['button_reply'], customers: ['16505551234'], statuses: [], others: [] },
  'meta-docs__messages_reference__delivered_cbp_service': { messages: [], statuses: ['delivered'], recipients: ['16505551234'], others: [] },
  'meta-docs__messages_reference__incoming_text': { messages: ['text'], customers: ['16505551234'], statuses: [], others: [] },
  'meta-docs__pricing__account_update_volume_tier': { messages: [], statuses: [], others: ['account_update'] },
  'meta-docs__status_reference__failed_131049': { messages: [], statuses: ['failed'], recipients: ['16505551234'], others: [] },
  'meta-docs__status_reference__sent_marketing_pmp': { messages: [], statuses: ['sent'], recipients: ['16505551234'], others: [] },
  'meta-docs__status_reference__v24_no_conversation_no_pricing': { messages: [], statuses: ['sent'], recipients: ['16505551234'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_button_notification': { messages: ['template_button'], customers: ['16315551234'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_button_reply_notification': { messages: ['button_reply'], customers: ['PHONE_NUMBER_ID'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_contact_notification': { messages: ['contacts'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_flow_notification': { messages: ['flow_reply'], customers: ['PHONE_NUMBER_ID'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_forwarded_notification': { messages: ['text'], customers: ['16315551234'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_list_notification': { messages: ['list_reply'], customers: ['PHONE_NUMBER_ID'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_location_notification': { messages: ['unsupported:location'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_marketing_status_notification': { messages: [], statuses: ['delivered'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_notification': { messages: ['template_button'], customers: ['16315551234'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_notification_with_bsuid_only_and_no_from': { messages: ['text'], customers: ['BSUID_123'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_reaction_notification': { messages: ['reaction'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_removed_reaction_notification': { messages: ['reaction'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_service_status_notification': { messages: [], statuses: ['delivered'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_status_conversation_initiated_notification': { messages: [], statuses: ['read'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_status_notification': { messages: [], statuses: ['read'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_status_notification_with_errors': { messages: [], statuses: ['failed'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_status_notification_without_expiration_time': { messages: [], statuses: ['delivered'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_status_with_pricing_notification': { messages: [], statuses: ['delivered'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_sticker_notification': { messages: ['media:sticker'], customers: ['SENDER_PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_system_notification': { messages: ['system'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_a_text_notification': { messages: ['text'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_an_authentication_status_notification': { messages: [], statuses: ['delivered'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_an_document_notification': { messages: ['media:document'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_an_image_notification': { messages: ['media:image'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_an_order_notification': { messages: ['unsupported:order'], customers: ['PHONE_NUMBER_ID'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_an_unknown_notification': { messages: ['unsupported:unknown'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_build_an_utility_status_notification': { messages: [], statuses: ['delivered'], recipients: ['CUSTOMER_PHONE_NUMBER'], others: [] },
  'netflie__NotificationFactoryTest__can_build_multiple_text_notification': { messages: ['text', 'text'], customers: ['PHONE_NUMBER', 'PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__can_keep_wa_id_priority_when_user_id_is_present': { messages: ['text'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'netflie__NotificationFactoryTest__without_contact_profile_can_build_a_notification': { messages: ['text'], customers: ['PHONE_NUMBER'], statuses: [], others: [] },
  'whatsapp-api-js__payloads.test__v25_delivered_status_phone_and_username_parent_sent_to_phone': { messages: [], statuses: ['delivered'], recipients: ['16315551181'], others: [] },
  'whatsapp-api-js__payloads.test__v25_incoming_text_phone_and_username_parent_bsuid': { messages: ['text'], customers: ['16315551181'], statuses: [], others: [] },
  'whatsapp-api-js__payloads.test__v25_incoming_text_phone_no_parent': { messages: ['text'], customers: ['16315551181'], statuses: [], others: [] },
  'whatsapp-api-js__payloads.test__v25_incoming_text_username_only_parent_bsuid': { messages: ['text'], customers: ['US.13491208655302741918'], statuses: [], others: [] },
  'whatsapp-api-js__payloads.test__v25_read_status_phone_no_parent_sent_to_phone': { messages: [], statuses: ['read'], recipients: ['16315551181'], others: [] },
  'whatsapp-api-js__payloads.test__v25_sent_status_username_parent_sent_to_bsuid': { messages: [], statuses: ['sent'], recipients: ['US.13491208655302741918'], others: [] },
};

type NotNotification = 'send body' | 'send response' | 'error response' | 'signature vector';

const NOT_NOTIFICATIONS: Record<string, NotNotification> = {
  'java-api__expectedMessage10__send_contacts': 'send body',
  'java-api__expectedMessage11__send_interactive_button': 'send body',
  'java-api__expectedMessage12__send_interactive_list': 'send body',
  'java-api__expectedMessage13__send_location': 'send body',
  'java-api__expectedMessage14__send_interactive_button_14': 'send body',
  'java-api__expectedMessage17__mark_as_read': 'send body',
  'java-api__expectedMessage1__send_text': 'send body',
  'java-api__expectedMessage2__send_template_body_param': 'send body',
  'java-api__expectedMessage3__send_template_3': 'send body',
  'java-api__expectedMessage4__send_template_4': 'send body',
  'java-api__expectedMessage7__send_audio': 'send body',
  'meta-docs__interactive_list__send_request': 'send body',
  'meta-docs__interactive_reply_buttons__send_request': 'send body',
  'meta-docs__send_messages__text_request_preview_url': 'send body',
  'meta-docs__typing_indicators__request': 'send body',
  'java-api__message__send_response': 'send response',
  'meta-docs__interactive__send_response': 'send response',
  'meta-docs__typing_indicators__response': 'send response',
  'meta-nodejs-sdk__messages.test__defaultMessagesResponseBody': 'send response',
  'netflie__WhatsAppCloudApiTest__send_success_response': 'send response',
  'java-api__phoneNumberNotFoundError__error_100_subcode_33': 'error response',
  'java-api__requestCodeError__error_136024': 'error response',
  'java-api__verifyCodeError__error_verify_code': 'error response',
  'netflie__WhatsAppCloudApiTest__error_190_invalid_oauth_token': 'error response',
  'typebot__verifyWhatsAppWebhookSignature.test__signature_test_vector': 'signature vector',
};

function payloadNames(): string[] {
  return readdirSync(PAYLOADS)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, PAYLOADS), 'utf8')) as unknown;
}

function normalizedFile(name: string, body: unknown = load(name)): NormalizedNotification {
  const result = normalizeNotification(body);
  if (!result.ok) assert.fail(`${name} was refused: ${result.reason}`);
  return result.notification;
}

function label(content: InboundContent): string {
  if (content.kind === 'media') return `media:${content.mediaType}`;
  if (content.kind === 'unsupported') return `unsupported:${content.originalType}`;
  return content.kind;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The items of the raw JSON, collected without the normaliser: what must come out of it. */
interface RawItems {
  messages: unknown[];
  statuses: unknown[];
  errors: unknown[];
  /** One per change that is not a `messages` change (or a `messages` change with nothing in it). */
  otherChanges: number;
}

function rawItems(body: unknown): RawItems {
  const out: RawItems = { messages: [], statuses: [], errors: [], otherChanges: 0 };
  for (const entry of items(record(body)['entry'])) {
    for (const change of items(record(entry)['changes'])) {
      const { field, value } = record(change);
      const v = record(value);
      const inChange = [items(v['messages']), items(v['statuses']), items(v['errors'])] as const;
      const isMessages = field === undefined || field === 'messages';
      if (!isMessages || inChange.every((list) => list.length === 0)) {
        out.otherChanges += 1;
        continue;
      }
      out.messages.push(...inChange[0]);
      out.statuses.push(...inChange[1]);
      out.errors.push(...inChange[2]);
    }
  }
  return out;
}

describe('payload corpus: every file is classified', () => {
  const names = payloadNames();

  it('finds the corpus', () => {
    assert.ok(names.length >= 100, `only ${names.length} JSON files in ${PAYLOADS.pathname}`);
  });

  it('knows every file in the folder (classify new ones in this test)', () => {
    const unknown = names.filter((name) => !(name in NOTIFICATIONS) && !(name in NOT_NOTIFICATIONS));
    assert.deepEqual(unknown, []);
  });

  it('lists no file that is not in the folder, and none twice', () => {
    const present = new Set(names);
    assert.deepEqual(Object.keys(NOTIFICATIONS).filter((name) => !present.has(name)), []);
    assert.deepEqual(Object.keys(NOT_NOTIFICATIONS).filter((name) => !present.has(name)), []);
    assert.deepEqual(Object.keys(NOTIFICATIONS).filter((name) => name in NOT_NOTIFICATIONS), []);
  });
});

describe('payload corpus: webhook notifications normalise with nothing dropped', () => {
  for (const [name, expected] of Object.entries(NOTIFICATIONS)) {
    it(name, () => {
      const body = load(name);
      assert.ok(Array.isArray(record(body)['entry']), 'a notification has an entry array');
      const n = normalizedFile(name, body);
      const raw = rawItems(body);

      // Nothing dropped: every item comes out, in order, with the original item as `raw`.
      const total = n.messages.length + n.statuses.length + n.errors.length + n.others.length;
      assert.equal(total, raw.messages.length + raw.statuses.length + raw.errors.length + raw.otherChanges);
      assert.equal(n.messages.length, raw.messages.length);
      n.messages.forEach((message, i) => assert.equal(message.raw, raw.messages[i]));
      assert.equal(n.statuses.length, raw.statuses.length);
      n.statuses.forEach((status, i) => assert.equal(status.raw, raw.statuses[i]));
      assert.equal(n.errors.length, raw.errors.length);
      assert.equal(n.others.length, raw.otherChanges);

      // The row of the expectation table.
      assert.deepEqual(
        {
          messages: n.messages.map((m) => label(m.content)),
          customers: n.messages.map((m) => m.customer.key),
          statuses: n.statuses.map((s) => s.status),
          recipients: n.statuses.map((s) => s.recipient.key ?? ''),
          errors: n.errors.length,
          others: n.others.map((o) => o.field),
        },
        { customers: [], recipients: [], errors: 0, ...expected },
      );

      // Sound values.
      for (const message of n.messages) {
        assert.ok(message.id !== '' && message.customer.key !== '', 'message id and customer key');
        assert.ok(Number.isInteger(message.timestamp) && message.timestamp > 1_000_000_000, 'message timestamp');
      }
      for (const status of n.statuses) {
        assert.ok(status.messageId !== '' && status.phoneNumberId !== '', 'status id and phone number id');
        assert.ok(Number.isInteger(status.timestamp) && status.timestamp > 1_000_000_000, 'status timestamp');
      }
    });
  }
});

describe('payload corpus: documents that are not notifications', () => {
  for (const [name, kind] of Object.entries(NOT_NOTIFICATIONS)) {
    it(`${name} is a ${kind}, refused as a webhook`, () => {
      const body = load(name);
      assert.equal(Array.isArray(record(body)['entry']), false);
      const result = normalizeNotification(body);
      assert.equal(result.ok, false);
    });
  }
});

describe('payload corpus: spot checks', () => {
  const first = <T>(list: T[]): T => {
    const [item] = list;
    assert.ok(item !== undefined);
    return item;
  };

  it('Chatwoot: no metadata, no message id, errors with top-level details', () => {
    const message = first(normalizedFile('chatwoot__incoming_message_whatsapp_cloud_service_spec__error_params_image_with_errors').messages);
    assert.equal(message.phoneNumberId, '');
    assert.equal(message.idSynthesized, true);
    assert.equal(message.customer.name, 'Sojan Jose');
    assert.equal(message.errors[0]?.code, 400);
    assert.match(message.errors[0]?.details ?? '', /ServerThrottle/);
    assert.deepEqual(message.content, {
      kind: 'media',
      mediaType: 'image',
      mediaId: 'b1c68f38-8734-4ad3-b4a1-ef0c10d683',
      mimeType: 'image/jpeg',
      sha256: '29ed500fa64eb55fc19dc4124acb300e5dcca0f822a301ae99944db',
      caption: 'Check out my product!',
    });
  });

  it('Chatwoot: the flow response JSON string is parsed', () => {
    const message = first(normalizedFile('chatwoot__incoming_message_whatsapp_cloud_service_spec__flow_response_params_nfm_reply').messages);
    assert.ok(message.content.kind === 'flow_reply');
    assert.deepEqual(message.content.response, {
      flow_token: 'flow-correlation-token',
      rating: 'excellent',
      comments: 'Great support',
      appointment: { day: 'Monday', windows: ['morning', 'afternoon'] },
    });
    assert.equal(message.context?.replyToMessageId, 'wamid.original-flow-message');
  });

  it('BSUID: username-only sender and both parent spellings on statuses', () => {
    const message = first(normalizedFile('whatsapp-api-js__payloads.test__v25_incoming_text_username_only_parent_bsuid').messages);
    assert.deepEqual(message.customer, {
      key: 'US.13491208655302741918',
      userId: 'US.13491208655302741918',
      parentUserId: 'US.ENT.506847293015824',
      username: '@testusername',
      name: 'test user name',
    });
    const sent = first(normalizedFile('whatsapp-api-js__payloads.test__v25_sent_status_username_parent_sent_to_bsuid').statuses);
    assert.equal(sent.recipient.parentUserId, 'US.ENT.506847293015824');
    const failed = first(normalizedFile('botpress__bsuid-payload.test__statusPayload_failed').statuses);
    assert.deepEqual(failed.recipient, { key: 'CO.1047385771169864', userId: 'CO.1047385771169864', parentUserId: 'CA.2086157822334836' });
    assert.deepEqual(failed.errors, [
      { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', details: 'The recipient could not receive this message' },
    ]);
    const read = first(normalizedFile('whatsapp-api-js__payloads.test__v25_read_status_phone_no_parent_sent_to_phone').statuses);
    assert.deepEqual(read.recipient, { key: '16315551181', waId: '16315551181', userId: 'US.13491208655302741918' });
  });

  it('netflie: removed reaction, context, referral', () => {
    const removed = first(normalizedFile('netflie__NotificationFactoryTest__can_build_a_removed_reaction_notification').messages);
    assert.deepEqual(removed.content, { kind: 'reaction', messageId: 'MESSAGE_ID' });
    const full = first(normalizedFile('netflie__NotificationFactoryTest__can_build_a_notification').messages);
    assert.deepEqual(full.context, {
      replyToMessageId: 'wamid.ID',
      replyToFrom: 'PHONE_NUMBER',
      forwarded: true,
      frequentlyForwarded: true,
      referredProduct: { catalogId: 'CATALOG_ID', productRetailerId: 'PRODUCT_ID' },
    });
    assert.equal(full.referral?.['source_id'], 'ADID');
  });

  it('netflie placeholders that are not numbers are kept as malformed, not dropped', () => {
    const location = first(normalizedFile('netflie__NotificationFactoryTest__can_build_a_location_notification').messages);
    assert.deepEqual(location.content, { kind: 'unsupported', originalType: 'location', errors: [], malformed: 'location.latitude must be a number' });
    const order = first(normalizedFile('netflie__NotificationFactoryTest__can_build_an_order_notification').messages);
    assert.ok(order.content.kind === 'unsupported');
    assert.equal(order.content.malformed, 'order.product_items[0].quantity must be a number');
  });

  it('statuses: pricing, conversation, errors with href', () => {
    const sent = first(normalizedFile('meta-docs__status_reference__sent_marketing_pmp').statuses);
    assert.deepEqual(sent.pricing, { billable: true, pricingModel: 'PMP', type: 'regular', category: 'marketing' });
    assert.deepEqual(sent.conversation, { id: '72b14d6bd5407799e66f64d1b338e567', originType: 'marketing', expirationTimestamp: 1750116480 });
    const failed = first(normalizedFile('meta-docs__status_reference__failed_131049').statuses);
    assert.equal(failed.errors[0]?.code, 131049);
    assert.equal(failed.errors[0]?.href, '/documentation/business-messaging/whatsapp/support/error-codes');
    const bare = first(normalizedFile('meta-docs__status_reference__v24_no_conversation_no_pricing').statuses);
    assert.equal(bare.pricing, undefined);
    assert.equal(bare.conversation, undefined);
  });

  it('account events keep the WABA id and entry time', () => {
    const event = first(normalizedFile('java-api__accountBanned').others);
    assert.equal(event.wabaId, 'whatsapp-business-account-id');
    assert.equal(event.timestamp, 1604703058);
  });
});
