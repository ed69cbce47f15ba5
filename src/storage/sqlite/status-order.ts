/**
 * The forward-only order of an outbound message's status. Status webhooks arrive late,
 * twice or out of order, and may race the API answer that gives the message its wamid:
 * a status only ever moves forward along queued < accepted < sent < delivered < read < played,
 * `failed` may follow any of those, and `failed` and `refused` are terminal.
 * Pure: a PostgreSQL adapter can apply the same rule.
 */
import type { OutboundStatus } from '../../core/store.ts';

const PROGRESS: readonly OutboundStatus[] = ['queued', 'accepted', 'sent', 'delivered', 'read', 'played'];
const TERMINAL: readonly OutboundStatus[] = ['failed', 'refused'];
const ALL: readonly string[] = [...PROGRESS, ...TERMINAL];

export function isOutboundStatus(value: string): value is OutboundStatus {
  return ALL.includes(value);
}

/**
 * The status after `incoming` is applied to a message in `current`, or undefined when
 * `incoming` changes nothing: the same status, a step backwards (a late `delivered` after
 * `read`), anything after a terminal status, or a status this order does not know.
 */
export function nextStatus(current: OutboundStatus, incoming: string): OutboundStatus | undefined {
  if (!isOutboundStatus(incoming) || incoming === current) return undefined;
  if (TERMINAL.includes(current)) return undefined;
  if (TERMINAL.includes(incoming)) return incoming;
  return PROGRESS.indexOf(incoming) > PROGRESS.indexOf(current) ? incoming : undefined;
}
