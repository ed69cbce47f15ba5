/**
 * A real loopback HTTP server that replays recorded responses (Cloud API, LLM providers),
 * one per request, and records every request it receives (method, path, headers, parsed
 * JSON body).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const PAYLOADS = new URL('../../../shared/whatsapp/payloads/', import.meta.url);

/** A recorded payload from /work/shared/whatsapp/payloads. */
export function payload(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, PAYLOADS), 'utf8'));
}

/**
 * A JSON (or raw text) answer, a server-sent event stream (`sse`: each item is sent as one
 * `data:` event), or `hang`: never answer (for timeouts).
 */
export type Scripted = { status: number; json?: unknown; text?: string; sse?: readonly string[] } | 'hang';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface ReplayServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; when none is left, `fallback` answers. */
  script(...answers: Scripted[]): void;
  close(): Promise<void>;
}

export const SUCCESS: Scripted = { status: 200, json: payload('meta-docs__interactive__send_response.json') };

/** The Meta docs success response with another wamid (the store keeps wamids unique). */
export function successWith(wamid: string): Scripted {
  return { status: 200, json: { messaging_product: 'whatsapp', contacts: [{ input: '+16505551234', wa_id: '16505551234' }], messages: [{ id: wamid }] } };
}

export function graphError(status: number, code: number, message: string, details?: string): Scripted {
  const error: Record<string, unknown> = { message, type: 'OAuthException', code, fbtrace_id: 'ATestTrace' };
  if (details !== undefined) error.error_data = { messaging_product: 'whatsapp', details };
  return { status, json: { error } };
}

export const PAIR_RATE_LIMIT = graphError(
  429,
  131056,
  '(#131056) (Business Account, Consumer Account) pair rate limit hit',
  'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
);
export const THROUGHPUT_LIMIT = graphError(400, 130429, '(#130429) Rate limit hit');
export const WINDOW_CLOSED = graphError(
  400,
  131047,
  '(#131047) Re-engagement message',
  'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
);
export const INVALID_TOKEN: Scripted = {
  status: 401,
  json: payload('netflie__WhatsAppCloudApiTest__error_190_invalid_oauth_token.json'),
};
export const SERVER_ERROR: Scripted = { status: 500, text: '<html>Internal Server Error</html>' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, scripted: Scripted): void {
  if (scripted === 'hang') return;
  if (scripted.sse !== undefined) {
    res.writeHead(scripted.status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.end(scripted.sse.map((data) => `data: ${data}\n\n`).join(''));
    return;
  }
  const isJson = scripted.json !== undefined;
  res.writeHead(scripted.status, { 'content-type': isJson ? 'application/json' : 'text/html' });
  res.end(isJson ? JSON.stringify(scripted.json) : (scripted.text ?? ''));
}

export async function startReplayServer(fallback: Scripted = SUCCESS): Promise<ReplayServer> {
  const queue: Scripted[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      answer(res, queue.shift() ?? fallback);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script: (...answers) => void queue.push(...answers),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
