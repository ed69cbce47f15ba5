/**
 * How every built-in integration call runs: synchronously inside the promise the port
 * returns, with any exception turned into an IntegrationError (a port never rejects), and
 * each mutating call recorded in `integration_requests` in the same write transaction as
 * its effect, so a retry with the same idempotency key returns the first result.
 */
import type { IntegrationResult, RefusalCode } from '../../../core/integrations.ts';
import { fail } from '../../../core/integrations.ts';
import { isRecord } from '../../../core/json.ts';
import type { Clock } from '../../../core/ports.ts';
import type { Connection } from '../connection.ts';
import { storeFailure } from '../sqlite-store.ts';
import { json, text } from '../rows.ts';

/** A SQLite failure as data: retryable when another writer held the lock too long. */
function unavailable(operation: string, error: unknown): { ok: false; error: ReturnType<typeof fail>['error'] } {
  const failure = storeFailure(operation, error);
  return fail('INTEGRATION_UNAVAILABLE', failure.message, failure.isRetryable);
}

export function readCall<T, C extends RefusalCode = never>(operation: string, work: () => IntegrationResult<T, C>): Promise<IntegrationResult<T, C>> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.resolve(unavailable(operation, error));
  }
}

/** JSON with object keys sorted at every level: equal requests give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprintOf(request: { idempotencyKey: string }): string {
  const { idempotencyKey: _key, ...rest } = request;
  return canonicalJson(rest);
}

const FIND = 'SELECT fingerprint, result FROM integration_requests WHERE operation = ? AND key = ?';
const RECORD = 'INSERT INTO integration_requests (operation, key, fingerprint, result, created_at) VALUES (?, ?, ?, ?, ?)';

/**
 * Runs `work` once per (operation, idempotency key) in a `BEGIN IMMEDIATE` transaction.
 * Values and refusals are recorded and replayed; failures are not (a retry tries again).
 */
export function mutatingCall<T, C extends RefusalCode = never>(
  db: Connection,
  clock: Clock,
  operation: string,
  request: { idempotencyKey: string },
  work: () => IntegrationResult<T, C>,
): Promise<IntegrationResult<T, C>> {
  const key = request.idempotencyKey;
  if (typeof key !== 'string' || key.trim() === '') {
    return Promise.resolve(fail('INTEGRATION_REJECTED', `${operation}: an idempotency key is required`, false));
  }
  const fingerprint = fingerprintOf(request);
  return readCall(operation, () =>
    db.transaction(() => {
      const row = db.get(FIND, operation, key);
      if (row !== undefined) {
        if (text(row, 'fingerprint') === fingerprint) return json<IntegrationResult<T, C>>(row, 'result');
        return fail('INTEGRATION_REJECTED', `${operation}: idempotency key "${key}" was already used for a different request`, false, { idempotencyKey: key });
      }
      const result = work();
      if (result.error === undefined) db.run(RECORD, operation, key, fingerprint, JSON.stringify(result), clock.now());
      return result;
    }),
  );
}
