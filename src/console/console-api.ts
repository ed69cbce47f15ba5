/**
 * Read-only developer API behind the simulator's developer view: each turn of a
 * conversation with the status of the messages it sent.
 */
import { Hono } from 'hono';
import type { Store } from '../core/store.ts';

export function consoleApi(store: Store): Hono {
  const app = new Hono();
  app.get('/turns', async (c) => {
    const conversationId = c.req.query('conversation');
    const limit = Math.min(Number(c.req.query('limit') ?? 50) || 50, 500);
    const turns = await store.listTurns({ ...(conversationId ? { conversationId } : {}), limit });
    const withOutbound = await Promise.all(
      turns.map(async (turn) => {
        const outbound = await Promise.all(turn.outboundIds.map((id) => store.getOutbound(id)));
        return {
          ...turn,
          outbound: outbound.flatMap((o) =>
            o ? [{ id: o.id, kind: o.kind, status: o.status, errorCode: o.errorCode, errorTitle: o.errorTitle, pricingCategory: o.pricingCategory, pricingType: o.pricingType }] : [],
          ),
        };
      }),
    );
    return c.json({ turns: withOutbound });
  });
  return app;
}
