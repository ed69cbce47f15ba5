/**
 * The built-in payments port, provider-neutral: it records a payment link for a booking's
 * deposit or an order and returns `<link base URL>/<id>` (an unguessable id). Collecting
 * the money is the business's payment page; an open link past its expiry reads `expired`.
 */
import { randomBytes } from 'node:crypto';
import { compact } from '../../../core/json.ts';
import type { PaymentLink, PaymentPurpose, PaymentStatus, PaymentsPort } from '../../../core/integrations.ts';
import { fail, phoneDigits, refuse, succeed } from '../../../core/integrations.ts';
import type { Clock } from '../../../core/ports.ts';
import type { Connection, Row } from '../connection.ts';
import { num, optNum, optText, text } from '../rows.ts';
import { mutatingCall, readCall } from './builtin-call.ts';

export interface BuiltinPaymentOptions {
  /** Links are `<linkBaseUrl>/<id>`. */
  linkBaseUrl: string;
  /** Default 48 hours. */
  expiresAfterHours?: number;
}

const HOUR_MS = 3_600_000;

function toLink(row: Row, now: number): PaymentLink {
  const kind = text(row, 'purpose_kind');
  const ref = text(row, 'purpose_ref');
  const purpose: PaymentPurpose = kind === 'deposit' ? { kind: 'deposit', bookingId: ref } : { kind: 'order', orderNumber: ref };
  const expiresAt = optNum(row, 'expires_at');
  const stored = text(row, 'status') as PaymentStatus;
  const status = stored === 'open' && expiresAt !== undefined && expiresAt <= now ? 'expired' : stored;
  return compact({
    id: text(row, 'id'),
    url: text(row, 'url'),
    amount: { cents: num(row, 'amount_cents'), currency: text(row, 'currency') },
    purpose,
    phone: text(row, 'phone'),
    description: optText(row, 'description'),
    status,
    expiresAt,
  });
}

function problemOf(request: Parameters<PaymentsPort['createLink']>[0]): string | undefined {
  if (!Number.isSafeInteger(request.amount.cents) || request.amount.cents <= 0) return `the amount must be a positive whole number of cents (got ${request.amount.cents})`;
  if (!/^[A-Z]{3}$/.test(request.amount.currency)) return `"${request.amount.currency}" is not an ISO 4217 currency code`;
  const ref = request.purpose.kind === 'deposit' ? request.purpose.bookingId : request.purpose.orderNumber;
  if (typeof ref !== 'string' || ref.trim() === '') return 'the purpose names no booking or order';
  if (phoneDigits(request.phone).length < 6) return `"${request.phone}" is not a phone number`;
  return undefined;
}

export function createBuiltinPayments(db: Connection, clock: Clock, options: BuiltinPaymentOptions): PaymentsPort {
  const base = options.linkBaseUrl.replace(/\/+$/, '');
  const lifetime = (options.expiresAfterHours ?? 48) * HOUR_MS;
  return {
    createLink: (request) => {
      const problem = problemOf(request);
      if (problem !== undefined) return Promise.resolve(fail('INTEGRATION_REJECTED', `payments.create_link: ${problem}`, false));
      return mutatingCall(db, clock, 'payments.create_link', request, () => {
        const now = clock.now();
        const id = `pl_${randomBytes(12).toString('hex')}`;
        const ref = request.purpose.kind === 'deposit' ? request.purpose.bookingId : request.purpose.orderNumber;
        db.run(
          `INSERT INTO payment_links (id, url, purpose_kind, purpose_ref, phone, amount_cents, currency, description, status, expires_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
          id, `${base}/${id}`, request.purpose.kind, ref, phoneDigits(request.phone), request.amount.cents, request.amount.currency,
          request.description ?? null, now + lifetime, now,
        );
        return succeed(toLink(db.get('SELECT * FROM payment_links WHERE id = ?', id) as Row, now));
      });
    },
    getLink: (query) =>
      readCall('read a payment link', () => {
        const row = db.get('SELECT * FROM payment_links WHERE id = ?', query.linkId);
        return row === undefined ? refuse('PAYMENT_NOT_FOUND', `no payment link ${query.linkId}`) : succeed(toLink(row, clock.now()));
      }),
  };
}
