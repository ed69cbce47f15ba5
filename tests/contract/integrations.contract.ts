/**
 * The integrations contract: behaviour every adapter of the five ports (built-in on SQLite,
 * REST against a loopback server) must show, tested through the ports only. An adapter's
 * test file calls `integrationsContract` once per configuration; `make` gives a fresh,
 * empty subject on the given clock (which starts at T0, a Monday in Rome).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { bookingsContract } from './integrations-bookings.contract.ts';
import type { IntegrationsUnderTest, MakeIntegrations, SettableClock } from './integrations-fixtures.ts';
import { GIULIA, MARCO, ORDER, T0, refusalOf, settableClock, valueOf } from './integrations-fixtures.ts';
import { crmContract, paymentsContract, ticketsContract } from './integrations-records.contract.ts';

type Current = () => { subject: IntegrationsUnderTest; clock: SettableClock };

function ordersContract(current: Current): void {
  describe('orders', () => {
    it('shows status, items and tracking when the phone is the order’s, however it is written', async () => {
      const { subject } = current();
      subject.catalogue.putOrder(ORDER, T0);
      const { phone: _phone, ...expected } = ORDER;
      assert.deepEqual(valueOf(await subject.ports.orders.getOrder({ orderNumber: 'A-1001', phone: GIULIA })), expected);
      subject.catalogue.putOrder({ ...ORDER, number: 'A-1002', phone: '333 1234567', tracking: undefined, estimatedDelivery: undefined, status: 'processing' }, T0);
      const national = valueOf(await subject.ports.orders.getOrder({ orderNumber: 'A-1002', phone: GIULIA }));
      assert.equal(national.status, 'processing');
      assert.equal(national.tracking, undefined);
    });

    it('answers ORDER_NOT_FOUND for another customer’s phone exactly as for an unknown number', async () => {
      const { subject } = current();
      subject.catalogue.putOrder(ORDER, T0);
      const mismatch = await subject.ports.orders.getOrder({ orderNumber: 'A-1001', phone: MARCO });
      refusalOf(mismatch, 'ORDER_NOT_FOUND');
      assert.equal(mismatch.value, undefined);
      assert.doesNotMatch(JSON.stringify(mismatch), /shipped|BRT|0845123|Abito/);
      refusalOf(await subject.ports.orders.getOrder({ orderNumber: 'A-9999', phone: GIULIA }), 'ORDER_NOT_FOUND');
      refusalOf(await subject.ports.orders.getOrder({ orderNumber: 'A-1001', phone: '4933312345678' }), 'ORDER_NOT_FOUND');
    });
  });
}

export function integrationsContract(name: string, make: MakeIntegrations): void {
  describe(`Integrations contract: ${name}`, () => {
    let state: { subject: IntegrationsUnderTest; clock: SettableClock } | undefined;
    const current = () => {
      if (state === undefined) throw new Error('no subject under test');
      return state;
    };
    beforeEach(async () => {
      const clock = settableClock(T0);
      state = { subject: await make(clock), clock };
    });
    afterEach(async () => {
      await state?.subject.cleanup();
      state = undefined;
    });
    ordersContract(current);
    bookingsContract(current);
    crmContract(current);
    ticketsContract(current);
    paymentsContract(current);
  });
}
