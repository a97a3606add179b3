/** Delay before the first retry at time scale 1; each further retry doubles it. */
export const FIRST_RETRY_MS = 10_000;

/**
 * Milliseconds to wait after failed attempt `attempt` (1-based): 10 s, 20 s, 40 s … scaled by
 * `timeScale` (SANDBOX_TIME_SCALE=0.001 turns minutes of backoff into milliseconds for tests).
 */
export function retryDelayMs(attempt: number, timeScale: number): number {
  return Math.max(1, Math.round(FIRST_RETRY_MS * 2 ** (attempt - 1) * timeScale));
}
