// A claim is a timestamp a step sets (conditionally) before doing work only one caller may do:
// an email, a refund, a stock take. A claim older than STALE_CLAIM_MS belongs to a process that
// died (a SIGKILL, a lost database connection), so the next sweep may take it over.
export const STALE_CLAIM_MS = 5 * 60_000;

/** The filter for "nobody holds this claim, or its holder is gone". */
export function unclaimedOrStale(field: string): Record<string, unknown>[] {
  return [
    { [field]: { $exists: false } },
    { [field]: { $lt: new Date(Date.now() - STALE_CLAIM_MS) } },
  ];
}
