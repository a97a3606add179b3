// The database goes away mid-checkout: the API answers 503, webhooks answer 503 so the gateway
// retries them, and once the database is back nothing is lost. This file runs its own
// mongo-java-server (H2 file, fixed port) so it can stop and restart it with its data.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import request from 'supertest';
import { connectDatabase, disconnectDatabase } from '../../src/db/connect';
import { startMongoJavaServer, type RunningMongoJavaServer } from '../../src/db/mongo-java-server';
import { createLogger } from '../../src/logger';
import { freePort } from '../helpers/free-port';
import { OrderModel } from '../../src/models/order.model';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { startTestStack, type TestStack } from '../helpers/test-stack';

const log = createLogger('silent');
let file: string;
let port: number;
let db: RunningMongoJavaServer;
let stack: TestStack;

beforeAll(async () => {
  file = path.join(await mkdtemp(path.join(tmpdir(), 'checkout-lab-outage-')), 'outage.mv.db');
  port = await freePort();
  db = await startMongoJavaServer({ file, port, log });
  await connectDatabase(db.uri, { dbName: 'outage', serverSelectionTimeoutMS: 1500 });
  // Retries spread over ~15 s (10 s, 20 s, 40 s… × 0.05) so some land after the restart.
  stack = await startTestStack({ sandbox: { timeScale: 0.05 } });
}, 120_000);

afterAll(async () => {
  await stack.close();
  await mongoose.connection.dropDatabase().catch(() => {});
  await disconnectDatabase();
  await db.stop();
  await rm(path.dirname(file), { recursive: true, force: true });
});

test('when the database is down, then the API answers 503 and webhooks are accepted once it is back', async () => {
  const item = await createProduct({ stock: 3 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
  const checkout = await startCheckout(stack.app, order.id);

  await db.stop();
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout)); // the gateway still works

  const health = await request(stack.app).get('/api/health').expect(503);
  expect(health.body.database.state).toBe('down');
  const create = await request(stack.app)
    .post('/api/orders')
    .send({
      items: [{ slug: item.slug, quantity: 1 }],
      customer: { name: 'A', email: 'a@example.com' },
    })
    .expect(503);
  expect(create.body.error.code).toBe('DATABASE_UNAVAILABLE');
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(503);

  // The sandbox's first deliveries were refused with 503…
  await waitUntil(() => stack.sandbox.deliveries().some((d) => d.status === 503));

  db = await startMongoJavaServer({ file, port, log });
  await stack.settle(); // …and its retries land once the database is back.

  const stored = await OrderModel.findOne({ publicId: order.id });
  expect(stored!.status).toBe('paid');
  expect(stored!.timeline.filter((e) => e.type === 'order.paid')).toHaveLength(1);
  expect(stack.sandbox.deliveries().some((d) => d.status === 200)).toBe(true);
}, 60_000);

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
