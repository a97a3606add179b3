import type { SandboxContext } from '../context';
import type { Order } from '../store/entities';
import { newId, unixNow } from '../store/ids';
import { findOrder } from './lookup';
import {
  asObject,
  parseAmount,
  parseCurrency,
  parseNotes,
  parseOptionalString,
  rejectExtraFields,
  requireField,
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
  if (body.amount === undefined || body.amount === null || body.amount === '') {
    throw badRequest('The amount field is required.', 'amount');
  }
  // Both are mandatory at Razorpay; the minimum is "at least <currency> 1.00" (api/orders/create).
  const currency = parseCurrency(requireField(body, 'currency'));
  const amount = parseAmount(body.amount, currency);
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

/** `PATCH /v1/orders/:id`: only `notes` can change (api/orders/update); the new notes replace the old. */
export function updateOrderNotes(ctx: SandboxContext, orderId: string, rawBody: unknown): Order {
  const order = findOrder(ctx.store, orderId);
  const body = asObject(rawBody);
  rejectExtraFields(body, ['notes']);
  return ctx.store.saveOrder({ ...order, notes: parseNotes(requireField(body, 'notes')) });
}
