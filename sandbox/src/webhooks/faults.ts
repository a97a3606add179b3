import type { Faults } from '../config';

export type FaultKind = 'duplicate' | 'reorder' | 'delay' | 'failFirst' | 'tamper';

export type RandomSource = () => number;

/**
 * True with probability `rate`. Rates of exactly 0 and 1 never consume a random number, so tests
 * that use them are deterministic whatever the random source.
 */
export function roll(rate: number, random: RandomSource): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  return random() < rate;
}

/** The per-event faults (everything but `reorder`, which is decided once per batch). */
export function rollEventFaults(faults: Faults, random: RandomSource): Set<FaultKind> {
  const picked = new Set<FaultKind>();
  for (const kind of ['duplicate', 'delay', 'failFirst', 'tamper'] as const) {
    if (roll(faults[kind], random)) picked.add(kind);
  }
  return picked;
}

/**
 * A plausible man-in-the-middle edit: multiply the first `amount` in the body by 100 (or, if there
 * is none, add a field). The signature stays the original one, so a receiver that verifies the raw
 * body must reject it.
 */
export function tamperBody(body: string): string {
  // Bodies may be compact or pretty-printed (some gateways indent their JSON), hence the `\s*`.
  const changed = body.replace(
    /"amount":(\s*)(\d+)/,
    (_m, space: string, n: string) => `"amount":${space}${Number(n) * 100}`,
  );
  return changed !== body ? changed : body.replace(/^\{/, '{"tampered":true,');
}
