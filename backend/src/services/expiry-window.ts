/**
 * The fields that open (or restart) an unpaid order's expiry window, ORDER_EXPIRY_MINUTES from
 * now: set when the order is placed, at every new checkout attempt, and on orders stored before
 * expiry existed. Undefined when expiry is off (ORDER_EXPIRY_MINUTES=0).
 */
export function expiryWindow(expiryMs: number): { expiryOpen: true; expiresAt: Date } | undefined {
  return expiryMs > 0
    ? { expiryOpen: true, expiresAt: new Date(Date.now() + expiryMs) }
    : undefined;
}
