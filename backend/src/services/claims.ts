// A claim is a timestamp a step sets (conditionally) before doing work only one caller may do:
// an email, a refund, a stock take. A claim older than CLAIM_STALE_SECONDS (config.claimStaleMs)
// belongs to a process that died (a SIGKILL, a lost database connection), so the next sweep may
// take it over. Every claimed step is safe to run twice for that reason: the stock take by its
// ledger, the refund by asking the gateway first, the email by its outbox key.

/** The filter for "nobody holds this claim, or its holder is gone". */
export function unclaimedOrStale(field: string, staleMs: number): Record<string, unknown>[] {
  return [{ [field]: { $exists: false } }, { [field]: { $lt: new Date(Date.now() - staleMs) } }];
}
