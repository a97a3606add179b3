import type { Card } from '../store/entities';
import { CVV_LENGTHS, NETWORK_RULES, type CardNetwork } from './methods';
import { INTERNATIONAL_CARDS } from './test-cards';

// The browser modal (public/modal.js) repeats luhnValid for instant feedback and applies the same
// NETWORK_RULES (served to it); the server repeats every check because the pay endpoint is public.

export type { CardNetwork };

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Card network from the leading digits (see NETWORK_RULES). */
export function detectNetwork(digits: string): CardNetwork {
  const rule = NETWORK_RULES.find((r) =>
    r.ranges.some(([n, from, to]) => {
      const lead = Number(digits.slice(0, n));
      return lead >= from && lead <= to;
    }),
  );
  return rule?.network ?? 'Unknown';
}

export function cvvLength(network: CardNetwork): number {
  return CVV_LENGTHS[network] ?? 3;
}

const ISSUERS: Partial<Record<CardNetwork, string>> = {
  Visa: 'HDFC',
  MasterCard: 'ICIC',
  RuPay: 'SBIN',
  Maestro: 'UTIB',
};

/** The card entity Razorpay keeps: the first six and last four digits, never the number or CVV. */
export function describeCard(digits: string, name: string, id: string): Card {
  const network = detectNetwork(digits);
  const international = INTERNATIONAL_CARDS.has(digits);
  return {
    id,
    entity: 'card',
    name,
    iin: digits.slice(0, 6),
    last4: digits.slice(-4),
    network,
    type: network === 'RuPay' || network === 'Maestro' ? 'debit' : 'credit',
    issuer: international ? null : (ISSUERS[network] ?? null),
    international,
    emi: false,
    sub_type: 'customer',
  };
}

/** Month 1–12 and a 2- or 4-digit year, not before the current month. */
export function expiryValid(month: number, year: number, now = new Date()): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(year) || month < 1 || month > 12) return false;
  const fullYear = year < 100 ? 2000 + year : year;
  if (fullYear > now.getFullYear() + 50) return false;
  return fullYear * 12 + month >= now.getFullYear() * 12 + now.getMonth() + 1;
}
