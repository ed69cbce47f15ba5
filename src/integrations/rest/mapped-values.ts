/**
 * Small helpers shared by the REST port adapters: reading mapped fields back with their
 * types (the mapping has already checked each kind), request variables for phones and
 * times, and passing a failed operation result on unchanged.
 */
import type { IntegrationResult, Money, RefusalCode } from '../../core/integrations.ts';
import { phoneDigits, succeed } from '../../core/integrations.ts';
import type { OperationResult } from './rest-operation.ts';
import type { Mapped } from './response-mapping.ts';

export const text = (mapped: Mapped, field: string): string => mapped[field] as string;
export const optText = (mapped: Mapped, field: string): string | undefined => mapped[field] as string | undefined;
export const num = (mapped: Mapped, field: string): number => mapped[field] as number;
export const optNum = (mapped: Mapped, field: string): number | undefined => mapped[field] as number | undefined;
export const list = (mapped: Mapped, field: string): Mapped[] => (mapped[field] as Mapped[] | undefined) ?? [];
export const strings = (mapped: Mapped, field: string): string[] => (mapped[field] as string[] | undefined) ?? [];

/** An amount field as Money, in the answer's `currency` field or the port's default currency. */
export function optMoney(mapped: Mapped, field: string, currency: string): Money | undefined {
  const cents = optNum(mapped, field);
  return cents === undefined ? undefined : { cents, currency: optText(mapped, 'currency') ?? currency };
}

export function money(mapped: Mapped, field: string, currency: string): Money {
  return optMoney(mapped, field, currency) as Money;
}

/** `{phone}` as digits (393331234567) and `{phone_e164}` with the plus. */
export function phoneVars(phone: string): { phone: string; phone_e164: string } {
  const digits = phoneDigits(phone);
  return { phone: digits, phone_e164: `+${digits}` };
}

export const PHONE_VARS = ['phone', 'phone_e164'] as const;

/** A time as `{name}` (ISO 8601, UTC) and `{name_ms}` (epoch milliseconds). */
export function timeVars(name: string, epoch: number | undefined): Record<string, string | number | undefined> {
  return { [name]: epoch === undefined ? undefined : new Date(epoch).toISOString(), [`${name}_ms`]: epoch };
}

export const timeVarNames = (name: string): string[] => [name, `${name}_ms`];

/**
 * The port's result: the built value, or the operation's refusal or error unchanged (its
 * refusal codes are the operation's own, checked when the adapter was built).
 */
export function toResult<T, C extends RefusalCode>(result: OperationResult<Mapped>, build: (mapped: Mapped) => T): IntegrationResult<T, C> {
  if (!result.ok) return result as IntegrationResult<T, C>;
  return succeed(build(result.value));
}

export function toListResult<T, C extends RefusalCode>(result: OperationResult<Mapped[]>, build: (mapped: Mapped) => T): IntegrationResult<T[], C> {
  if (!result.ok) return result as IntegrationResult<T[], C>;
  return succeed(result.value.map(build));
}
