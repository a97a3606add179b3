import type { Charge, PaymentIntent, PaymentMethod } from '../store/stripe-entities';
import { unixNow } from '../store/ids';
import { newStripeId } from './stripe-ids';
import type { Decline } from './test-cards';

interface ChargeOutcome {
  decline: Decline | null;
  /** Whether the card went through a 3-D Secure challenge before this charge. */
  authenticated: boolean;
}

/**
 * The Charge one confirmation attempt makes: `succeeded` and captured (automatic capture), or
 * `failed` with the decline's code. Field for field what Stripe's charge object carries.
 */
export function buildCharge(
  intent: PaymentIntent,
  pm: PaymentMethod,
  outcome: ChargeOutcome,
): Charge {
  const { decline, authenticated } = outcome;
  const ok = decline === null;
  const id = newStripeId('ch');
  const card = pm.card as Record<string, unknown>;
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: ok ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: ok ? newStripeId('txn') : null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: 'CHECKOUT LAB',
    captured: ok,
    created: unixNow(),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: ok ? 'approved_by_network' : 'declined_by_network',
      reason: decline?.decline_code ?? (ok ? null : (decline?.code ?? null)),
      seller_message: ok
        ? 'Payment complete.'
        : 'The bank did not return any further details with this decline.',
      type: ok ? 'authorized' : 'issuer_declined',
    },
    paid: ok,
    payment_intent: intent.id,
    payment_method: pm.id,
    payment_method_details: {
      card: {
        amount_authorized: ok ? intent.amount : null,
        authorization_code: ok ? '123456' : null,
        brand: card.brand,
        checks: {
          address_line1_check: null,
          address_postal_code_check: null,
          cvc_check: decline?.code === 'incorrect_cvc' ? 'fail' : 'pass',
        },
        country: card.country,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        extended_authorization: { status: 'disabled' },
        fingerprint: card.fingerprint,
        funding: card.funding,
        incremental_authorization: { status: 'unavailable' },
        installments: null,
        last4: card.last4,
        mandate: null,
        multicapture: { status: 'unavailable' },
        network: card.brand,
        network_token: { used: false },
        network_transaction_id: ok ? newStripeId('txn').slice(4, 19) : null,
        overcapture: { maximum_amount_capturable: intent.amount, status: 'unavailable' },
        regulated_status: 'unregulated',
        transaction_link_id: null,
        three_d_secure: authenticated
          ? {
              authentication_flow: 'challenge',
              result: 'authenticated',
              result_reason: null,
              version: '2.2.0',
            }
          : null,
        wallet: null,
      },
      type: 'card',
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    // The legacy Sources API; a charge made through a PaymentIntent has none.
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: ok ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}
