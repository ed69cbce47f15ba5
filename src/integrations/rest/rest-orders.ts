/**
 * The REST orders adapter: one GET (e.g. `https://shop.example/api/orders/{order_number}`)
 * mapped into an Order. The answer must carry the order's phone, and it must match the
 * customer's: the adapter checks it itself, whatever the remote filters.
 */
import type { Order, OrdersPort } from '../../core/integrations.ts';
import { ORDER_STATUSES, phonesMatch, refuse } from '../../core/integrations.ts';
import { compact } from '../../core/json.ts';
import type { RestPortConfig } from '../integrations-config.ts';
import { PHONE_VARS, list, num, optMoney, optNum, optText, phoneVars, text, toResult } from './mapped-values.ts';
import { createRestOperation } from './rest-operation.ts';
import type { RestDeps } from './rest-operation.ts';
import type { Mapped, Shape } from './response-mapping.ts';
import { opt, req } from './response-mapping.ts';

export const ORDER_SHAPE: Shape = {
  number: req('string'),
  status: req({ type: 'enum', values: ORDER_STATUSES }),
  phone: req('string'),
  placed_at: opt('time'),
  total: opt('money'),
  currency: opt('string'),
  items: opt({ type: 'list', shape: { name: req('string'), quantity: req('integer') } }),
  carrier: opt('string'),
  tracking_code: opt('string'),
  tracking_url: opt('string'),
  estimated_delivery: opt('date'),
};

function toOrder(mapped: Mapped, currency: string): Order {
  const tracking = compact({ carrier: optText(mapped, 'carrier'), code: optText(mapped, 'tracking_code'), url: optText(mapped, 'tracking_url') });
  return compact({
    number: text(mapped, 'number'),
    status: text(mapped, 'status') as Order['status'],
    placedAt: optNum(mapped, 'placed_at'),
    total: optMoney(mapped, 'total', currency),
    items: list(mapped, 'items').map((item) => ({ name: text(item, 'name'), quantity: num(item, 'quantity') })),
    tracking: Object.keys(tracking).length === 0 ? undefined : tracking,
    estimatedDelivery: optText(mapped, 'estimated_delivery'),
  });
}

export function createRestOrders(config: RestPortConfig, deps: RestDeps): OrdersPort {
  const getOrder = createRestOperation(
    'orders',
    { name: 'get_order', variables: ['order_number', ...PHONE_VARS], mutating: false, notFound: 'ORDER_NOT_FOUND', refusals: [], shape: ORDER_SHAPE, list: false },
    config,
    deps,
  );
  return {
    async getOrder(query) {
      const result = await getOrder.run({ order_number: query.orderNumber.trim(), ...phoneVars(query.phone) });
      if (result.ok && !phonesMatch(query.phone, text(result.value, 'phone'))) return refuse('ORDER_NOT_FOUND', `orders.get_order: no order ${query.orderNumber} for this phone number`);
      return toResult(result, (mapped) => toOrder(mapped, config.currency));
    },
  };
}
