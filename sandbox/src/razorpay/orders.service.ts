import type { SandboxContext } from '../context';
import type { Order } from '../store/entities';
import { newId, unixNow } from '../store/ids';
import {
  asObject,
  parseAmount,
  parseCurrency,
  parseNotes,
  parseOptionalString,
  rejectExtraFields,
} from './validation';
import { badRequest } from './razorpay-error';

// Fields Razorpay's create-order API knows; anything else is rejected like the real API does.
const ORDER_FIELDS = [
  'amount',
  'currency',
  'receipt',
  'notes',
  'partial_payment',
  'first_payment_min_amount',
  'payment_capture',
  'offer_id',
  'method',
  'customer_id',
] as const;

/** `POST /v1/orders`. */
export function createOrder(ctx: SandboxContext, rawBody: unknown): Order {
  const body = asObject(rawBody);
  rejectExtraFields(body, ORDER_FIELDS);
  const currency = parseCurrency(body.currency);
  if (body.amount === undefined || body.amount === null || body.amount === '') {
    throw badRequest('The amount field is required.', 'amount');
  }
  const amount = parseOrderAmount(body.amount, currency);
  const receipt = parseOptionalString(body.receipt, 'receipt', 40);
  const offerId = parseOptionalString(body.offer_id, 'offer_id', 40);
  const order: Order = {
    id: newId('order'),
    entity: 'order',
    amount,
    amount_paid: 0,
    amount_due: amount,
    currency,
    receipt,
    offer_id: offerId,
    status: 'created',
    attempts: 0,
    notes: parseNotes(body.notes),
    created_at: unixNow(),
  };
  return ctx.store.saveOrder(order);
}

function parseOrderAmount(value: unknown, currency: string): number {
  try {
    return parseAmount(value, currency);
  } catch (err) {
    // The orders API words its minimum-amount error differently from payments and refunds.
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n < 100) {
      throw badRequest('Order amount less than minimum amount allowed', 'amount');
    }
    throw err;
  }
}
