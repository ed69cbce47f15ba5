import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildMarkReadBody, buildSendBody } from '../../src/channels/whatsapp/send-builders.ts';
import type { SendRecipient } from '../../src/channels/whatsapp/send-builders.ts';
import * as L from '../../src/core/reply-limits.ts';
import { isAppError } from '../../src/core/errors.ts';
import type { Reply, ReplyButton, ReplyListSection } from '../../src/core/reply.ts';

const PAYLOADS = new URL('../../../shared/whatsapp/payloads/', import.meta.url);

function payload(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, PAYLOADS), 'utf8')) as Record<string, unknown>;
}

const PHONE: SendRecipient = { waId: '16505551234' };
const chars = (n: number, c = 'a'): string => c.repeat(n);

/** Asserts a SEND_LIMIT_EXCEEDED whose message starts with the field path and contains `fragment`. */
function assertLimit(build: () => unknown, path: string, fragment: string): void {
  assert.throws(build, (error: unknown) => {
    assert.ok(isAppError(error, 'SEND_LIMIT_EXCEEDED'), `expected SEND_LIMIT_EXCEEDED, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${path} `), `message "${error.message}" should start with ${path}`);
    assert.ok(error.message.includes(fragment), `message "${error.message}" should contain "${fragment}"`);
    assert.equal(error.details.path, path);
    return true;
  });
}

const buttons = (n: number): ReplyButton[] => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `Option ${i}` }));

function buttonsReply(overrides: Partial<Extract<Reply, { kind: 'buttons' }>> = {}): Reply {
  return { kind: 'buttons', body: 'Pick one', buttons: buttons(2), ...overrides };
}

