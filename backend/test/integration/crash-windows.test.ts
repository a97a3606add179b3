// A crash between any two awaits of settlement or fulfilment leaves a state the next sweep
// finishes, with nothing done twice. Each test writes the state a SIGKILL at that point would
// leave (the database is all that survives a kill: claims are minutes old, because the process
// that set them is gone), then runs reconciliation twice and checks stock, money and email.
import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { ProductModel } from '../../src/models/product.model';
import {
  createProduct,
  gatewayOrderId,
  payInSandbox,
  placeOrder,
  startCheckout,
  stockOf,
  emailsAbout as emailsAboutOrder,
} from '../helpers/shop';
import { adminHeaders } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';
import { sandboxSdk } from '../helpers/webhooks';

const stack = useTestStack();
beforeAll(() => stack.sandbox.setWebhookUrls([]));

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
const ledgerOf = async (id: unknown) =>
  (await ProductModel.findById(id).select('+holds'))!.holds?.size ?? 0;
const emailsAbout = (id: string) => emailsAboutOrder(stack.ctx.mailer, id);
const orderDoc = async (id: string) => (await OrderModel.findOne({ publicId: id }))!;

async function reconcileTwice() {
  for (let run = 0; run < 2; run++) {
    await request(stack.app)
      .post('/api/admin/reconcile')
      .set(adminHeaders)
      .send({ olderThanSeconds: 0 })
      .expect(200);
  }
  await stack.settle();
}

/**
 * Two products (5 and 4 in stock, 2 and 1 ordered), checked out (held) and paid at the
 * gateway, with the payment captured by us: the state before the order's own steps.
 */
async function capturedOrder() {
  const lamp = await createProduct({ stock: 5, name: 'Lamp' });
  const shade = await createProduct({ stock: 4, name: 'Shade' });
  const order = await placeOrder(stack.app, [
    { slug: lamp.slug, quantity: 2 },
    { slug: shade.slug, quantity: 1 },
  ]);
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  const payment = (await PaymentModel.findOne({ 'refs.orderId': gatewayOrderId(checkout) }))!;
  await PaymentModel.updateOne(
    { _id: payment._id },
    // The capture's transition marks the payment settlePending in the same update.
    {
      $set: {
        status: 'captured',
        settlePending: true,
        'refs.paymentId': paid.body.razorpay_payment_id,
      },
    },
  );
  return { lamp, shade, order, payment, paymentId: paid.body.razorpay_payment_id };
}

/** The order moved to paid (the update settleOrderForPayment makes), and `extra` on top. */
async function paidOrder(extra: Record<string, unknown> = {}) {
  const captured = await capturedOrder();
  await PaymentModel.updateOne(
    { _id: captured.payment._id },
    { $set: { orderSettledAt: minutesAgo(10) }, $unset: { settlePending: 1 } },
  );
  await OrderModel.updateOne(
    { publicId: captured.order.id },
    {
      $set: {
        status: 'paid',
        paidAt: minutesAgo(10),
        paidByPayment: captured.payment._id,
        'fulfilment.open': true,
        'fulfilment.openSince': minutesAgo(10),
        ...extra,
      },
    },
  );
  return captured;
}

/** What a recorded take leaves: the units sold (the ledger entries still say `taken`). */
async function tookStock(c: Awaited<ReturnType<typeof capturedOrder>>) {
  for (const p of [c.lamp, c.shade]) {
    await ProductModel.updateOne(
      { _id: p._id },
      { $set: { [`holds.${c.payment.id}.state`]: 'taken' } },
    );
  }
  await OrderModel.updateOne(
    { publicId: c.order.id },
    {
      $set: { 'fulfilment.stockDecrementedAt': minutesAgo(10), 'fulfilment.holdId': c.payment._id },
      $push: {
        timeline: {
          at: minutesAgo(10),
          type: 'stock.decremented',
          source: 'verify',
          message: 'Stock taken for every item',
        },
      },
    },
  );
}

async function expectFulfilledOnce(c: Awaited<ReturnType<typeof capturedOrder>>) {
  const order = await orderDoc(c.order.id);
  expect(order.status).toBe('paid');
  expect(order.timeline.filter((e) => e.type === 'order.paid').length).toBeLessThanOrEqual(1);
  expect(order.timeline.filter((e) => e.type === 'stock.decremented')).toHaveLength(1);
  expect(order.fulfilment?.openSince).toBeUndefined();
  expect(order.fulfilment?.open).toBeUndefined();
  expect([await stockOf(c.lamp._id), await stockOf(c.shade._id)]).toEqual([3, 3]);
  expect([await ledgerOf(c.lamp._id), await ledgerOf(c.shade._id)]).toEqual([0, 0]);
  expect((await PaymentModel.findById(c.payment._id))!.hold!.state).toBe('taken');
  const emails = await emailsAbout(c.order.id);
  expect(emails.map((e) => e.subject)).toEqual([expect.stringMatching(/^Order confirmed/)]);
}

