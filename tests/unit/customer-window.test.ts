import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CUSTOMER_WINDOW_MS, isWindowOpen, windowClosesAt } from '../../src/channels/whatsapp/customer-window.ts';

const lastInbound = Date.UTC(2026, 10, 25, 9, 0, 0);

it('the window is open for 24 hours after the customer\'s latest message, and closed after', () => {
  assert.equal(CUSTOMER_WINDOW_MS, 86_400_000);
  assert.equal(isWindowOpen(lastInbound, lastInbound), true);
  assert.equal(isWindowOpen(lastInbound, lastInbound + CUSTOMER_WINDOW_MS - 1), true);
  assert.equal(isWindowOpen(lastInbound, lastInbound + CUSTOMER_WINDOW_MS), false);
  assert.equal(isWindowOpen(lastInbound, lastInbound + 3 * CUSTOMER_WINDOW_MS), false);
  assert.equal(windowClosesAt(lastInbound), lastInbound + CUSTOMER_WINDOW_MS);
});

it('a customer who never wrote has no window', () => {
  assert.equal(isWindowOpen(undefined, lastInbound), false);
  assert.equal(windowClosesAt(undefined), undefined);
});
