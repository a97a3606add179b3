import type { Request } from 'express';
import type { Payment } from '../store/entities';

/** Razorpay's list envelope. */
export function collection<T>(items: T[]): { entity: 'collection'; count: number; items: T[] } {
  return { entity: 'collection', count: items.length, items };
}

// `expand[]=card` from curl; the Node SDK nests it as `expand[expand[]]=card`. Accept both.
function expansions(req: Request): string[] {
  return Object.entries(req.query)
    .filter(([key]) => key.startsWith('expand'))
    .flatMap(([, raw]) => (Array.isArray(raw) ? raw : [raw]))
    .filter((v): v is string => typeof v === 'string');
}

/** The API returns the card object only with `expand[]=card` (webhooks always carry it). */
export function paymentView(
  req: Request,
  payment: Payment,
): Omit<Payment, 'card'> & { card?: Payment['card'] } {
  if (expansions(req).includes('card')) return payment;
  const { card: _card, ...rest } = payment;
  return rest;
}

/** `count` (default 10, max 100) and `skip`, newest first, as Razorpay's list endpoints do. */
export function paginate<T extends { created_at: number }>(req: Request, items: T[]): T[] {
  const count = Math.min(100, Math.max(1, Number(req.query.count) || 10));
  const skip = Math.max(0, Number(req.query.skip) || 0);
  return [...items].reverse().slice(skip, skip + count);
}
