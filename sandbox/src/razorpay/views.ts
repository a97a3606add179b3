import type { Request } from 'express';
import type { Payment } from '../store/entities';

/** Razorpay's list envelope. */
export function collection<T>(items: T[]): { entity: 'collection'; count: number; items: T[] } {
  return { entity: 'collection', count: items.length, items };
}

function expansions(req: Request): string[] {
  const raw = req.query['expand[]'] ?? req.query.expand;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string');
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
