// Money reads the same everywhere a buyer sees it: the confirmation email and the timeline
// messages use the storefront's formatter (@checkout-lab/contracts/money). The storefront's test
// (frontend/test/money-display.test.tsx) asserts the same literal strings on the order page.
import request from 'supertest';
import {
  createProduct,
  gatewayOrderId,
  getOrder,
  payInSandbox,
  placeOrder,
  startCheckout,
} from '../helpers/shop';
import { adminHeaders } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const stack = useTestStack();

async function emailAbout(orderId: string) {
  const emails = await stack.ctx.mailer.listOutbox();
  const email = emails.find((e) => e.orderId === orderId);
  if (!email) throw new Error(`no email about ${orderId}`);
  return email;
}

const messages = async (orderId: string) =>
  (await getOrder(stack.app, orderId)).timeline.map((e) => e.message).join('\n');

test('when an INR order is paid and partly refunded, then email and timeline read ₹1,226.64 and ₹50.00', async () => {
  // 2 × ₹499.00 + 18% tax + ₹49.00 shipping = ₹1,226.64, priced by the server.
  const item = await createProduct({ price: 49900 });
  const order = await placeOrder(stack.app, [{ slug: item.slug, quantity: 2 }]);
  expect(order.total).toBe(122664);
  const checkout = await startCheckout(stack.app, order.id);
  const paid = await payInSandbox(stack.sandbox, gatewayOrderId(checkout));
  await request(stack.app).post('/api/payments/razorpay/verify').send(paid.body).expect(200);
  await stack.settle();

  const email = await emailAbout(order.id);
  expect(email.subject).toBe('Order confirmed: ₹1,226.64 paid');
  expect(email.text).toContain('Total paid: ₹1,226.64');
  expect(email.html).toContain('₹1,226.64');

  await request(stack.app)
    .post(`/api/admin/orders/${order.id}/refund`)
    .set(adminHeaders)
    .send({ amount: 5000 })
    .expect(200);
  const text = await messages(order.id);
  expect(text).toContain('for ₹1,226.64');
  expect(text).toMatch(/Refund rfnd_\w+ of ₹50\.00 created/);
  expect(text).toContain('Payment partly refunded (₹50.00 so far)');
  expect(text).not.toMatch(/\b5000\b/);
});

test('when a BDT order is paid, then email and timeline read ৳1,250.50, never "BDT 1,250.50"', async () => {
  // ৳1,087.39 + 15% VAT, free shipping from ৳1,000 = ৳1,250.50.
  const scarf = await createProduct({ price: 108739, currency: 'BDT' });
  const order = await placeOrder(stack.app, [{ slug: scarf.slug, quantity: 1 }]);
  expect(order.total).toBe(125050);
  const res = await request(stack.app)
    .post(`/api/orders/${order.id}/checkout`)
    .send({ gateway: 'rupantorpay' })
    .expect(201);
  const page = await fetch(res.body.checkout.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action: 'pay', method: 'bkash' }).toString(),
    redirect: 'manual',
  });
  // The return URL's query, whatever its spelling, goes to the return route as the page sends it.
  const back = Object.fromEntries(new URL(page.headers.get('location')!).searchParams);
  await request(stack.app).post('/api/payments/rupantorpay/return').send(back).expect(200);
  await stack.settle();

  const email = await emailAbout(order.id);
  expect(email.subject).toBe('Order confirmed: ৳1,250.50 paid');
  expect(email.text).toContain('Total paid: ৳1,250.50');
  expect(`${email.subject}${email.text}${email.html}`).not.toContain('BDT');
  expect(await messages(order.id)).toContain('for ৳1,250.50');
});
