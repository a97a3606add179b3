import { z } from 'zod';
import type { SandboxContext } from '../context';
import { unixNow } from '../store/ids';
import type { Charge, Refund } from '../store/stripe-entities';
import type { Caller } from './caller';
import { expandList, intString, metadataParam, validate, type Params } from './params';
import { buildStripeEvent } from './stripe-events';
import { invalidRequest, resourceMissing } from './stripe-error';
import { newStripeId } from './stripe-ids';
import { pageOf } from './views';

const createSchema = z.object({
  payment_intent: z.string().optional(),
  charge: z.string().optional(),
  amount: intString.optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata: metadataParam.optional(),
  expand: expandList.optional(),
});

const listSchema = z.object({
  payment_intent: z.string().optional(),
  charge: z.string().optional(),
  limit: intString.optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
});

/** The succeeded charge a refund draws on, found from the intent or given directly. */
function chargeToRefund(ctx: SandboxContext, p: z.infer<typeof createSchema>): Charge {
  const { stripe } = ctx.store;
  if (!p.payment_intent && !p.charge) {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
    );
  }
  let chargeId = p.charge;
  if (p.payment_intent) {
    const intent = stripe.intents.get(p.payment_intent);
    if (!intent) throw resourceMissing('payment_intent', p.payment_intent, 'payment_intent');
    if (intent.status !== 'succeeded' || !intent.latest_charge) {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        { param: 'payment_intent' },
      );
    }
    chargeId = intent.latest_charge;
  }
  const charge = chargeId ? stripe.charges.get(chargeId) : undefined;
  if (!charge || charge.status !== 'succeeded') {
    throw resourceMissing('charge', chargeId ?? '', 'charge');
  }
  return charge;
}

/**
 * A card refund, `succeeded` at once as in test mode. Partial refunds add up; the charge says
 * `refunded: true` once all of it is back. Raises `refund.created` and `charge.refunded`.
 */
export function createRefund(ctx: SandboxContext, params: Params, caller: Caller): Refund {
  const p = validate(createSchema, params);
  const charge = chargeToRefund(ctx, p);
  const left = charge.amount - charge.amount_refunded;
  if (left === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const amount = p.amount ?? left;
  if (amount < 1) throw invalidRequest('Refund amount must be positive.', { param: 'amount' });
  if (amount > left) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
      { param: 'amount' },
    );
  }
  const { stripe } = ctx.store;
  const refund = stripe.saveRefund({
    id: newStripeId('re'),
    object: 'refund',
    amount,
    balance_transaction: newStripeId('txn'),
    charge: charge.id,
    created: unixNow(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    destination_details: { card: { type: 'refund' }, type: 'card' },
    metadata: p.metadata ?? {},
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  });
  const refunds = stripe.refundsOfCharge(charge.id).reverse();
  const amount_refunded = charge.amount_refunded + amount;
  const updated = stripe.saveCharge({
    ...charge,
    amount_refunded,
    refunded: amount_refunded === charge.amount,
    refunds: { ...charge.refunds, data: refunds, has_more: false },
  });
  ctx.emit([
    buildStripeEvent(ctx, 'refund.created', refund, caller.request),
    buildStripeEvent(ctx, 'charge.refunded', updated, caller.request),
  ]);
  return refund;
}

export function findRefund(ctx: SandboxContext, id: string): Refund {
  const refund = ctx.store.stripe.refunds.get(id);
  if (!refund) throw resourceMissing('refund', id, 'refund');
  return refund;
}

export function listRefunds(ctx: SandboxContext, params: Params) {
  const p = validate(listSchema, params);
  const all = [...ctx.store.stripe.refunds.values()]
    .filter(
      (r) =>
        (!p.payment_intent || r.payment_intent === p.payment_intent) &&
        (!p.charge || r.charge === p.charge),
    )
    .reverse();
  return pageOf(all, '/v1/refunds', p);
}
