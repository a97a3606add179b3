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

/**
 * Resolves once the server listens; rejects with the listen error. Node reports a taken port
 * as an 'error' event, never to the listen callback, so a callback alone would announce a
 * server that is not there.
 */
export function listenOn(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The sentence a person reads when the backend cannot listen: which port, which variable. */
export function describeListenError(err: NodeJS.ErrnoException, port: number): string {
  if (err.code === 'EADDRINUSE') {
    return `Port ${port} is already in use (another program, or a Checkout Lab backend still running). Stop it, or set PORT to a free port (for example PORT=4001 in .env).`;
  }
  if (err.code === 'EACCES') {
    return `Not allowed to listen on port ${port}: choose a port above 1023 with PORT.`;
  }
  return `Cannot listen on port ${port} (PORT): ${err.message}`;
}
