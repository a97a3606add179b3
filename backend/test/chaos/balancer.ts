// A loopback load balancer in front of the soak's backends, as a real deployment has one: each
// request goes to the next backend that is up. A backend that refuses the connection is skipped
// (the request has not reached it); one that dies mid-request fails that request, as it would
// behind nginx, and the client (a buyer, or the sandbox's webhook sender) decides to retry.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  url: string;
  close(): Promise<void>;
}

export async function startBalancer(targets: () => string[]): Promise<Balancer> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), targets(), next++));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  targets: string[],
  turn: number,
  tried = 0,
): void {
  if (tried >= targets.length) {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NO_BACKEND', message: 'No backend is up' } }));
    return;
  }
  const target = new URL(targets[(turn + tried) % targets.length]!);
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (err: NodeJS.ErrnoException) => {
    if (res.headersSent) return void res.destroy();
    // Refused: nothing reached that backend, so the next one may take the request.
    if (err.code === 'ECONNREFUSED') return forward(req, res, body, targets, turn, tried + 1);
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: err.message } }));
  });
  upstream.end(body);
}
