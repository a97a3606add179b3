import type { CartLine } from './cart.store';

/**
 * A preview only: Σ price × quantity from the cart's snapshot of the catalogue. The order the
 * server creates at checkout has the real subtotal, tax, shipping and discount.
 */
export function estimateSubtotal(lines: readonly CartLine[]) {
  const first = lines[0];
  if (!first) return null;
  return {
    amount: lines.reduce((sum, l) => sum + l.price * l.quantity, 0),
    currency: first.currency,
  };
}
