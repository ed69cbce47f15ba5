/**
 * Building the integration ports from the `integrations:` configuration: a REST adapter
 * for each port configured `rest`, the given built-in adapter for each port configured
 * `builtin` (the composition root passes createSqliteIntegrations(...): this folder may not
 * import storage). A port left out of the config is left out of the result. Throws
 * CONFIG_INVALID or SETTINGS_INVALID (a secret's environment variable is missing) at start.
 */
import { AppError } from '../core/errors.ts';
import type { Integrations } from '../core/integrations.ts';
import type { IntegrationsConfig, PortName, RestPortConfig } from './integrations-config.ts';
import { createRestBookings } from './rest/rest-bookings.ts';
import { createRestCrm } from './rest/rest-crm.ts';
import type { RestDeps } from './rest/rest-operation.ts';
import { createRestOrders } from './rest/rest-orders.ts';
import { createRestPayments } from './rest/rest-payments.ts';
import { createRestTickets } from './rest/rest-tickets.ts';

export interface IntegrationsDeps {
  /** Where `{ env: NAME }` header values are read; default process.env. */
  env?: Record<string, string | undefined>;
  fetch?: typeof fetch;
  /** Wait between retries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  /** The built-in adapters, needed when a port is configured `builtin`. */
  builtin?: Integrations;
}

type RestFactories = { [P in PortName]: (config: RestPortConfig, deps: RestDeps) => Integrations[P] };

const REST: RestFactories = {
  orders: createRestOrders,
  bookings: createRestBookings,
  crm: createRestCrm,
  tickets: createRestTickets,
  payments: createRestPayments,
};

const PORTS: readonly PortName[] = ['orders', 'bookings', 'crm', 'tickets', 'payments'];

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function builtinPort<P extends PortName>(port: P, deps: IntegrationsDeps): Integrations[P] {
  if (deps.builtin === undefined) throw new AppError('CONFIG_INVALID', `integrations.${port}: the built-in adapter was not provided (pass deps.builtin)`);
  return deps.builtin[port];
}

export function createIntegrations(config: IntegrationsConfig, deps: IntegrationsDeps = {}): Partial<Integrations> {
  const rest: RestDeps = { env: deps.env ?? process.env, fetch: deps.fetch ?? fetch, sleep: deps.sleep ?? defaultSleep };
  const ports: Partial<Integrations> = {};
  for (const port of PORTS) {
    const settings = config[port];
    if (settings === undefined) continue;
    const adapter = settings.adapter === 'builtin' ? builtinPort(port, deps) : REST[port](settings, rest);
    Object.assign(ports, { [port]: adapter });
  }
  return ports;
}
