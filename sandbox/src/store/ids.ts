import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 14 random base62 characters, the shape of Razorpay's ids (`order_…`, `pay_…`, `rfnd_…`). */
export function randomBase62(length = 14): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export type IdPrefix = 'order' | 'pay' | 'rfnd' | 'evt' | 'card' | 'dlv';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62()}`;
}

/** True when `id` has the given prefix and a 14-character base62 body. */
export function isWellFormedId(id: string, prefix: IdPrefix): boolean {
  return new RegExp(`^${prefix}_[0-9A-Za-z]{14}$`).test(id);
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
