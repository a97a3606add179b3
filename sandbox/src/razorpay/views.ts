import type { Request } from 'express';
import type { Payment } from '../store/entities';
import { badRequest } from './razorpay-error';

/** Razorpay's list envelope. */
export function collection<T>(items: T[]): { entity: 'collection'; count: number; items: T[] } {
  return { entity: 'collection', count: items.length, items };
}

// `expand[]=card` from curl; the Node SDK nests it as `expand[expand[]]=card`. Accept both.
export function expansions(req: Request): string[] {
  return Object.entries(req.query)
    .filter(([key]) => key.startsWith('expand'))
    .flatMap(([, raw]) => (Array.isArray(raw) ? raw : [raw]))
    .filter((v): v is string => typeof v === 'string');
}

/** The API returns the card object only with `expand[]=card` (webhooks always carry it). */
export function paymentView(
  req: Request,
  payment: Payment,
  withCard = expansions(req).includes('card'),
): Omit<Payment, 'card'> & { card?: Payment['card'] } {
  if (withCard) return payment;
  const { card: _card, ...rest } = payment;
  return rest;
}

function unixParam(req: Request, name: 'from' | 'to'): number | undefined {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) {
    throw badRequest(`The ${name} must be an integer.`, name);
  }
  return Number(raw);
}

/** `from` / `to` (unix seconds, inclusive) on every list endpoint, as Razorpay's list APIs take them. */
export function inTimeRange<T extends { created_at: number }>(req: Request, items: T[]): T[] {
  const from = unixParam(req, 'from');
  const to = unixParam(req, 'to');
  return items.filter(
    (i) => (from === undefined || i.created_at >= from) && (to === undefined || i.created_at <= to),
  );
}

/** `count` (default 10, max 100) and `skip`, newest first, as Razorpay's list endpoints do. */
export function paginate<T extends { created_at: number }>(req: Request, items: T[]): T[] {
  const count = Math.min(100, Math.max(1, Number(req.query.count) || 10));
  const skip = Math.max(0, Number(req.query.skip) || 0);
  return [...items].reverse().slice(skip, skip + count);
}
