// Stock that cannot oversell: checkout holds the units (one conditional decrement per product),
// a failed, cancelled or expired attempt gives them back, payment takes them for good, and a
// payment that arrives after its hold expired and the stock is gone is refunded, never confirmed.
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { releaseExpiredHolds } from '../../src/services/stock-hold.service';
import {
  createProduct,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  stockOf,
  emailsAbout as emailsAboutOrder,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';
import { sandboxSdk } from '../helpers/webhooks';

const stack = useTestStack();

const ROUNDS = 4;
const BUYERS = 5;

const checkout = (orderId: string) =>
  request(stack.app).post(`/api/orders/${orderId}/checkout`).send({ gateway: 'razorpay' });
const verify = (body: object) =>
  request(stack.app).post('/api/payments/razorpay/verify').send(body);
const emailsAbout = (id: string) => emailsAboutOrder(stack.ctx.mailer, id);

/** What the clock does to a hold: its window passes. */
async function expireHoldOf(orderId: string) {
  const order = await OrderModel.findOne({ publicId: orderId });
  await PaymentModel.updateMany(
    { order: order!._id },
    { $set: { 'hold.expiresAt': new Date(Date.now() - 1000) } },
  );
}

test(`when ${BUYERS} buyers race for the last unit (${ROUNDS} rounds), then exactly one is charged and fulfilled and the others are refused at checkout as sold out`, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const last = await createProduct({ stock: 1, name: 'Last Lamp' });
    const orders = [];
    for (let i = 0; i < BUYERS; i++) {
      orders.push(await placeOrder(stack.app, [{ slug: last.slug, quantity: 1 }]));
    }
    const results = await Promise.all(orders.map((o) => checkout(o.id)));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(BUYERS - 1).fill(409)]);
    const opened = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    for (const r of refused) {
      expect(r.body.error).toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        message: expect.stringMatching(/sold out/i),
      });
    }
    expect(await stockOf(last._id)).toBe(0);

    const winner = orders[results.indexOf(opened[0]!)]!;
    const paid = await payInSandbox(stack.sandbox, opened[0]!.body.checkout.options.order_id);
    await verify(paid.body).expect(200);
    await stack.settle();
    expect((await getOrder(stack.app, winner.id)).status).toBe('paid');
    expect(await stockOf(last._id)).toBe(0);
    const confirmations = (await Promise.all(orders.map((o) => emailsAbout(o.id)))).flat();
    expect(confirmations.map((e) => [e.orderId, e.subject])).toEqual([
      [winner.id, expect.stringMatching(/^Order confirmed/)],
    ]);
  }
}, 120_000);

test(`when buyers whose holds expired pay at the same time as the one who holds the last unit (${ROUNDS} rounds), then only the holder is fulfilled and the others are refunded with a sold-out email`, async () => {
  stack.sandbox.setWebhookUrls([]);
  for (let round = 0; round < ROUNDS; round++) {
    const last = await createProduct({ stock: 1, name: 'Last Lamp' });
    const late = [];
    for (let i = 0; i < BUYERS - 1; i++) {
      const order = await placeOrder(stack.app, [{ slug: last.slug, quantity: 1 }]);
      const res = await checkout(order.id).expect(201);
      late.push({ order, razorpayOrderId: gatewayOrderId(res.body) });
      await expireHoldOf(order.id);
      await releaseExpiredHolds(new Date()); // the expiry sweep gives the unit back
      expect(await stockOf(last._id)).toBe(1);
    }
    const holder = await placeOrder(stack.app, [{ slug: last.slug, quantity: 1 }]);
    const held = await checkout(holder.id).expect(201);
    expect(await stockOf(last._id)).toBe(0);

    // Everyone is still in the gateway's modal, and everyone pays at once.
    const everyone = [...late, { order: holder, razorpayOrderId: gatewayOrderId(held.body) }];
    const handlers = await Promise.all(
      everyone.map((b) => payInSandbox(stack.sandbox, b.razorpayOrderId)),
    );
    await Promise.all(handlers.map((h) => verify(h.body).expect(200)));
    await stack.settle();

    expect(await stockOf(last._id)).toBe(0);
    const holderFinal = await getOrder(stack.app, holder.id);
    expect(holderFinal.status).toBe('paid');
    expect((await emailsAbout(holder.id)).map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Order confirmed/),
    ]);
    for (const [i, { order }] of late.entries()) {
      const final = await getOrder(stack.app, order.id);
      expect(final.status).toBe('refunded');
      expect(final.amountRefunded).toBe(final.total);
      expect(final.timeline.map((e) => e.type)).toEqual(
        expect.arrayContaining(['stock.shortfall', 'refund.processed', 'order.refunded']),
      );
      const emails = await emailsAbout(order.id);
      expect(emails.map((e) => e.subject)).toEqual([expect.stringMatching(/sold out/i)]);
      expect(emails[0]!.text).toMatch(/refund/i);
      const gateway = await sandboxSdk(stack).payments.fetch(handlers[i]!.body.razorpay_payment_id);
      expect(gateway.amount_refunded).toBe(final.total);
    }
  }
  stack.sandbox.setWebhookUrls([stack.webhookUrl]);
}, 120_000);
