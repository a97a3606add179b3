import { z } from 'zod';
import type { SandboxContext } from '../context';
import { expandList, intString, validate, type Params } from './params';
import { resourceMissing } from './stripe-error';
import { pageOf } from './views';

const pageFields = {
  limit: intString.optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  expand: expandList.optional(),
};

const listIntentsSchema = z.object(pageFields);
const listChargesSchema = z.object({ ...pageFields, payment_intent: z.string().optional() });
const listEventsSchema = z.object({
  ...pageFields,
  type: z.string().optional(),
  types: z.array(z.string()).max(20).optional(),
});
export const retrieveSchema = z.object({ expand: expandList.optional() });

// Lists scan the maps newest first. At 10,000 intents a page costs a few milliseconds; the
// sandbox is one process for one developer, so there is no index to keep in step.
export function listIntents(ctx: SandboxContext, params: Params) {
  const p = validate(listIntentsSchema, params);
  return pageOf([...ctx.store.stripe.intents.values()].reverse(), '/v1/payment_intents', p);
}

export function listCharges(ctx: SandboxContext, params: Params) {
  const p = validate(listChargesSchema, params);
  const all = [...ctx.store.stripe.charges.values()]
    .filter((c) => !p.payment_intent || c.payment_intent === p.payment_intent)
    .reverse();
  return pageOf(all, '/v1/charges', p);
}

export function findCharge(ctx: SandboxContext, id: string) {
  const charge = ctx.store.stripe.charges.get(id);
  if (!charge) throw resourceMissing('charge', id, 'charge');
  return charge;
}

export function findPaymentMethod(ctx: SandboxContext, id: string) {
  const pm = ctx.store.stripe.paymentMethods.get(id);
  if (!pm) throw resourceMissing('PaymentMethod', id, 'payment_method');
  return pm;
}

/** The events the sandbox still holds (it keeps the latest 2,000 of all gateways), newest first. */
function stripeEvents(ctx: SandboxContext): { id: string; type: string }[] {
  return [...ctx.store.events.values()]
    .filter((e) => e.gateway === 'stripe')
    .reverse()
    .map((e) => JSON.parse(e.body) as { id: string; type: string });
}

export function listEvents(ctx: SandboxContext, params: Params) {
  const p = validate(listEventsSchema, params);
  const types = p.types ?? (p.type ? [p.type] : null);
  // `type` may end in a wildcard, as on Stripe: `payment_intent.*`.
  const matches = (type: string) =>
    !types || types.some((t) => (t.endsWith('.*') ? type.startsWith(t.slice(0, -1)) : type === t));
  return pageOf(
    stripeEvents(ctx).filter((e) => matches(e.type)),
    '/v1/events',
    p,
  );
}

export function findEvent(ctx: SandboxContext, id: string) {
  const stored = ctx.store.events.get(id);
  if (!stored || stored.gateway !== 'stripe') throw resourceMissing('event', id, 'id');
  return JSON.parse(stored.body) as unknown;
}
