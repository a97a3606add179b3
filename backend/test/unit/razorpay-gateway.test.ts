// The Razorpay gateway, official SDK and all, against a local HTTP server that misbehaves on
// purpose: dropped connections, slow answers, error bodies, garbage.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayError } from '../../src/errors';
import { RazorpayGateway } from '../../src/gateways/razorpay.gateway';
import { WebhookSignatureError } from '../../src/gateways/gateway';
import { hmacSha256Hex } from '../../src/gateways/signature';
import { createLogger } from '../../src/logger';

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;
let server: Server;
let handler: Handler;
let requests = 0;
let gateway: RazorpayGateway;

const payment = {
  id: 'pay_Test0000000001',
  entity: 'payment',
  amount: 49900,
  currency: 'INR',
  status: 'captured',
  order_id: 'order_Test000000001',
  method: 'card',
  captured: true,
  amount_refunded: 0,
  refund_status: null,
};

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, ++requests));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  gateway = new RazorpayGateway(
    {
      keyId: 'rzp_test_unit00000000001',
      keySecret: 'unit_secret',
      webhookSecret: 'unit_webhook_secret',
      apiBase: `http://127.0.0.1:${port}`,
      checkoutUrl: 'http://127.0.0.1/checkout.js',
      timeoutMs: 300,
      storeName: 'Test',
    },
    createLogger('silent'),
  );
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  requests = 0;
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(GatewayError);
    return err as GatewayError;
  }
  throw new Error('expected a GatewayError');
}

describe('RazorpayGateway over the official SDK', () => {
  test('when a read hits a dropped connection once, then it is retried and succeeds', async () => {
    handler = (req, res, n) => (n === 1 ? req.socket.destroy() : json(res, 200, payment));
    const result = await gateway.fetchPayment(payment.id);
    expect(result).toMatchObject({ paymentId: payment.id, status: 'captured', amount: 49900 });
    expect(requests).toBe(2);
  });

  test('when a create hits a dropped connection, then it is not retried and the error is typed', async () => {
    handler = (req) => req.socket.destroy();
    const error = await gatewayError(
      gateway.startCheckout({
        paymentId: 'p1',
        orderPublicId: 'ord_x',
        amount: 49900,
        currency: 'INR',
        description: 'x',
        customer: { name: 'A', email: 'a@example.com', contact: '' },
      }),
    );
    expect(error.kind).toBe('network');
    expect(requests).toBe(1);
  });

  test('when the gateway answers with its error body, then it is a rejection carrying code and description', async () => {
    handler = (_req, res) =>
      json(res, 400, {
        error: {
          code: 'BAD_REQUEST_ERROR',
          description: 'The id provided does not exist',
          field: 'id',
        },
      });
    const error = await gatewayError(gateway.fetchPayment('pay_Missing00000001'));
    expect(error).toMatchObject({
      kind: 'rejected',
      details: {
        status: 400,
        code: 'BAD_REQUEST_ERROR',
        description: 'The id provided does not exist',
      },
    });
    expect(requests).toBe(1); // a rejection is never retried
  });

  test('when the gateway is slower than the timeout, then the call fails as a timeout', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, payment), 1000);
    const error = await gatewayError(gateway.fetchPayment(payment.id));
    expect(error.kind).toBe('timeout');
  });

  test('when the gateway answers 200 with something else, then it is an invalid response', async () => {
    handler = (_req, res) => json(res, 200, { id: 'pay_x', entity: 'payment', amount: '499.00' });
    const error = await gatewayError(gateway.fetchPayment(payment.id));
    expect(error.kind).toBe('invalid_response');
  });

  test('when a webhook is parsed, then the signature is checked on the exact bytes', () => {
    const body = Buffer.from(
      JSON.stringify({
        entity: 'event',
        event: 'payment.captured',
        contains: ['payment'],
        payload: { payment: { entity: payment } },
      }),
    );
    const headers = {
      'x-razorpay-signature': hmacSha256Hex(body, 'unit_webhook_secret'),
      'x-razorpay-event-id': 'evt_1',
    };
    expect(gateway.parseWebhook(body, headers)).toMatchObject({
      eventId: 'evt_1',
      kind: 'payment.captured',
      refs: { orderId: payment.order_id, paymentId: payment.id },
      payment: { status: 'captured', amount: 49900 },
    });
    expect(() => gateway.parseWebhook(Buffer.concat([body, Buffer.from(' ')]), headers)).toThrow(
      WebhookSignatureError,
    );
    expect(() => gateway.parseWebhook(body, { 'x-razorpay-event-id': 'evt_1' })).toThrow(
      WebhookSignatureError,
    );
  });

  test('when a validly signed webhook has no X-Razorpay-Event-Id, then it is accepted under an id derived from its bytes', () => {
    const body = Buffer.from(
      JSON.stringify({
        entity: 'event',
        event: 'payment.captured',
        payload: { payment: { entity: payment } },
      }),
    );
    const signed = { 'x-razorpay-signature': hmacSha256Hex(body, 'unit_webhook_secret') };
    const first = gateway.parseWebhook(body, signed);
    expect(first).toMatchObject({
      kind: 'payment.captured',
      eventId: expect.stringMatching(/^body_[0-9a-f]{32}$/),
    });
    expect(gateway.parseWebhook(body, signed).eventId).toBe(first.eventId);
    const other = Buffer.concat([body, Buffer.from('\n')]);
    const otherSigned = { 'x-razorpay-signature': hmacSha256Hex(other, 'unit_webhook_secret') };
    expect(gateway.parseWebhook(other, otherSigned).eventId).not.toBe(first.eventId);
  });

  test('when a signed webhook is an event we do not use, then it parses as unsupported', () => {
    const body = Buffer.from(
      JSON.stringify({ entity: 'event', event: 'payment.dispute.created', payload: {} }),
    );
    const headers = {
      'x-razorpay-signature': hmacSha256Hex(body, 'unit_webhook_secret'),
      'x-razorpay-event-id': 'evt_2',
    };
    expect(gateway.parseWebhook(body, headers)).toMatchObject({
      kind: 'unsupported',
      type: 'payment.dispute.created',
    });
  });
});
