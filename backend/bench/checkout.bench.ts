// `npm run bench` (backend part): how fast the checkout path is through the real HTTP stack —
// the embedded database, the in-process sandbox and the app on loopback — and how fast webhooks
// are acknowledged (the gateway's retry clock starts when we are slow). Reports; never fails.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '@checkout-lab/sandbox';
import { buildApp } from '../src/app';
import { parseConfig } from '../src/config';
import { connectDatabase, disconnectDatabase } from '../src/db/connect';
import { startDatabaseServer } from '../src/db/embedded-database';
import { gatewaysFromConfig } from '../src/gateways/registry';
import { createLogger } from '../src/logger';
import { OrderModel } from '../src/models/order.model';
import { PaymentModel } from '../src/models/payment.model';
import { ProductModel } from '../src/models/product.model';
import { WebhookEventModel } from '../src/models/webhook-event.model';
import { createBackgroundTasks } from '../src/services/background-tasks';
import { createMailer } from '../src/services/email.service';

const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 40);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 10);
const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 200);
const ACK_TARGET_MS = 100;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`;

async function timed<T>(into: number[], fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  into.push(performance.now() - start);
  return result;
}

async function main(): Promise<void> {
  const log = createLogger('silent');
  const db = await startDatabaseServer({ uri: process.env.MONGODB_URI, allowDownload: false, log });
  await connectDatabase(db.uri, { dbName: `bench_${randomBytes(4).toString('hex')}` });
  const sandbox = await startSandbox({ timeScale: 0.01 });
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'checkout-lab-bench-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    ADMIN_TOKEN: 'bench-admin-token-0123456789',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: base,
    RAZORPAY_API_BASE: sandbox.razorpayApiBase,
    RUPANTORPAY_API_BASE: sandbox.rupantorpayApiBase,
    RECONCILE_INTERVAL_MS: '0',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const tasks = createBackgroundTasks(log);
  const ctx = {
    config,
    log,
    gateways: gatewaysFromConfig(config, log),
    mailer: createMailer({ outboxDir: path.join(dataDir, 'outbox') }),
    tasks,
  };
  server.on('request', buildApp(ctx));
  sandbox.setWebhookUrls([`${base}/api/webhooks/razorpay`]);
  const product = await ProductModel.create({
    slug: 'bench-item',
    name: 'Bench Item',
    price: 49900,
    currency: 'INR',
    stock: 1_000_000,
  });

  const post = async (url: string, body: unknown) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const steps = {
    order: [] as number[],
    checkout: [] as number[],
    verify: [] as number[],
    total: [] as number[],
  };

  async function purchase(): Promise<void> {
    const start = performance.now();
    const { order } = await timed(steps.order, () =>
      post(`${base}/api/orders`, {
        items: [{ slug: product.slug, quantity: 1 }],
        customer: { name: 'Bench', email: 'bench@example.com' },
      }),
    );
    const { checkout } = await timed(steps.checkout, () =>
      post(`${base}/api/orders/${order.id}/checkout`, { gateway: 'razorpay' }),
    );
    const handler = await post(
      `${sandbox.url}/razorpay/_sandbox/orders/${checkout.options.order_id}/pay`,
      {
        method: 'upi',
        vpa: 'success@razorpay',
      },
    );
    const verified = await timed(steps.verify, () =>
      post(`${base}/api/payments/razorpay/verify`, handler),
    );
    if (verified.order.status !== 'paid')
      throw new Error(`order ${order.id} is ${verified.order.status}`);
    steps.total.push(performance.now() - start);
  }

  for (let i = 0; i < 3; i++) await purchase(); // warm-up
  for (const list of Object.values(steps)) list.length = 0;
  for (let i = 0; i < PURCHASES; i++) await purchase();
  await sandbox.idle();
  await tasks.idle();

  const concurrentStart = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT }, () => purchase()));
  await sandbox.idle();
  await tasks.idle();
  const concurrentMs = performance.now() - concurrentStart;

  // Webhook acknowledgement: signed, distinct events, as Razorpay would send them.
  sandbox.setWebhookUrls([]);
  const acks: number[] = [];
  for (let i = 0; i < WEBHOOKS; i++) {
    const body = JSON.stringify({
      entity: 'event',
      event: 'payment.captured',
      contains: ['payment'],
      payload: {
        payment: {
          entity: {
            id: `pay_Bench${i.toString().padStart(9, '0')}`,
            entity: 'payment',
            amount: 100,
            currency: 'INR',
            status: 'captured',
            order_id: 'order_NotOursBench01',
            method: 'upi',
            amount_refunded: 0,
          },
        },
      },
      created_at: Math.floor(Date.now() / 1000),
    });
    await timed(acks, () =>
      fetch(`${base}/api/webhooks/razorpay`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-razorpay-signature': createHmac('sha256', config.razorpay.webhookSecret)
            .update(body)
            .digest('hex'),
          'x-razorpay-event-id': `evt_bench${i}_${randomBytes(3).toString('hex')}`,
        },
        body,
      }).then((r) => r.text()),
    );
  }
  await tasks.idle();
  const [orders, payments, events] = await Promise.all([
    OrderModel.estimatedDocumentCount(),
    PaymentModel.estimatedDocumentCount(),
    WebhookEventModel.estimatedDocumentCount(),
  ]);

  console.log(
    [
      '',
      `Backend checkout path, over HTTP on loopback (database: ${db.description}, gateway: in-process sandbox)`,
      `  ${PURCHASES} sequential purchases (order → checkout → pay in the sandbox → verify):`,
      `    POST /api/orders                   ${fmt(steps.order)}`,
      `    POST /api/orders/:id/checkout      ${fmt(steps.checkout)}   (includes the gateway's order create)`,
      `    POST /api/payments/razorpay/verify ${fmt(steps.verify)}   (includes fetching the payment)`,
      `    whole purchase                     ${fmt(steps.total)}`,
      `  ${CONCURRENT} purchases at once: all paid in ${concurrentMs.toFixed(0)} ms (${((CONCURRENT * 1000) / concurrentMs).toFixed(1)} purchases/s)`,
      `  ${WEBHOOKS} signed webhooks acknowledged: ${fmt(acks)}`,
      `    target p95 < ${ACK_TARGET_MS} ms: ${pct(acks, 95) < ACK_TARGET_MS ? 'met' : 'MISSED'}`,
      `  collections at the end: ${orders} orders, ${payments} payments, ${events} webhook events`,
      '',
    ].join('\n'),
  );

  await sandbox.close();
  server.closeAllConnections();
  server.close();
  await disconnectDatabase();
  await db.stop();
}

main()
  .catch((err: unknown) =>
    console.error(
      `Backend benchmark could not run: ${err instanceof Error ? err.message : String(err)}`,
    ),
  )
  .finally(() => process.exit(0));
