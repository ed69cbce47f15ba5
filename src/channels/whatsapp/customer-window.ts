/**
 * The 24-hour customer service window (API-DIGEST §3.1): each message (or call) from the
 * customer opens it again for 24 hours; while it is closed only a template may be sent.
 */

export const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** When the window closes (epoch ms), or undefined if the customer never wrote. */
export function windowClosesAt(lastInboundAtMs: number | undefined): number | undefined {
  return lastInboundAtMs === undefined ? undefined : lastInboundAtMs + CUSTOMER_WINDOW_MS;
}

/** True while less than 24 hours have passed since the customer's latest message. */
export function isWindowOpen(lastInboundAtMs: number | undefined, nowMs: number): boolean {
  const closesAt = windowClosesAt(lastInboundAtMs);
  return closesAt !== undefined && nowMs < closesAt;
}
