/** The inbound part of the Store contract: messages, contacts, conversations. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../../src/core/store.ts';
import {
  OTHER_PHONE,
  S0,
  T0,
  bsuidCustomer,
  conversationOf,
  customer,
  rejectsWith,
  textMessage,
} from './store-fixtures.ts';

export function inboundContract(current: () => Store): void {
  describe('inbound messages', () => {
    it('ingests new messages as pending, creating the contact and the conversation', async () => {
      const store = current();
      const message = textMessage('wamid.A', { customer: customer('393331234567', { name: 'Giulia' }) });
      const result = await store.ingestInbound([message], T0);
      assert.deepEqual(result.duplicates, []);
      assert.equal(result.inserted.length, 1);
      const expected = {
        id: 'wamid.A',
        conversationId: `${message.phoneNumberId}:393331234567`,
        phoneNumberId: message.phoneNumberId,
        customerKey: '393331234567',
        timestamp: S0,
        type: 'text',
        message,
        state: 'pending',
        receivedAt: T0,
      };
      assert.deepEqual(result.inserted[0], expected);
      assert.deepEqual(await store.getInbound('wamid.A'), expected);
      assert.deepEqual(await store.getContact(message.phoneNumberId, '393331234567'), {
        phoneNumberId: message.phoneNumberId,
        key: '393331234567',
        waId: '393331234567',
        name: 'Giulia',
        lastInboundAt: S0 * 1000,
        createdAt: T0,
      });
      assert.deepEqual(await store.getConversation(expected.conversationId), {
        id: expected.conversationId,
        phoneNumberId: message.phoneNumberId,
        customerKey: '393331234567',
        createdAt: T0,
        updatedAt: T0,
      });
    });

    it('reports duplicates in the same batch and in a later batch, and stores each message once', async () => {
      const store = current();
      const first = await store.ingestInbound([textMessage('wamid.A'), textMessage('wamid.B'), textMessage('wamid.A')], T0);
      assert.deepEqual(first.inserted.map((m) => m.id), ['wamid.A', 'wamid.B']);
      assert.deepEqual(first.duplicates, ['wamid.A']);
      const again = await store.ingestInbound([textMessage('wamid.B', { text: 'retried' }), textMessage('wamid.C')], T0 + 1000);
      assert.deepEqual(again.inserted.map((m) => m.id), ['wamid.C']);
      assert.deepEqual(again.duplicates, ['wamid.B']);
      const stored = await store.getInbound('wamid.B');
      assert.equal(stored?.receivedAt, T0);
      assert.deepEqual(stored?.message.content, { kind: 'text', body: 'text of wamid.B' });
    });

    it('keys a customer known only by the business-scoped user id', async () => {
      const store = current();
      const message = textMessage('wamid.U', { customer: bsuidCustomer('IT.1234567890abcdef') });
      const { inserted } = await store.ingestInbound([message], T0);
      assert.equal(inserted[0]?.conversationId, `${message.phoneNumberId}:IT.1234567890abcdef`);
      const contact = await store.getContact(message.phoneNumberId, 'IT.1234567890abcdef');
      assert.equal(contact?.userId, 'IT.1234567890abcdef');
      assert.equal(contact?.waId, undefined);
      assert.equal(contact?.name, undefined);
    });

    it('keeps the latest inbound time and the known details of a contact', async () => {
      const store = current();
      const known = customer('393331234567', { name: 'Giulia', userId: 'IT.u1' });
      await store.ingestInbound([textMessage('wamid.2', { customer: known, timestamp: S0 + 200 })], T0);
      const bare = { key: '393331234567', waId: '393331234567' };
      await store.ingestInbound([textMessage('wamid.1', { customer: bare, timestamp: S0 + 100 })], T0 + 5000);
      const contact = await store.getContact(textMessage('x').phoneNumberId, '393331234567');
      assert.equal(contact?.lastInboundAt, (S0 + 200) * 1000);
      assert.equal(contact?.name, 'Giulia');
      assert.equal(contact?.userId, 'IT.u1');
      assert.equal(contact?.createdAt, T0);
      const renamed = customer('393331234567', { name: 'Giulia R.' });
      await store.ingestInbound([textMessage('wamid.3', { customer: renamed, timestamp: S0 + 300 })], T0 + 9000);
      const updated = await store.getContact(textMessage('x').phoneNumberId, '393331234567');
      assert.equal(updated?.name, 'Giulia R.');
      assert.equal(updated?.lastInboundAt, (S0 + 300) * 1000);
      const conversation = await store.getConversation(conversationOf(textMessage('x')));
      assert.equal(conversation?.createdAt, T0);
      assert.equal(conversation?.updatedAt, T0 + 9000);
    });

    it('serves pending messages by WhatsApp timestamp, not arrival, ties in arrival order', async () => {
      const store = current();
      const conversationId = conversationOf(textMessage('x'));
      await store.ingestInbound([textMessage('wamid.late', { timestamp: S0 + 50 })], T0);
      await store.ingestInbound([textMessage('wamid.early', { timestamp: S0 + 10 })], T0 + 1000);
      await store.ingestInbound([textMessage('wamid.tie1', { timestamp: S0 + 50 }), textMessage('wamid.tie2', { timestamp: S0 + 50 })], T0 + 2000);
      const order: string[] = [];
      for (let next = await store.nextPending(conversationId); next; next = await store.nextPending(conversationId)) {
        order.push(next.id);
        await store.markInbound(next.id, 'done');
      }
      assert.deepEqual(order, ['wamid.early', 'wamid.late', 'wamid.tie1', 'wamid.tie2']);
      assert.equal(await store.nextPending('nobody:here'), undefined);
    });

    it('lists pending messages in the order nextPending serves them, at most limit, of one conversation', async () => {
      const store = current();
      const conversationId = conversationOf(textMessage('x'));
      const other = textMessage('wamid.other', { phoneNumberId: OTHER_PHONE, timestamp: S0 });
      await store.ingestInbound([textMessage('wamid.late', { timestamp: S0 + 50 }), other], T0);
      await store.ingestInbound([textMessage('wamid.early', { timestamp: S0 + 10 })], T0 + 1000);
      await store.ingestInbound([textMessage('wamid.tie1', { timestamp: S0 + 50 }), textMessage('wamid.tie2', { timestamp: S0 + 50 })], T0 + 2000);
      await store.ingestInbound([textMessage('wamid.gone', { timestamp: S0 + 5 })], T0);
      await store.markInbound('wamid.gone', 'done');
      const pending = await store.pendingInbound(conversationId, 10);
      assert.deepEqual(pending.map((m) => m.id), ['wamid.early', 'wamid.late', 'wamid.tie1', 'wamid.tie2']);
      assert.deepEqual(pending[0], await store.getInbound('wamid.early'));
      assert.deepEqual((await store.pendingInbound(conversationId, 2)).map((m) => m.id), ['wamid.early', 'wamid.late']);
      assert.deepEqual(await store.pendingInbound(conversationId, 0), []);
      assert.deepEqual(await store.pendingInbound('nobody:here', 10), []);
    });

    it('marks several messages at once: all of them, or none when one is unknown', async () => {
      const store = current();
      await store.ingestInbound([textMessage('wamid.A'), textMessage('wamid.B'), textMessage('wamid.C')], T0);
      await store.markInboundMany(['wamid.A', 'wamid.B'], 'done');
      assert.equal((await store.getInbound('wamid.A'))?.state, 'done');
      assert.equal((await store.getInbound('wamid.B'))?.state, 'done');
      assert.deepEqual((await store.pendingInbound(conversationOf(textMessage('x')), 10)).map((m) => m.id), ['wamid.C']);
      await assert.rejects(store.markInboundMany(['wamid.C', 'wamid.missing'], 'failed', { error: 'x' }), rejectsWith('NOT_FOUND'));
      assert.equal((await store.getInbound('wamid.C'))?.state, 'pending', 'rolled back');
      await store.markInboundMany(['wamid.C'], 'failed', { error: 'classifier crashed' });
      const c = await store.getInbound('wamid.C');
      assert.equal(c?.state, 'failed');
      assert.equal(c?.error, 'classifier crashed');
      assert.deepEqual(c?.message, textMessage('wamid.C'));
      await store.markInboundMany([], 'done');
    });

    it('marks messages done or failed, replacing the message and recording the error', async () => {
      const store = current();
      await store.ingestInbound([textMessage('wamid.A', { text: 'my card is 4111 1111 1111 1111' }), textMessage('wamid.B')], T0);
      const redacted = textMessage('wamid.A', { text: 'my card is [card]' });
      await store.markInbound('wamid.A', 'done', { message: redacted });
      await store.markInbound('wamid.B', 'failed', { error: 'classifier crashed' });
      const a = await store.getInbound('wamid.A');
      assert.equal(a?.state, 'done');
      assert.deepEqual(a?.message, redacted);
      assert.equal(a?.error, undefined);
      const b = await store.getInbound('wamid.B');
      assert.equal(b?.state, 'failed');
      assert.equal(b?.error, 'classifier crashed');
      assert.deepEqual(b?.message, textMessage('wamid.B'));
      assert.equal(await store.nextPending(conversationOf(redacted)), undefined);
      await assert.rejects(store.markInbound('wamid.missing', 'done'), rejectsWith('NOT_FOUND'));
      assert.equal(await store.getInbound('wamid.missing'), undefined);
    });

    it('lists the conversations that still have pending messages', async () => {
      const store = current();
      const other = textMessage('wamid.O', { phoneNumberId: OTHER_PHONE, customer: bsuidCustomer('IT.u9') });
      await store.ingestInbound([textMessage('wamid.A'), other], T0);
      assert.deepEqual((await store.conversationsWithPending()).sort(), [conversationOf(textMessage('wamid.A')), conversationOf(other)].sort());
      await store.markInbound('wamid.A', 'done');
      assert.deepEqual(await store.conversationsWithPending(), [conversationOf(other)]);
      await store.markInbound('wamid.O', 'failed', { error: 'x' });
      assert.deepEqual(await store.conversationsWithPending(), []);
    });

    it('sets the language of a conversation', async () => {
      const store = current();
      const message = textMessage('wamid.A');
      await store.ingestInbound([message], T0);
      await store.setConversationLanguage(conversationOf(message), 'de');
      assert.equal((await store.getConversation(conversationOf(message)))?.language, 'de');
      assert.equal(await store.getConversation('nobody:here'), undefined);
      assert.equal(await store.getContact(message.phoneNumberId, 'nobody'), undefined);
      await assert.rejects(store.setConversationLanguage('nobody:here', 'it'), rejectsWith('NOT_FOUND'));
    });
  });
}
