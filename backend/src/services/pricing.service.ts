// Server-side pricing: the only place totals are computed. Pure functions over integer minor
// units; rounding is half-up to the nearest minor unit, done in integers.
import type { Currency } from '@checkout-lab/contracts/money';

export interface PricedLine {
  unitPrice: number;
  quantity: number;
}

export interface Coupon {
  code: string;
  description: string;
  percentOff?: number;
  amountOff?: Partial<Record<Currency, number>>;
  minSubtotal?: Partial<Record<Currency, number>>;
}

/** Demo coupons; a real shop would keep these in the database. */
export const COUPONS: readonly Coupon[] = [
  { code: 'WELCOME10', description: '10% off your order', percentOff: 10 },
  {
    code: 'FLAT100',
    description: '₹100 off orders of ₹999 or more',
    amountOff: { INR: 10000 },
    minSubtotal: { INR: 99900 },
  },
];

/**
 * GST in India, VAT in Bangladesh, applied to the discounted subtotal. US sales tax depends on
 * the buyer's state, which a demo does not ask for, so USD orders carry none.
 */
export const TAX_PERCENT: Record<Currency, number> = { INR: 18, BDT: 15, USD: 0 };

/** Flat shipping below the free-shipping threshold. */
export const SHIPPING: Record<Currency, { fee: number; freeFrom: number }> = {
  INR: { fee: 4900, freeFrom: 99900 },
  BDT: { fee: 6000, freeFrom: 100000 },
  USD: { fee: 500, freeFrom: 5000 },
};

export interface Totals {
  subtotal: number;
  discount: number;
  tax: number;
  shipping: number;
  total: number;
}

/** amount × percent / 100, rounded half-up, in integers. */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}

export function findCoupon(code: string): Coupon | undefined {
  return COUPONS.find((c) => c.code === code.trim().toUpperCase());
}

/** Why a coupon does not apply, or undefined when it does. */
export function couponProblem(
  coupon: Coupon,
  currency: Currency,
  subtotal: number,
): string | undefined {
  if (coupon.amountOff && coupon.amountOff[currency] === undefined) {
    return `Coupon ${coupon.code} does not apply to ${currency} orders`;
  }
  const min = coupon.minSubtotal?.[currency];
  if (min !== undefined && subtotal < min) return `Coupon ${coupon.code} needs a larger order`;
  return undefined;
}

// #region tutorial:price-cart
export function computeTotals(lines: PricedLine[], currency: Currency, coupon?: Coupon): Totals {
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  let discount = 0;
  if (coupon?.percentOff) discount = percentOf(subtotal, coupon.percentOff);
  if (coupon?.amountOff?.[currency]) discount = coupon.amountOff[currency]!;
  discount = Math.min(discount, subtotal);
  const taxable = subtotal - discount;
  const tax = percentOf(taxable, TAX_PERCENT[currency]);
  const rule = SHIPPING[currency];
  const shipping = subtotal >= rule.freeFrom || subtotal === 0 ? 0 : rule.fee;
  return { subtotal, discount, tax, shipping, total: taxable + tax + shipping };
}
// #endregion
