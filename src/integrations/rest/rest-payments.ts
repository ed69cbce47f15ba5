/**
 * The REST payments adapter, provider-neutral: create a payment link for a deposit or an
 * order and read it back. The amount goes to the templates in cents (`{amount_cents}`) and
 * as a decimal text (`{amount}`, e.g. "20.00").
 */
import type { PaymentLink, PaymentPurpose, PaymentsPort } from '../../core/integrations.ts';
import { PAYMENT_STATUSES } from '../../core/integrations.ts';
import { compact } from '../../core/json.ts';
import type { RestPortConfig } from '../integrations-config.ts';
import { PHONE_VARS, money, optNum, optText, phoneVars, text, toResult } from './mapped-values.ts';
import { createRestOperation } from './rest-operation.ts';
import type { OperationSpec, RestDeps } from './rest-operation.ts';
import type { Mapped, Shape } from './response-mapping.ts';
import { opt, req } from './response-mapping.ts';

const LINK: Shape = {
  id: req('string'),
  url: req('string'),
  amount: req('money'),
  currency: opt('string'),
  purpose_kind: req({ type: 'enum', values: ['deposit', 'order'] }),
  booking_id: opt('string'),
  order_number: opt('string'),
  phone: req('string'),
  description: opt('string'),
  status: req({ type: 'enum', values: PAYMENT_STATUSES }),
  expires_at: opt('time'),
};

const CREATE: OperationSpec = {
  name: 'create_link',
  variables: ['amount_cents', 'amount', 'currency', 'purpose_kind', 'purpose_ref', 'booking_id', 'order_number', 'description', ...PHONE_VARS],
  mutating: true,
  refusals: [],
  shape: LINK,
  list: false,
};
const GET: OperationSpec = { name: 'get_link', variables: ['link_id'], mutating: false, notFound: 'PAYMENT_NOT_FOUND', refusals: [], shape: LINK, list: false };

function toLink(mapped: Mapped, currency: string): PaymentLink {
  const purpose: PaymentPurpose =
    text(mapped, 'purpose_kind') === 'deposit' ? { kind: 'deposit', bookingId: optText(mapped, 'booking_id') ?? '' } : { kind: 'order', orderNumber: optText(mapped, 'order_number') ?? '' };
  return compact({
    id: text(mapped, 'id'),
    url: text(mapped, 'url'),
    amount: money(mapped, 'amount', currency),
    purpose,
    phone: text(mapped, 'phone'),
    description: optText(mapped, 'description'),
    status: text(mapped, 'status') as PaymentLink['status'],
    expiresAt: optNum(mapped, 'expires_at'),
  });
}

export function createRestPayments(config: RestPortConfig, deps: RestDeps): PaymentsPort {
  const create = createRestOperation('payments', CREATE, config, deps);
  const get = createRestOperation('payments', GET, config, deps);
  return {
    createLink: async (request) => {
      const { purpose, amount } = request;
      const vars = {
        amount_cents: amount.cents, amount: (amount.cents / 100).toFixed(2), currency: amount.currency, purpose_kind: purpose.kind,
        purpose_ref: purpose.kind === 'deposit' ? purpose.bookingId : purpose.orderNumber,
        booking_id: purpose.kind === 'deposit' ? purpose.bookingId : undefined, order_number: purpose.kind === 'order' ? purpose.orderNumber : undefined,
        description: request.description, ...phoneVars(request.phone),
      };
      return toResult(await create.run(vars, request.idempotencyKey), (mapped) => toLink(mapped, config.currency));
    },
    getLink: async (query) => toResult(await get.run({ link_id: query.linkId }), (mapped) => toLink(mapped, config.currency)),
  };
}
