import { Writable } from 'node:stream';
import pino from 'pino';
import { toGatewayPayment, toPaymentStatus } from '../../src/gateways/rupantorpay.mappers';
import {
  checkoutResponseSchema,
  errorBodySchema,
  verifyResponseSchema,
  webhookHintSchema,
} from '../../src/gateways/rupantorpay.schemas';
import { RupantorpayGateway } from '../../src/gateways/rupantorpay.gateway';
import { documentedFiles, documentedPayload } from '../fixtures/documented';

function capturingLogger() {
  const lines: string[] = [];
  const log = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  return { log, lines };
}

describe('RupantorPay statuses and shapes, as its integrators document them', () => {
  test.each([
    ['COMPLETED', 'captured'],
    ['completed', 'captured'],
    ['Completed', 'captured'],
    ['ERROR', 'failed'],
    ['FAILED', 'failed'],
    ['failed', 'failed'],
    ['CANCELLED', 'failed'],
    ['PENDING', 'created'],
    ['pending', 'created'],
  ])('when verify says %s, then the payment is %s', (status, ours) => {
    expect(toPaymentStatus(status, capturingLogger().log)).toBe(ours);
  });

  test('when verify says a status nobody documents, then it is logged and the payment stays open, never paid', () => {
    const { log, lines } = capturingLogger();
    expect(toPaymentStatus('SETTLED_MAYBE', log)).toBe('created');
    expect(lines.join('')).toMatch(/unknown RupantorPay status/);
  });

  test.each(documentedFiles('rupantorpay', 'create.status'))(
    'when create answers as in %s, then the answer is accepted',
    (file) => {
      expect(checkoutResponseSchema.safeParse(documentedPayload(file)).success).toBe(true);
    },
  );

  test('when create answers as seed 000 shows, then it is accepted; an error body never is', () => {
    expect(
      checkoutResponseSchema.safeParse(documentedPayload('rupantorpay/create.seed000.json'))
        .success,
    ).toBe(true);
    const error = documentedPayload('rupantorpay/create.error.json');
    expect(checkoutResponseSchema.safeParse(error).success).toBe(false);
    expect(errorBodySchema.safeParse(error).success).toBe(true);
    expect(
      errorBodySchema.safeParse(documentedPayload('rupantorpay/verify.not-found.json')).success,
    ).toBe(true);
  });

  test.each([
    ['verify.completed.json', 'captured', 10000, 'BKA5HD7ZQ1'],
    ['verify.metadata-string.json', 'captured', 10000, 'BKA5HD7ZQ1'],
    ['verify.seed000-lowercase.json', 'captured', 10000, 'BKA5HD7ZQ1'],
    ['verify.seed000-payment-status.json', 'captured', 10000, undefined],
    ['verify.pending.json', 'created', 10000, undefined],
    ['verify.error.json', 'failed', 10000, undefined],
  ])(
    'when verify answers as in %s, then it maps to %s for %i poisha with trx_id %s',
    (file, status, amount, trx) => {
      const tx = verifyResponseSchema.parse(documentedPayload(`rupantorpay/${file}`));
      const gp = toGatewayPayment(tx, 'OVKPXW165414', capturingLogger().log);
      expect(gp).toMatchObject({ paymentId: 'OVKPXW165414', status, amount, currency: 'BDT' });
      expect(gp.acquirerRef).toBe(trx);
      if (file !== 'verify.seed000-payment-status.json') {
        expect(tx.metadata).toEqual({ order_public_id: 'ord_42' });
      }
      if (trx) expect(gp.method).toBe('bkash');
    },
  );

  test('when metadata is not JSON at all, then the answer still parses and only the metadata is dropped', () => {
    const tx = verifyResponseSchema.parse({
      ...documentedPayload<Record<string, unknown>>('rupantorpay/verify.completed.json'),
      metadata: '{not json',
    });
    expect(tx.metadata).toBeNull();
    expect(tx.status).toBe('COMPLETED');
  });

  test('when the amount has more precision than poisha, then the answer is refused, not rounded', () => {
    const tx = verifyResponseSchema.parse({
      ...documentedPayload<Record<string, unknown>>('rupantorpay/verify.completed.json'),
      amount: '100.005',
    });
    expect(() => toGatewayPayment(tx, 'OVKPXW165414', capturingLogger().log)).toThrow(/amount/);
  });

  test.each(documentedFiles('rupantorpay', 'webhook.'))(
    'when a webhook arrives as in %s, then its transaction id is found',
    (file) => {
      expect(webhookHintSchema.parse(documentedPayload(file)).transaction_id).toBe('OVKPXW165414');
    },
  );

  test.each(documentedFiles('rupantorpay', 'return.'))(
    'when the buyer returns with the query of %s, then the gateway reads its transaction id',
    (file) => {
      const { params } = documentedPayload<{ params: Record<string, string> }>(file);
      const gateway = new RupantorpayGateway(
        {
          apiKey: 'unit',
          apiBase: 'http://127.0.0.1:1',
          publicBaseUrl: 'http://shop.test',
          timeoutMs: 100,
        },
        capturingLogger().log,
      );
      expect(gateway.parseReturn(params).paymentRef).toBe('OVKPXW165414');
    },
  );
});
