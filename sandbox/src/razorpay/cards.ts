import type { Card } from '../store/entities';
import { INTERNATIONAL_CARDS } from './test-cards';

// The browser modal (public/modal.js) carries a copy of luhnValid/detectNetwork for instant
// feedback; the server repeats every check because the pay endpoint is public.

export type CardNetwork = Card['network'];

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

/**
 * Card network from the leading digits. RuPay is tested before Maestro/Discover-style ranges
 * because its BINs (60, 65, 81, 82, 508, 353, 356) overlap them, and in India they are RuPay.
 */
export function detectNetwork(digits: string): CardNetwork {
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  if (two === 34 || two === 37) return 'American Express';
  if ([60, 65, 81, 82].includes(two) || [508, 353, 356].includes(three)) return 'RuPay';
  if (two === 36 || two === 38 || two === 39 || (three >= 300 && three <= 305))
    return 'Diners Club';
  if (digits.startsWith('4')) return 'Visa';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MasterCard';
  if (two === 50 || (two >= 56 && two <= 69)) return 'Maestro';
  return 'Unknown';
}

export function cvvLength(network: CardNetwork): number {
  return network === 'American Express' ? 4 : 3;
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
