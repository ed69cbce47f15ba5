/**
 * Starts an HTTP server before its app exists: it answers 503 until `setHandler` is
 * called. Lets the composition learn its own port (PORT=0) before wiring URLs that
 * contain it (the sandbox's webhook URL, the engine's API base URL).
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface LazyServer {
  server: ServerType;
  port: number;
  /** `http://host:port`, no trailing slash. */
  origin: string;
  setHandler(handler: FetchHandler): void;
  close(): Promise<void>;
}

export function listenLazy(port: number, hostname: string): Promise<LazyServer> {
  let handler: FetchHandler = () => new Response('starting', { status: 503 });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request) => handler(request), port, hostname }, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        origin: `http://${hostname}:${actual}`,
        setHandler: (next) => {
          handler = next;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
