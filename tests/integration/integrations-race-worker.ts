/**
 * A worker thread for the booking race: opens its own connection to the database file,
 * waits at a barrier until every worker is ready, then books the slot it was given and
 * posts the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteIntegrations } from '../../src/storage/sqlite/integrations/sqlite-integrations.ts';

interface RaceTask {
  path: string;
  now: number;
  start: number;
  phone: string;
  key: string;
  /** [ready count, go flag] */
  barrier: SharedArrayBuffer;
}

const task = workerData as RaceTask;
const integrations = createSqliteIntegrations({ path: task.path, clock: { now: () => task.now }, payments: { linkBaseUrl: 'https://pay.example/p' } });
const flags = new Int32Array(task.barrier);
Atomics.add(flags, 0, 1);
Atomics.wait(flags, 1, 0);
const result = await integrations.bookings.book({ serviceId: 'colour', start: task.start, phone: task.phone, idempotencyKey: task.key });
integrations.close();
parentPort?.postMessage(result);
