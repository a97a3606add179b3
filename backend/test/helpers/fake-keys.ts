// Gateway keys shaped like real ones, for the tests that need a key that is not the sandbox's
// (live mode, the live-mode guard, what is shown or hidden). Derived at run time, so the tree
// never holds a string that a reader or a secret scanner would take for a leaked key.
import { createHash } from 'node:crypto';

/** `length` hex characters derived from `label`: the same on every run, different per label. */
export function fakeSecret(label: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += createHash('sha256').update(`${label}:${i}`).digest('hex');
  }
  return out.slice(0, length);
}

/** A gateway's prefix (`rzp_live`, `sk_test`, `whsec`, …), `_`, and a derived body. */
export function fakeKey(prefix: string, bodyLength: number): string {
  return `${prefix}_${fakeSecret(prefix, bodyLength)}`;
}
