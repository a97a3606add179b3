import type { RunningSandbox } from '../../src/index';
import { RUPANTORPAY_KEY, basicAuth, createOrder, startTestSandbox } from '../helpers/sandbox';

// Every endpoint, every kind of garbage: a 4xx in the gateway's own shape, never a 5xx or a crash.
describe('bad input on every endpoint', () => {
  let sandbox: RunningSandbox;
  let orderId: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    orderId = (await createOrder(sandbox)).id;
  });
  afterAll(() => sandbox.close());

  const bodies: [string, string, string][] = [
    ['JSON null', 'null', 'application/json'],
    ['a JSON array', '[1,2]', 'application/json'],
    ['a JSON string', '"text"', 'application/json'],
    ['truncated JSON', '{"amount": 1', 'application/json'],
    [
      'an operator object',
      '{"amount":{"$gt":0},"transaction_id":{"$ne":null},"method":{"$in":["card"]}}',
      'application/json',
    ],
    ['deeply nested JSON', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`, 'application/json'],
    ['plain text', 'hello', 'text/plain'],
    ['a form with arrays', 'amount[]=1&amount[]=2&notes=x', 'application/x-www-form-urlencoded'],
    ['a huge body', `{"x":"${'y'.repeat(300_000)}"}`, 'application/json'],
  ];

  const routes = (): [string, string, Record<string, string>][] => [
    ['POST', '/razorpay/v1/orders', { authorization: basicAuth() }],
    ['POST', '/razorpay/v1/payments/pay_AAAAAAAAAAAAAA/capture', { authorization: basicAuth() }],
    ['POST', '/razorpay/v1/payments/pay_AAAAAAAAAAAAAA/refund', { authorization: basicAuth() }],
    ['POST', `/razorpay/_sandbox/orders/${orderId}/pay`, {}],
    ['POST', '/rupantorpay/api/payment/checkout', { 'x-api-key': RUPANTORPAY_KEY }],
    ['POST', '/rupantorpay/api/payment/verify-payment', { 'x-api-key': RUPANTORPAY_KEY }],
    ['PUT', '/_sandbox/faults', {}],
    ['PUT', '/_sandbox/webhooks', {}],
    ['PUT', '/_sandbox/settings', {}],
    ['POST', '/_sandbox/trigger', {}],
  ];

  it.each(bodies)(
    'when every endpoint gets %s, then each answers 4xx in its gateway shape',
    async (_label, body, type) => {
      for (const [method, path, headers] of routes()) {
        const res = await fetch(`${sandbox.url}${path}`, {
          method,
          headers: { ...headers, 'content-type': type },
          body,
        });
        const json = (await res.json()) as {
          error?: { code?: string; description?: string };
          status?: unknown;
          message?: string;
        };
        expect([path, res.status >= 400 && res.status < 500]).toEqual([path, true]);
        if (path.startsWith('/rupantorpay'))
          expect([path, json.status, typeof json.message]).toEqual([path, false, 'string']);
        else
          expect([path, typeof json.error?.code, typeof json.error?.description]).toEqual([
            path,
            'string',
            'string',
          ]);
      }
      expect((await fetch(`${sandbox.url}/_sandbox/health`)).status).toBe(200);
    },
  );

  it('when ids in paths are odd, then they are rejected without crashing', async () => {
    for (const id of ['%00', '..%2F..', 'order_' + 'x'.repeat(500), '%E2%82%AC']) {
      const res = await fetch(`${sandbox.razorpayApiBase}/v1/orders/${id}`, {
        headers: { authorization: basicAuth() },
      });
      expect(res.status).toBe(400);
    }
  });
});
