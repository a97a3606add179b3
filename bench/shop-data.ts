// What the benchmark does to the shop: buys through the real API and the sandbox, fills the
// database with orders that look like real ones, and captures the sandbox's signed webhooks.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Types } from 'mongoose';
import { OrderModel } from '../backend/src/models/order.model';
import { PaymentModel } from '../backend/src/models/payment.model';
import { WebhookEventModel } from '../backend/src/models/webhook-event.model';
import type { Recorder, Reply } from './load';

export interface Purchase {
  orderId: string;
  gatewayOrderId: string;
  handler: Record<string, string>;
}

const customer = { name: 'Bench Buyer', email: 'bench@example.com' };

export async function placeOrder(rec: Recorder, slug: string): Promise<string> {
  const reply = await rec.send('POST', '/api/orders', {
    items: [{ slug, quantity: 1 }],
    customer,
  });
  return reply.body.order.id as string;
}

export async function checkout(rec: Recorder, orderId: string): Promise<string> {
  const reply = await rec.send('POST', `/api/orders/${orderId}/checkout`, { gateway: 'razorpay' });
  return reply.body.checkout.options.order_id as string;
}

/** Pays in the sandbox, as its modal does (not timed: that is the gateway's time). */
export async function payInSandbox(
  sandboxUrl: string,
  gatewayOrderId: string,
): Promise<Record<string, string>> {
  const res = await fetch(`${sandboxUrl}/razorpay/_sandbox/orders/${gatewayOrderId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'upi', vpa: 'success@razorpay' }),
  });
  if (!res.ok) throw new Error(`sandbox pay: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

export async function verify(rec: Recorder, handler: Record<string, string>): Promise<Reply> {
  const reply = await rec.send('POST', '/api/payments/razorpay/verify', handler);
  if (reply.body.order.status !== 'paid') throw new Error(`verify left ${reply.body.order.status}`);
  return reply;
}

/** Order, checkout and sandbox payment, ready to verify (or to be settled by its webhooks). */
export async function paidCheckout(
  rec: Recorder,
  sandboxUrl: string,
  slug: string,
): Promise<Purchase> {
  const orderId = await placeOrder(rec, slug);
  const gatewayOrderId = await checkout(rec, orderId);
  return { orderId, gatewayOrderId, handler: await payInSandbox(sandboxUrl, gatewayOrderId) };
}

export interface Template {
  order: Record<string, unknown>;
  payments: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

/** The documents one real purchase left (its order, payments and webhook events), to copy. */
export async function templateOf(publicId: string): Promise<Template> {
  const order = await OrderModel.findOne({ publicId }).lean();
  if (!order) throw new Error(`no order ${publicId}`);
  const payments = await PaymentModel.find({ order: order._id }).lean();
  const events = await WebhookEventModel.find({}).sort({ receivedAt: -1 }).limit(3).lean();
  return { order, payments, events };
}

/**
 * Inserts copies of the template until `target` orders exist. Copies get their own ids,
 * public ids and gateway references, so every unique index holds as many keys as real data.
 */
export async function fillOrders(template: Template, target: number): Promise<number> {
  let count = await OrderModel.estimatedDocumentCount();
  while (count < target) {
    const n = Math.min(1000, target - count);
    const orders: Record<string, unknown>[] = [];
    const payments: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const tag = randomBytes(9).toString('hex');
      const _id = new Types.ObjectId();
      const paymentIds = template.payments.map(() => new Types.ObjectId());
      orders.push({
        ...template.order,
        _id,
        publicId: `ord_${randomBytes(16).toString('base64url')}`,
        paidByPayment: paymentIds[0],
      });
      template.payments.forEach((p, k) => {
        payments.push({
          ...p,
          _id: paymentIds[k],
          order: _id,
          refs: { orderId: `order_${tag}`, paymentId: `pay_${tag}${k}` },
        });
      });
      for (const e of template.events) {
        events.push({ ...e, _id: new Types.ObjectId(), eventId: `evt_${tag}${events.length}` });
      }
    }
    await OrderModel.collection.insertMany(orders);
    if (payments.length) await PaymentModel.collection.insertMany(payments);
    if (events.length) await WebhookEventModel.collection.insertMany(events);
    count += n;
  }
  return count;
}

export interface CapturedWebhook {
  body: string;
  headers: Record<string, string>;
}

/** A local endpoint the sandbox delivers webhooks to, keeping each body and its headers. */
export async function startWebhookCollector(): Promise<{
  url: string;
  captured: CapturedWebhook[];
  close(): Promise<void>;
}> {
  const captured: CapturedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      for (const name of ['x-razorpay-signature', 'x-razorpay-event-id']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      captured.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    captured,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