describe('settlement', () => {
  test('when killed after the payment was captured, before the order was paid, then the sweep pays and fulfils it once', async () => {
    const c = await capturedOrder();
    await reconcileTwice();
    await expectFulfilledOnce(c);
    expect((await PaymentModel.findById(c.payment._id))!.orderSettledAt).toBeDefined();
  });

  test('when killed after the order was paid, before fulfilment was claimed, then the sweep fulfils it once', async () => {
    const c = await paidOrder();
    await PaymentModel.updateOne(
      { _id: c.payment._id },
      { $unset: { orderSettledAt: 1 }, $set: { settlePending: true } },
    );
    await reconcileTwice();
    await expectFulfilledOnce(c);
  });
});

describe('fulfilment', () => {
  test('when fulfilment was claimed but the stock step never ran, then the next sweep takes the stock once and sends one email', async () => {
    const c = await paidOrder({ 'fulfilment.claimedAt': minutesAgo(10) });
    await reconcileTwice();
    await expectFulfilledOnce(c);
  });

  test('when killed half-way through taking the stock (one product taken, one still held), then the sweep takes the rest once', async () => {
    const c = await paidOrder({ 'fulfilment.claimedAt': minutesAgo(10) });
    const [first] = [c.lamp, c.shade].sort((a, b) => a.id.localeCompare(b.id));
    await ProductModel.updateOne(
      { _id: first!._id },
      { $set: { [`holds.${c.payment.id}.state`]: 'taken' } },
    );
    await reconcileTwice();
    await expectFulfilledOnce(c);
  });

  test('when killed after the take was recorded, before the ledger was cleaned, then the sweep cleans it and sends the email, taking nothing more', async () => {
    const c = await paidOrder({ 'fulfilment.claimedAt': minutesAgo(10) });
    await tookStock(c);
    // The hold's window passes too: the expiry sweep must not give sold units back.
    await PaymentModel.updateOne(
      { _id: c.payment._id },
      { $set: { 'hold.expiresAt': minutesAgo(1) } },
    );
    await reconcileTwice();
    await expectFulfilledOnce(c);
  });

  test('when killed while sending the email (claimed, never recorded), then the sweep sends it once', async () => {
    const c = await paidOrder({
      'fulfilment.claimedAt': minutesAgo(10),
      'fulfilment.emailClaimedAt': minutesAgo(10),
    });
    await tookStock(c);
    await reconcileTwice();
    await expectFulfilledOnce(c);
  });

  test('when killed after the email was sent, before it was recorded, then the sweep records it and sends no second one', async () => {
    const c = await paidOrder({
      'fulfilment.claimedAt': minutesAgo(10),
      'fulfilment.emailClaimedAt': minutesAgo(10),
    });
    await tookStock(c);
    await stack.ctx.mailer.send({
      to: 'buyer@example.com',
      subject: 'Order confirmed: sent by the process that died',
      text: 'sent',
      html: '<p>sent</p>',
      orderId: c.order.id,
      key: `confirmation:${c.order.id}`,
    });
    await reconcileTwice();
    const order = await orderDoc(c.order.id);
    expect(order.fulfilment?.emailSentAt).toBeDefined();
    expect(order.fulfilment?.open).toBeUndefined();
    const emails = await emailsAbout(c.order.id);
    expect(emails.map((e) => e.subject)).toEqual([
      'Order confirmed: sent by the process that died',
    ]);
  });
});