const rows = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${prefix}${i}` }));

function listReply(overrides: Partial<Extract<Reply, { kind: 'list' }>> = {}): Reply {
  return { kind: 'list', body: 'Choose', button: 'Options', sections: [{ title: 'All', rows: rows(2) }], ...overrides };
}

describe('buildSendBody: the documented shapes', () => {
  it('text with preview_url equals the Meta docs request', () => {
    const expected = payload('meta-docs__send_messages__text_request_preview_url.json');
    const text = expected.text as { body: string };
    assert.deepEqual(buildSendBody(PHONE, { kind: 'text', body: text.body, previewUrl: true }), expected);
  });

  it('text without previewUrl has only the body', () => {
    const body = buildSendBody(PHONE, { kind: 'text', body: 'Ciao' });
    assert.deepEqual(body.text, { body: 'Ciao' });
  });

  it('reply buttons equal the Meta docs request (text content; our headers are text only)', () => {
    const expected = payload('meta-docs__interactive_reply_buttons__send_request.json');
    const interactive = expected.interactive as Record<string, unknown>;
    delete interactive.header; // the docs show an image header, which a Reply cannot carry
    const reply: Reply = {
      kind: 'buttons',
      body: (interactive.body as { text: string }).text,
      footer: (interactive.footer as { text: string }).text,
      buttons: [
        { id: 'change-button', title: 'Change' },
        { id: 'cancel-button', title: 'Cancel' },
      ],
    };
    assert.deepEqual(buildSendBody(PHONE, reply), expected);
  });

  it('reply buttons with a text header', () => {
    const body = buildSendBody(PHONE, buttonsReply({ header: 'Hello' }));
    assert.deepEqual((body.interactive as Record<string, unknown>).header, { type: 'text', text: 'Hello' });
  });

  it('list equals the Meta docs request', () => {
    const expected = payload('meta-docs__interactive_list__send_request.json');
    const interactive = expected.interactive as {
      header: { text: string };
      body: { text: string };
      footer: { text: string };
      action: { button: string; sections: ReplyListSection[] };
    };
    const reply: Reply = {
      kind: 'list',
      header: interactive.header.text,
      body: interactive.body.text,
      footer: interactive.footer.text,
      button: interactive.action.button,
      sections: interactive.action.sections,
    };
    assert.deepEqual(buildSendBody(PHONE, reply), expected);
  });

  it('a single untitled section is allowed and has no title key', () => {
    const body = buildSendBody(PHONE, listReply({ sections: [{ rows: rows(1) }] }));
    const action = (body.interactive as { action: { sections: unknown[] } }).action;
    assert.deepEqual(action.sections, [{ rows: [{ id: 'r0', title: 'Row r0' }] }]);
  });

  it('template with body parameters has the java-api expectedMessage2 structure', () => {
    const expected = payload('java-api__expectedMessage2__send_template_body_param.json');
    const reply: Reply = {
      kind: 'template',
      name: 'number_confirmation',
      language: 'pt_BR',
      bodyParameters: [{ type: 'text', text: '18754269072' }],
    };
    assert.deepEqual(buildSendBody({ waId: '121212121212' }, reply), { ...expected, to: '+121212121212' });
  });

  it('template without parameters has no components', () => {
    const body = buildSendBody(PHONE, { kind: 'template', name: 'hello_world', language: 'en_US' });
    assert.deepEqual(body.template, { name: 'hello_world', language: { code: 'en_US' } });
  });

  it('reaction', () => {
    const body = buildSendBody(PHONE, { kind: 'reaction', messageId: 'wamid.X', emoji: '😀' });
    assert.equal(body.type, 'reaction');
    assert.deepEqual(body.reaction, { message_id: 'wamid.X', emoji: '😀' });
  });

  it('phone numbers always get a leading +, once', () => {
    assert.equal(buildSendBody({ waId: '393331234567' }, { kind: 'text', body: 'x' }).to, '+393331234567');
    assert.equal(buildSendBody({ waId: '+393331234567' }, { kind: 'text', body: 'x' }).to, '+393331234567');
  });

  it('a BSUID-only customer is addressed with recipient, not to', () => {
    const body = buildSendBody({ userId: 'US.13491208655302741918' }, { kind: 'text', body: 'x' });
    assert.equal(body.recipient, 'US.13491208655302741918');
    assert.equal('to' in body, false);
    assert.equal(body.recipient_type, 'individual');
  });

  it('prefers the phone number when both are known', () => {
    const body = buildSendBody({ waId: '16505551234', userId: 'US.1' }, { kind: 'text', body: 'x' });
    assert.equal(body.to, '+16505551234');
    assert.equal('recipient' in body, false);
  });

  it('no recipient at all is an error', () => {
    assert.throws(() => buildSendBody({}, { kind: 'text', body: 'x' }), (e: unknown) => isAppError(e, 'SEND_NO_RECIPIENT'));
  });

  it('puts callback data and context when given', () => {
    const body = buildSendBody(PHONE, { kind: 'text', body: 'x' }, { callbackData: 'out-1', contextMessageId: 'wamid.IN' });
    assert.equal(body.biz_opaque_callback_data, 'out-1');
    assert.deepEqual(body.context, { message_id: 'wamid.IN' });
    assert.equal(body.messaging_product, 'whatsapp');
  });
});

describe('buildMarkReadBody', () => {
  it('mark as read equals java-api expectedMessage17', () => {
    assert.deepEqual(buildMarkReadBody('123456', false), payload('java-api__expectedMessage17__mark_as_read.json'));
  });

  it('typing indicator equals the Meta docs request', () => {
    const expected = payload('meta-docs__typing_indicators__request.json');
    assert.deepEqual(buildMarkReadBody(expected.message_id as string, true), expected);
  });
});

describe('buildSendBody: limits at the boundary', () => {
  const ok = (reply: Reply) => assert.doesNotThrow(() => buildSendBody(PHONE, reply));

  it('text body 4096', () => {
    ok({ kind: 'text', body: chars(L.TEXT_BODY_MAX) });
    assertLimit(() => buildSendBody(PHONE, { kind: 'text', body: chars(4097) }), 'text.body', 'is 4097 characters; the limit is 4096');
    assertLimit(() => buildSendBody(PHONE, { kind: 'text', body: '  ' }), 'text.body', 'required');
  });

  it('reply-button body 1024', () => {
    ok(buttonsReply({ body: chars(1024) }));
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ body: chars(1025) })), 'interactive.body.text', 'the limit is 1024');
  });

  it('at most 3 buttons, at least 1', () => {
    ok(buttonsReply({ buttons: buttons(3) }));
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ buttons: buttons(4) })), 'interactive.action.buttons', 'has 4 items; the limit is 3');
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ buttons: [] })), 'interactive.action.buttons', 'at least 1');
  });

  it('button title 20, named by its index', () => {
    ok(buttonsReply({ buttons: [{ id: 'a', title: chars(20) }, { id: 'b', title: 'B' }] }));
    assertLimit(
      () => buildSendBody(PHONE, buttonsReply({ buttons: [{ id: 'a', title: 'A' }, { id: 'b', title: chars(23) }] })),
      'interactive.action.buttons[1].reply.title',
      'is 23 characters; the limit is 20',
    );
  });

  it('button id 256 without leading or trailing spaces', () => {
    ok(buttonsReply({ buttons: [{ id: chars(256), title: 'A' }] }));
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ buttons: [{ id: chars(257), title: 'A' }] })), 'interactive.action.buttons[0].reply.id', 'the limit is 256');
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ buttons: [{ id: ' a', title: 'A' }] })), 'interactive.action.buttons[0].reply.id', 'leading or trailing spaces');
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ buttons: [{ id: 'a ', title: 'A' }] })), 'interactive.action.buttons[0].reply.id', 'leading or trailing spaces');
  });

  it('duplicate button titles are refused', () => {
    const dup = [{ id: 'a', title: 'Yes' }, { id: 'b', title: 'No' }, { id: 'c', title: 'Yes' }];
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ buttons: dup })), 'interactive.action.buttons[2].reply.title', 'must be unique');
  });

  it('duplicate button ids are refused', () => {
    const dup = [{ id: 'a', title: 'Yes' }, { id: 'a', title: 'No' }];
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ buttons: dup })), 'interactive.action.buttons[1].reply.id', 'must be unique');
  });

  it('header 60 and footer 60', () => {
    ok(buttonsReply({ header: chars(60), footer: chars(60) }));
    assertLimit(() => buildSendBody(PHONE, buttonsReply({ header: chars(61) })), 'interactive.header.text', 'the limit is 60');
    assertLimit(() => buildSendBody(PHONE, listReply({ footer: chars(61) })), 'interactive.footer.text', 'the limit is 60');
  });

  it('list body 4096 and button 20', () => {
    ok(listReply({ body: chars(4096), button: chars(20) }));
    assertLimit(() => buildSendBody(PHONE, listReply({ body: chars(4097) })), 'interactive.body.text', 'the limit is 4096');
    assertLimit(() => buildSendBody(PHONE, listReply({ button: chars(21) })), 'interactive.action.button', 'the limit is 20');
  });

  it('1 to 10 sections', () => {
    const sections = (n: number): ReplyListSection[] => Array.from({ length: n }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}r`) }));
    ok(listReply({ sections: sections(10) }));
    assertLimit(() => buildSendBody(PHONE, listReply({ sections: sections(11) })), 'interactive.action.sections', 'has 11 items; the limit is 10');
    assertLimit(() => buildSendBody(PHONE, listReply({ sections: [] })), 'interactive.action.sections', 'at least 1');
  });

  it('at most 10 rows across all sections', () => {
    ok(listReply({ sections: [{ title: 'A', rows: rows(5, 'a') }, { title: 'B', rows: rows(5, 'b') }] }));
    assertLimit(
      () => buildSendBody(PHONE, listReply({ sections: [{ title: 'A', rows: rows(5, 'a') }, { title: 'B', rows: rows(6, 'b') }] })),
      'interactive.action.sections[*].rows (all sections)',
      'has 11 items; the limit is 10',
    );
  });

  it('section title 24, required when there is more than one section', () => {
    ok(listReply({ sections: [{ title: chars(24), rows: rows(1) }] }));
    assertLimit(() => buildSendBody(PHONE, listReply({ sections: [{ title: chars(25), rows: rows(1) }] })), 'interactive.action.sections[0].title', 'the limit is 24');
    assertLimit(
      () => buildSendBody(PHONE, listReply({ sections: [{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }] })),
      'interactive.action.sections[1].title',
      'required',
    );
  });

  it('row id 200, title 24, description 72', () => {
    ok(listReply({ sections: [{ rows: [{ id: chars(200), title: chars(24), description: chars(72) }] }] }));
    const one = (row: { id: string; title: string; description?: string }): Reply => listReply({ sections: [{ title: 'S', rows: [row] }] });
    const path = 'interactive.action.sections[0].rows[0]';
    assertLimit(() => buildSendBody(PHONE, one({ id: chars(201), title: 'T' })), `${path}.id`, 'the limit is 200');
    assertLimit(() => buildSendBody(PHONE, one({ id: 'i', title: chars(25) })), `${path}.title`, 'the limit is 24');
    assertLimit(() => buildSendBody(PHONE, one({ id: 'i', title: 'T', description: chars(73) })), `${path}.description`, 'the limit is 72');
  });

  it('duplicate row ids across sections are refused', () => {
    const sections = [{ title: 'A', rows: rows(1) }, { title: 'B', rows: rows(1) }];
    assertLimit(() => buildSendBody(PHONE, listReply({ sections })), 'interactive.action.sections[1].rows[0].id', 'must be unique');
  });

  it('an emoji counts as one character', () => {
    assert.equal('😀'.length, 2); // two UTF-16 units
    assert.equal(L.charCount('😀'), 1);
    ok(buttonsReply({ buttons: [{ id: 'a', title: chars(20, '😀') }] }));
    assertLimit(
      () => buildSendBody(PHONE, buttonsReply({ buttons: [{ id: 'a', title: chars(21, '😀') }] })),
      'interactive.action.buttons[0].reply.title',
      'is 21 characters; the limit is 20',
    );
    ok({ kind: 'text', body: chars(4096, '🍕') });
  });

  it('template name and language are required', () => {
    assertLimit(() => buildSendBody(PHONE, { kind: 'template', name: '', language: 'it' }), 'template.name', 'required');
    assertLimit(() => buildSendBody(PHONE, { kind: 'template', name: 'x', language: '' }), 'template.language.code', 'required');
  });
});
