/**
 * HTTP face of the fake phones (used by the browser simulator and by tests):
 *   POST /phone/:user/messages            {text, name?} | {button_reply:{id,title}, context_id?} |
 *                                         {list_reply:{id,title,description?}, context_id?} |
 *                                         {template_button:{payload,text}, context_id?}
 *                                         → {wamid, engineStatus, status, error?}
 *   POST /phone/:user/redeliver/:wamid    → the same, for the identical body posted again
 *   GET  /phone/:user/messages            → {user, name, typing, messages: ChatItem[]}
 *   POST /phone/:user/read                → {read: [wamid…]}
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Phone } from './phone.ts';
import { phoneDigits } from './send-validation.ts';
import type { PhoneInput } from './types.ts';

const name = z.string().max(100).optional();
const contextId = z.string().min(1).optional();
const replyId = z.string().min(1).max(256);

const phoneInput = z.union([
  z.object({ text: z.string().min(1).max(4096), name }),
  z.object({ button_reply: z.object({ id: replyId, title: z.string().min(1).max(20) }), context_id: contextId, name }),
  z.object({
    list_reply: z.object({ id: replyId, title: z.string().min(1).max(24), description: z.string().max(72).optional() }),
    context_id: contextId,
    name,
  }),
  z.object({ template_button: z.object({ payload: z.string().min(1), text: z.string().min(1) }), context_id: contextId, name }),
]);

function badRequest(c: Context, message: string): Response {
  return c.json({ error: message }, 400);
}

function userOf(c: Context): string | undefined {
  return phoneDigits(c.req.param('user') ?? '');
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function phoneRoutes(phone: Phone): Hono {
  const app = new Hono();

  app.post('/phone/:user/messages', async (c) => {
    const user = userOf(c);
    if (user === undefined) return badRequest(c, 'user must be a phone number, e.g. 393331234567');
    const parsed = phoneInput.safeParse(await readJson(c));
    if (!parsed.success) {
      return badRequest(c, 'body must be {text}, {button_reply:{id,title}}, {list_reply:{id,title,description?}} or {template_button:{payload,text}}');
    }
    return c.json(await phone.send(user, parsed.data as PhoneInput));
  });

  app.post('/phone/:user/redeliver/:wamid', async (c) => {
    const user = userOf(c);
    if (user === undefined) return badRequest(c, 'user must be a phone number');
    const result = await phone.redeliver(user, c.req.param('wamid') ?? '');
    return result === undefined ? c.json({ error: 'no such message from this user' }, 404) : c.json(result);
  });

  app.get('/phone/:user/messages', (c) => {
    const user = userOf(c);
    if (user === undefined) return badRequest(c, 'user must be a phone number');
    return c.json(phone.chat(user));
  });

  app.post('/phone/:user/read', async (c) => {
    const user = userOf(c);
    if (user === undefined) return badRequest(c, 'user must be a phone number');
    return c.json({ read: await phone.read(user) });
  });

  return app;
}