describe('a sold-out order (paid after its hold expired, and the stock is gone)', () => {
  /**
   * Paid after the hold expired (the units went back and were sold elsewhere), killed right
   * after the take found the shortfall and recorded it.
   */
  async function shortOrder() {
    const lamp = await createProduct({ stock: 1, name: 'Last Lamp' });
    const order = await placeOrder(stack.app, [{ slug: lamp.slug, quantity: 1 }]);
    const checkout = await startCheckout(stack.app, order.id);
    const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
    const payment = (await PaymentModel.findOne({ 'refs.orderId': gatewayOrderId(checkout) }))!;
    await PaymentModel.updateOne(
      { _id: payment._id },
      {
        $set: {
          status: 'captured',
          'refs.paymentId': paid.body.razorpay_payment_id,
          orderSettledAt: minutesAgo(5),
          'hold.state': 'released',
          'hold.reason': 'expired',
        },
      },
    );
    await ProductModel.updateOne(
      { _id: lamp._id },
      { $set: { stock: 0 }, $unset: { [`holds.${payment.id}`]: 1 } }, // given back, then sold
    );
    await OrderModel.updateOne(
      { _id: payment.order },
      {
        $set: {
          status: 'paid',
          paidByPayment: payment._id,
          'fulfilment.open': true,
          'fulfilment.openSince': minutesAgo(5),
          'fulfilment.claimedAt': minutesAgo(5),
          'fulfilment.stockDecrementedAt': minutesAgo(5),
          'fulfilment.holdId': payment._id,
          'fulfilment.shortfall': [lamp.slug],
        },
      },
    );
    return { order, lamp, paymentId: paid.body.razorpay_payment_id as string };
  }

  async function expectRefundedOnce(
    order: { id: string; total: number },
    lamp: { _id: unknown },
    paymentId: string,
  ) {
    const final = await orderDoc(order.id);
    expect(final.status).toBe('refunded');
    expect(final.amountRefunded).toBe(order.total);
    expect(final.timeline.filter((e) => e.type === 'refund.sold_out')).toHaveLength(1);
    expect(await stockOf(lamp._id)).toBe(0);
    const refunds = await sandboxSdk(stack).payments.fetchMultipleRefund(paymentId);
    expect(refunds.items.map((r) => r.amount)).toEqual([order.total]);
    const emails = await emailsAbout(order.id);
    expect(emails.map((e) => e.subject)).toEqual([expect.stringMatching(/sold out/i)]);
  }

  test('when the refund step was never reached, then the sweep refunds once and sends one sold-out email', async () => {
    const { order, lamp, paymentId } = await shortOrder();
    await reconcileTwice();
    await expectRefundedOnce(order, lamp, paymentId);
  });

  test('when killed after the gateway refunded but before it was recorded, then the sweep records it without refunding twice', async () => {
    const { order, lamp, paymentId } = await shortOrder();
    // The gateway refunded (the call went out), then the process died before recording it.
    await sandboxSdk(stack).payments.refund(paymentId, { amount: order.total });
    await OrderModel.updateOne(
      { publicId: order.id },
      { $set: { 'fulfilment.refundClaimedAt': minutesAgo(10) } },
    );
    await reconcileTwice();
    await expectRefundedOnce(order, lamp, paymentId);
  });
});

describe('stock holds', () => {
  test('when a checkout was killed after holding one of two products, then the expiry sweep gives it back and drops the attempt', async () => {
    const lamp = await createProduct({ stock: 2 });
    const shade = await createProduct({ stock: 2 });
    const order = await placeOrder(stack.app, [
      { slug: lamp.slug, quantity: 1 },
      { slug: shade.slug, quantity: 1 },
    ]);
    const doc = await orderDoc(order.id);
    const attempt = await PaymentModel.create({
      order: doc._id,
      gateway: 'razorpay',
      attempt: 1,
      amount: doc.total,
      currency: 'INR',
      hold: {
        state: 'holding',
        expiresAt: minutesAgo(1),
        lines: [
          { product: lamp._id, quantity: 1, name: 'Lamp' },
          { product: shade._id, quantity: 1, name: 'Shade' },
        ],
      },
    });
    await ProductModel.updateOne(
      { _id: lamp._id },
      {
        $inc: { stock: -1 },
        $set: { [`holds.${attempt.id}`]: { quantity: 1, state: 'held', at: new Date() } },
      },
    );
    await reconcileTwice();
    expect([await stockOf(lamp._id), await stockOf(shade._id)]).toEqual([2, 2]);
    expect(await ledgerOf(lamp._id)).toBe(0);
    expect(await PaymentModel.findById(attempt._id)).toBeNull();
  });

  test('when a release was killed half-way, then the sweep finishes it, giving each unit back once', async () => {
    const lamp = await createProduct({ stock: 3 });
    const shade = await createProduct({ stock: 3 });
    const order = await placeOrder(stack.app, [
      { slug: lamp.slug, quantity: 2 },
      { slug: shade.slug, quantity: 2 },
    ]);
    const checkout = await startCheckout(stack.app, order.id);
    const attempt = (await PaymentModel.findOne({ 'refs.orderId': gatewayOrderId(checkout) }))!;
    // The release marked its intent and gave the lamp back, then died.
    await PaymentModel.updateOne(
      { _id: attempt._id },
      {
        $set: {
          'hold.state': 'releasing',
          'hold.reason': 'cancelled',
          'hold.expiresAt': minutesAgo(1),
        },
      },
    );
    await ProductModel.updateOne(
      { _id: lamp._id },
      { $inc: { stock: 2 }, $unset: { [`holds.${attempt.id}`]: 1 } },
    );
    await reconcileTwice();
    expect([await stockOf(lamp._id), await stockOf(shade._id)]).toEqual([3, 3]);
    expect((await PaymentModel.findById(attempt._id))!.hold).toMatchObject({
      state: 'released',
      reason: 'cancelled',
    });
  });

  test('when killed after the payment failed, before its hold was released, then the hold lapses and the sweep gives it back', async () => {
    const lamp = await createProduct({ stock: 1 });
    const order = await placeOrder(stack.app, [{ slug: lamp.slug, quantity: 1 }]);
    const checkout = await startCheckout(stack.app, order.id);
    await PaymentModel.updateOne(
      { 'refs.orderId': gatewayOrderId(checkout) },
      { $set: { status: 'failed', 'hold.expiresAt': minutesAgo(1) } },
    );
    await reconcileTwice();
    expect(await stockOf(lamp._id)).toBe(1);
  });
});
