import request from 'supertest';
import { PaymentModel } from '../../src/models/payment.model';
import { ProductModel } from '../../src/models/product.model';
import {
  createProduct,
  DECLINED_CARD,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();

describe('failed attempts and retries', () => {
  test('when the first attempt fails, then the order stays pending and a new attempt can pay it', async () => {
    const item = await createProduct({ stock: 4 });
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);

    const first = await startCheckout(stack.app, order.id);
    const failure = await payInSandbox(stack.sandbox, gatewayOrderId(first), {
      method: 'card',
      card: DECLINED_CARD,
    });
    expect(failure.status).toBe(400);
    expect(failure.body.error).toMatchObject({
      source: expect.any(String),
      reason: expect.any(String),
    });
    await stack.settle();

    const afterFailure = await getOrder(stack.app, order.id);
    expect(afterFailure.status).toBe('pending');
    expect(afterFailure.payments[0]).toMatchObject({
      attempt: 1,
      status: 'failed',
      error: expect.objectContaining({ code: expect.any(String) }),
    });

    const second = await startCheckout(stack.app, order.id);
    expect(second.payment.attempt).toBe(2);
    const success = await payInSandbox(stack.sandbox, gatewayOrderId(second), {
      method: 'upi',
      vpa: 'success@razorpay',
    });
    expect(success.status).toBe(200);
    await request(stack.app).post('/api/payments/razorpay/verify').send(success.body).expect(200);
    await stack.settle();

    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('paid');
    expect(final.payments.map((p) => [p.attempt, p.status])).toEqual([
      [1, 'failed'],
      [2, 'captured'],
    ]);
    expect(final.payments[1]!.method).toBe('upi');
    expect((await ProductModel.findById(item._id))!.stock).toBe(3);
  });

  test('when the buyer retries inside the same modal, then each gateway payment gets its own record', async () => {
    const item = await createProduct();
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
    const checkout = await startCheckout(stack.app, order.id);
    const razorpayOrder = gatewayOrderId(checkout);

    await payInSandbox(stack.sandbox, razorpayOrder, { method: 'upi', vpa: 'failure@razorpay' });
    const success = await payInSandbox(stack.sandbox, razorpayOrder, {
      method: 'netbanking',
      bank: 'HDFC',
      outcome: 'success',
    });
    await request(stack.app).post('/api/payments/razorpay/verify').send(success.body).expect(200);
    await stack.settle();

    const final = await getOrder(stack.app, order.id);
    expect(final.status).toBe('paid');
    expect(final.payments).toHaveLength(2);
    expect(final.payments.every((p) => p.attempt === 1 && p.refs.orderId === razorpayOrder)).toBe(
      true,
    );
    expect(final.payments.map((p) => p.status).sort()).toEqual(['captured', 'failed']);
  });

  test('when the order is already paid, then a new checkout is refused', async () => {
    const item = await createProduct();
    const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 1 }]);
    const checkout = await startCheckout(stack.app, order.id);
    const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
    await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);

    const before = await PaymentModel.countDocuments();
    const res = await request(stack.app)
      .post(`/api/orders/${order.id}/checkout`)
      .send({ gateway: 'razorpay' })
      .expect(409);
    expect(res.body.error.code).toBe('ORDER_NOT_PAYABLE');
    expect(await PaymentModel.countDocuments()).toBe(before);
    await stack.settle();
  });

  test('when a gateway that does not take the currency is chosen, then 400 GATEWAY_CURRENCY', async () => {
    const scarf = await createProduct({ currency: 'BDT' });
    const order = await placeOrder(stack.app, [{ slug: scarf.slug, quantity: 1 }]);
    const res = await request(stack.app)
      .post(`/api/orders/${order.id}/checkout`)
      .send({ gateway: 'razorpay' })
      .expect(400);
    expect(res.body.error.code).toBe('GATEWAY_CURRENCY');
  });

  test('when the stock sold out after the order was placed, then checkout refuses with 409 and starts nothing', async () => {
    const rare = await createProduct({ stock: 1 });
    const first = await placeOrder(stack.app, [{ slug: rare.slug, quantity: 1 }]);
    const second = await placeOrder(stack.app, [{ slug: rare.slug, quantity: 1 }]);
    const checkout = await startCheckout(stack.app, second.id);
    const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
    await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);
    await stack.settle();

    const before = await PaymentModel.countDocuments();
    const res = await request(stack.app)
      .post(`/api/orders/${first.id}/checkout`)
      .send({ gateway: 'razorpay' })
      .expect(409);
    expect(res.body.error.code).toBe('INSUFFICIENT_STOCK');
    expect(await PaymentModel.countDocuments()).toBe(before);
  });
});
