import type { RunningSandbox } from '../../src/index';
import { RUPANTORPAY_KEY, startTestSandbox } from '../helpers/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

describe('RupantorPay-compatible API', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    receiver = await startWebhookReceiver('/api/webhooks/rupantorpay');
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const api = (path: string, body: unknown, key: string | null = RUPANTORPAY_KEY, raw = false) =>
    fetch(`${sandbox.rupantorpayApiBase}/payment/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-CLIENT': 'shop.example',
        ...(key ? { 'X-API-KEY': key } : {}),
      },
      body: raw ? (body as string) : JSON.stringify(body),
    });

  const checkoutBody = (overrides: Record<string, unknown> = {}) => ({
    fullname: 'Rahim Uddin',
    email: 'rahim@example.com',
    amount: '1250.50',
    success_url: 'http://shop.example/payment/success?order=42',
    cancel_url: 'http://shop.example/payment/cancel',
    webhook_url: receiver.url,
    metadata: { order_id: 'ord_42' },
    ...overrides,
  });

  /** Starts a checkout and submits the hosted page's form like a browser would. */
  async function checkoutAndSubmit(action: string, method = 'bkash') {
    const created = (await (await api('checkout', checkoutBody())).json()) as {
      payment_url: string;
    };
    const page = await fetch(created.payment_url);
    const html = await page.text();
    const res = await fetch(created.payment_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action, method }).toString(),
      redirect: 'manual',
    });
    const location = new URL(String(res.headers.get('location')));
    return {
      created,
      html,
      res,
      location,
      transactionId: String(location.searchParams.get('transactionId')),
    };
  }

  it('when a checkout is created, then it answers the documented status 1, message and a payment_url on the sandbox', async () => {
    const res = await api('checkout', checkoutBody());
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: number; message: string; payment_url: string };
    expect(body).toMatchObject({ status: 1, message: 'Payment Link' });
    expect(body.payment_url).toMatch(
      new RegExp(`^${sandbox.url}/rupantorpay/api/execute/[0-9a-f]{32}$`),
    );
  });

  it('when the buyer pays on the hosted page, then the browser returns to success_url with the camelCase query, verify says COMPLETED and the webhook posts the verify answer', async () => {
    const { html, res, location, transactionId } = await checkoutAndSubmit('pay', 'nagad');
    expect(html).toContain('bKash');
    expect(html).toContain('Nagad');
    expect(html).toContain('৳1,250.50');
    expect(res.status).toBe(303);
    expect(location.pathname).toBe('/payment/success');
    expect(location.searchParams.get('order')).toBe('42');
    expect(String(res.headers.get('location'))).toMatch(/\?order=42&transactionId=RPTX/);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      order: '42',
      transactionId,
      paymentMethod: 'nagad',
      paymentAmount: '1250.50',
      paymentFee: '31.26',
      currency: 'BDT',
      status: 'COMPLETED',
    });

    const verify = await api('verify-payment', { transaction_id: transactionId });
    const answer = (await verify.json()) as Record<string, unknown>;
    expect(answer).toEqual({
      fullname: 'Rahim Uddin',
      email: 'rahim@example.com',
      amount: '1250.500',
      transaction_id: transactionId,
      trx_id: expect.stringMatching(/^[0-9A-Z]{10}$/),
      currency: 'BDT',
      metadata: { order_id: 'ord_42' },
      payment_method: 'nagad',
      status: 'COMPLETED',
    });
    await sandbox.idle();
    const hook = receiver.received.find((w) => w.json.transaction_id === transactionId);
    expect(hook?.json).toEqual(answer);
    expect(hook?.headers['x-razorpay-signature']).toBeUndefined();
  });

  it('when the buyer fails or cancels, then the browser goes to cancel_url with status ERROR and verify says ERROR', async () => {
    for (const action of ['fail', 'cancel']) {
      const { location, transactionId } = await checkoutAndSubmit(action);
      expect(location.pathname).toBe('/payment/cancel');
      expect(location.searchParams.get('status')).toBe('ERROR');
      const verify = (await (
        await api('verify-payment', { transaction_id: transactionId })
      ).json()) as { status: string; trx_id: string | null };
      expect(verify).toMatchObject({ status: 'ERROR', trx_id: null });
    }
  });

  it('when a transaction was never paid, then verify says PENDING', async () => {
    const created = (await (
      await api('checkout', checkoutBody({ webhook_url: undefined }))
    ).json()) as { payment_url: string };
    const html = await (await fetch(created.payment_url)).text();
    const id = /RPTX[0-9A-Z]{12}/.exec(html)?.[0];
    const verify = (await (await api('verify-payment', { transaction_id: id })).json()) as {
      status: string;
    };
    expect(verify.status).toBe('PENDING');
  });

  it('when a settled payment page is submitted again, then nothing changes', async () => {
    const { created, transactionId } = await checkoutAndSubmit('pay');
    const again = await fetch(created.payment_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=fail&method=card',
      redirect: 'manual',
    });
    expect(again.status).toBe(409);
    const verify = (await (
      await api('verify-payment', { transaction_id: transactionId })
    ).json()) as { status: string };
    expect(verify.status).toBe('COMPLETED');
  });

  it.each([
    ['a missing key', null, /API key is missing/],
    ['a wrong key', 'wrong-key', /Invalid API key/],
  ])(
    'when the request has %s, then 400 with a clear message in RupantorPay shape',
    async (_label, key, message) => {
      const res = await api('checkout', checkoutBody(), key);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { status: boolean; message: string };
      expect(body.status).toBe(false);
      expect(body.message).toMatch(message);
    },
  );

  it.each([
    ['no amount', { amount: undefined }, /amount field is required/],
    ['a negative amount', { amount: '-5' }, /amount/],
    ['three decimals', { amount: '10.123' }, /amount/],
    ['a bad email', { email: 'nope' }, /email/],
    ['a relative success_url', { success_url: '/ok' }, /success_url/],
    ['metadata that is not an object', { metadata: '[1,2]' }, /metadata/],
  ])('when the checkout has %s, then 400', async (_label, overrides, message) => {
    const res = await api('checkout', checkoutBody(overrides));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
  });

  it('when the body is malformed JSON, then 400 in RupantorPay shape', async () => {
    const res = await api('checkout', '{"amount": ', RUPANTORPAY_KEY, true);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ status: false, message: 'Malformed JSON body.' });
  });

  it('when verifying an unknown or missing transaction, then a clear 4xx', async () => {
    const unknown = await api('verify-payment', { transaction_id: 'RPTXNOTREAL00000' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      status: false,
      message: 'Transaction not found or verification failed',
    });
    const missing = await api('verify-payment', {});
    expect(missing.status).toBe(400);
    const wrongType = await api('verify-payment', { transaction_id: 42 });
    expect(wrongType.status).toBe(400);
  });

  it('when the payment page token is unknown, then 404', async () => {
    const res = await fetch(`${sandbox.url}/rupantorpay/api/execute/deadbeef`);
    expect(res.status).toBe(404);
  });
});
