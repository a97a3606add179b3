import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The exact bytes received, which is what signatures are computed over. */
  rawBody: string;
  json: { event?: string; payload?: Record<string, { entity: Record<string, unknown> }> } & Record<
    string,
    unknown
  >;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer, in order (after the list runs out, 200), or a function deciding each. */
  respondWith(statuses: number[] | ((webhook: ReceivedWebhook) => number)): void;
  /** Resolves once `count` webhooks have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1:0 that reads the raw body, like a backend webhook route should. */
export async function startWebhookReceiver(path = '/webhooks'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let statuses: number[] | ((webhook: ReceivedWebhook) => number) = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let json = {};
      try {
        json = JSON.parse(rawBody) as object;
      } catch {
        // keep {} — tests assert on rawBody in that case
      }
      const webhook = { headers: req.headers, rawBody, json, receivedAt: Date.now() };
      received.push(webhook);
      res.statusCode =
        typeof statuses === 'function' ? statuses(webhook) : (statuses.shift() ?? 200);
      res.end('ok');
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    respondWith(answer) {
      statuses = typeof answer === 'function' ? answer : [...answer];
    },
    waitFor(count, timeoutMs = 5000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} webhooks, got ${received.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
