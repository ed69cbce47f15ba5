/**
 * The built-in orders port: a shop's orders by number, shown only to the phone number on
 * the order (another customer's order is indistinguishable from a missing one).
 */
import { compact } from '../../../core/json.ts';
import type { Order, OrderStatus, OrdersPort } from '../../../core/integrations.ts';
import { phonesMatch, refuse, succeed } from '../../../core/integrations.ts';
import type { Connection, Row } from '../connection.ts';
import { json, optNum, optText, text } from '../rows.ts';
import { readCall } from './builtin-call.ts';

/** An order as the shop keeps it: with the customer's phone, which the port never returns. */
export interface StoredOrder extends Order {
  phone: string;
}

function trackingOf(row: Row): Order['tracking'] {
  const tracking = compact({ carrier: optText(row, 'carrier'), code: optText(row, 'tracking_code'), url: optText(row, 'tracking_url') });
  return Object.keys(tracking).length === 0 ? undefined : tracking;
}

export function toStoredOrder(row: Row): StoredOrder {
  const total = optNum(row, 'total_cents');
  const currency = optText(row, 'currency');
  return compact({
    number: text(row, 'number'),
    phone: text(row, 'phone'),
    status: text(row, 'status') as OrderStatus,
    placedAt: optNum(row, 'placed_at'),
    total: total === undefined || currency === undefined ? undefined : { cents: total, currency },
    items: json<Order['items']>(row, 'items'),
    tracking: trackingOf(row),
    estimatedDelivery: optText(row, 'estimated_delivery'),
  });
}

/** The order whatever the phone: for seeding and stand-in servers, never for customers. */
export function findOrder(db: Connection, number: string): StoredOrder | undefined {
  const row = db.get('SELECT * FROM shop_orders WHERE number = ? COLLATE NOCASE', number.trim());
  return row === undefined ? undefined : toStoredOrder(row);
}

export function createBuiltinOrders(db: Connection): OrdersPort {
  return {
    getOrder: (query) =>
      readCall('read an order', () => {
        const stored = findOrder(db, query.orderNumber);
        if (stored === undefined || !phonesMatch(query.phone, stored.phone)) {
          return refuse('ORDER_NOT_FOUND', `no order ${query.orderNumber} for this phone number`);
        }
        const { phone: _phone, ...order } = stored;
        return succeed(order);
      }),
  };
}
