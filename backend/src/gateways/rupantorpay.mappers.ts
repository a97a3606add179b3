// RupantorPay's verify answer mapped to the gateway-neutral GatewayPayment of gateway.ts.
import { GatewayError } from '../errors';
import type { Logger } from '../logger';
import { fromMajorUnits } from '@checkout-lab/contracts/money';
import type { GatewayPayment, GatewayPaymentStatus } from './gateway';
import type { VerifyResponse } from './rupantorpay.schemas';

/**
 * RupantorPay's statuses, compared case-insensitively: integrators report `COMPLETED | PENDING |
 * ERROR` (ERROR = failed or cancelled) and lowercase `completed | failed`. Anything else is
 * logged and treated as still open, so it is asked again later and never counts as paid.
 */
export function toPaymentStatus(status: string, log: Logger): GatewayPaymentStatus {
  switch (status.trim().toUpperCase()) {
    case 'COMPLETED':
      return 'captured';
    case 'ERROR':
    case 'FAILED':
    case 'CANCELLED':
      return 'failed';
    case 'PENDING':
      return 'created';
    default:
      log.warn(
        { gateway: 'rupantorpay', status },
        'unknown RupantorPay status; treated as pending',
      );
      return 'created';
  }
}

/** `requestedId` stands in when the answer does not repeat the transaction id. */
export function toGatewayPayment(
  tx: VerifyResponse,
  requestedId: string,
  log: Logger,
): GatewayPayment {
  let amount: number;
  try {
    // "100.000" and 100 alike; more precision than poisha is not an amount we can have charged.
    amount = fromMajorUnits(tx.amount, 'BDT');
  } catch {
    throw new GatewayError(
      'rupantorpay',
      'invalid_response',
      `verify payment: amount ${tx.amount}`,
    );
  }
  const status = toPaymentStatus(tx.status, log);
  return {
    paymentId: tx.transaction_id ?? requestedId,
    orderId: tx.metadata?.merchant_ref ?? '',
    status,
    amount,
    currency: tx.currency,
    method: tx.payment_method || undefined,
    acquirerRef: tx.trx_id ? String(tx.trx_id) : undefined,
    amountRefunded: 0,
    ...(status === 'failed'
      ? {
          error: {
            reason: tx.status.trim().toLowerCase(),
            description: 'Payment failed or was cancelled on the payment page',
          },
        }
      : {}),
    raw: tx,
  };
}
