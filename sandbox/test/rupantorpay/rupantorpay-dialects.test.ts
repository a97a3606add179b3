import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfigFromEnv } from '../../src/config';
import type { RunningSandbox, StartOptions } from '../../src/index';
import { RUPANTORPAY_KEY, startTestSandbox } from '../helpers/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

// Each variant RupantorPay's integrators report, reachable per run (start option / env) and at
// run time (control API), so clients can be tested against every one of them.
describe('RupantorPay dialects', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver('/hook');
  });
  afterAll(() => receiver.close());

  async function withSandbox(options: StartOptions, run: (s: RunningSandbox) => Promise<void>) {
    const sandbox = await startTestSandbox(options);
    try {
      await run(sandbox);
    } finally {
      await sandbox.close();
    }
  }

  const post = (sandbox: RunningSandbox, path: string, body: unknown, headers = {}) =>
    fetch(`${sandbox.rupantorpayApiBase}/payment/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-API-KEY': RUPANTORPAY_KEY,
        'X-CLIENT': 'shop.example',
        ...headers,
      },
      body: JSON.stringify(body),
    });

  /** Create, then submit the hosted page; returns the create answer, the return URL and the verify answer. */
  async function roundTrip(sandbox: RunningSandbox, action: 'pay' | 'fail' = 'pay') {
    const created = (await (
      await post(sandbox, 'checkout', {
        fullname: 'Rahim Uddin',
        email: 'rahim@example.com',
        amount: 100,
        success_url: 'http://shop.example/ok?order=7',
        cancel_url: 'http://shop.example/cancel?order=7',
        webhook_url: receiver.url,
        metadata: { order_public_id: 'ord_7' },
      })
    ).json()) as Record<string, unknown> & { payment_url: string };
    const res = await fetch(created.payment_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `action=${action}&method=bkash`,
      redirect: 'manual',
    });
    const back = new URL(String(res.headers.get('location')));
    const id =
      back.searchParams.get('transactionId') ?? back.searchParams.get('transaction_id') ?? '';
    const verify = (await (
      await post(sandbox, 'verify-payment', { transaction_id: id })
    ).json()) as Record<string, unknown>;
    await sandbox.idle();
    const hook = receiver.received.find((w) => JSON.stringify(w.json).includes(id));
    return { created, back, id, verify, hook: hook?.json };
  }

  it('when no dialect is chosen, then the documented one is spoken', async () => {
    await withSandbox({}, async (sandbox) => {
      const { created, back, id, verify, hook } = await roundTrip(sandbox);
      expect(created).toMatchObject({ status: 1, message: 'Payment Link' });
      expect([...back.searchParams.keys()]).toEqual([
        'order',
        'transactionId',
        'paymentMethod',
        'paymentAmount',
        'paymentFee',
        'currency',
        'status',
      ]);
      expect(verify).toMatchObject({ amount: '100.000', status: 'COMPLETED', transaction_id: id });
      expect(hook).toEqual(verify);
    });
  });

  it("when seed 000's dialect is chosen per run, then create says true, the return carries only transaction_id and statuses are lowercase", async () => {
    await withSandbox({ rupantorpayDialect: { preset: 'seed000' } }, async (sandbox) => {
      const paid = await roundTrip(sandbox);
      expect(paid.created).toMatchObject({ status: true, message: 'Payment Url' });
      expect(Object.fromEntries(paid.back.searchParams)).toEqual({
        order: '7',
        transaction_id: paid.id,
      });
      expect(paid.verify).toMatchObject({ status: 'completed', amount: '100.00' });
      const failed = await roundTrip(sandbox, 'fail');
      expect(failed.verify).toMatchObject({ status: 'failed' });
      expect(failed.hook).toMatchObject({ status: 'failed' });
    });
  });

  it('when metadata=string and a webhook id spelling are set through the control API, then verify and the webhook use them, and DELETE restores the run default', async () => {
    await withSandbox({}, async (sandbox) => {
      const control = (method: string, body?: unknown) =>
        fetch(`${sandbox.url}/_sandbox/rupantorpay/dialect`, {
          method,
          headers: { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as Record<string, unknown>,
        }));

      for (const webhookId of ['transactionId', 'transactionID'] as const) {
        const set = await control('PUT', { metadata: 'string', webhookId });
        expect(set).toMatchObject({ status: 200, body: { metadata: 'string', webhookId } });
        const { id, verify, hook } = await roundTrip(sandbox);
        expect(verify.metadata).toBe('{"order_public_id":"ord_7"}');
        expect(hook).toMatchObject({ [webhookId]: id, metadata: '{"order_public_id":"ord_7"}' });
        expect(hook).not.toHaveProperty('transaction_id');
      }
      expect((await control('DELETE')).body).toMatchObject({
        metadata: 'object',
        statuses: 'documented',
      });
      expect((await control('PUT', { statuses: 'shouty' })).status).toBe(400);
      expect((await control('PUT', { colour: 'red' })).status).toBe(400);
    });
  });

  it('when the environment names a preset and overrides, then the run starts in that dialect', () => {
    expect(
      loadConfigFromEnv({ SANDBOX_RUPANTORPAY_DIALECT: 'seed000,metadata=string' })
        .rupantorpayDialect,
    ).toEqual({
      statuses: 'seed000',
      returnQuery: 'transaction_id',
      createStatus: true,
      metadata: 'string',
      amountDecimals: 2,
      webhookId: 'transaction_id',
    });
    expect(() => loadConfigFromEnv({ SANDBOX_RUPANTORPAY_DIALECT: 'nonsense' })).toThrow(
      /Invalid dialect/,
    );
  });

  it('when a call comes without X-CLIENT, then it is served and the log warns', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    await withSandbox({ logger }, async (sandbox) => {
      const res = await post(
        sandbox,
        'verify-payment',
        { transaction_id: 'RPTXNOTREAL00000' },
        {
          'X-CLIENT': '',
        },
      );
      expect(res.status).toBe(404);
      expect(lines.join('')).toMatch(/without X-CLIENT/);
      lines.length = 0;
      await post(sandbox, 'verify-payment', { transaction_id: 'RPTXNOTREAL00000' });
      expect(lines.join('')).not.toMatch(/without X-CLIENT/);
    });
  });
});
