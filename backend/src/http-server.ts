// The HTTP server the app runs in, with timeouts for slow clients: a request whose headers or
// body trickle in (slowloris, a stalled upload) is answered 408 and its socket freed, instead
// of holding a connection and a body parser for Node's default five minutes.
import { createServer, type RequestListener, type Server } from 'node:http';

export interface ServerTimeouts {
  /** The whole request, headers and body, must arrive within this (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
}

export function createHttpServer(app: RequestListener, timeouts: ServerTimeouts): Server {
  return createServer(
    {
      requestTimeout: timeouts.requestTimeoutMs,
      headersTimeout: Math.min(timeouts.requestTimeoutMs, 10_000),
      // How often Node looks for requests past their deadline (its default is 30 s).
      connectionsCheckingInterval: Math.min(1000, timeouts.requestTimeoutMs),
    },
    app,
  );
}
