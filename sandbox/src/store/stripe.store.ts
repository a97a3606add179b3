import type {
  Challenge,
  Charge,
  IdempotentResponse,
  PaymentIntent,
  PaymentMethod,
  Refund,
  StripeSnapshot,
} from './stripe-entities';

/** Stripe prunes idempotency keys once they are at least 24 hours old. */
export const IDEMPOTENCY_TTL_S = 24 * 60 * 60;
// Bounds memory in a long dev session; 20,000 keys is a few days of a busy demo at most.
const MAX_IDEMPOTENCY_KEYS = 20_000;

/** Stripe's state in the sandbox. Maps keep insertion order, which the list endpoints rely on. */
export class StripeStore {
  readonly intents = new Map<string, PaymentIntent>();
  readonly paymentMethods = new Map<string, PaymentMethod>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly challenges = new Map<string, Challenge>();
  readonly idempotency = new Map<string, IdempotentResponse>();

  constructor(private readonly changed: () => void) {}

  saveIntent(intent: PaymentIntent): PaymentIntent {
    this.intents.set(intent.id, intent);
    this.changed();
    return intent;
  }

  savePaymentMethod(pm: PaymentMethod): PaymentMethod {
    this.paymentMethods.set(pm.id, pm);
    this.changed();
    return pm;
  }

  saveCharge(charge: Charge): Charge {
    this.charges.set(charge.id, charge);
    this.changed();
    return charge;
  }

  saveRefund(refund: Refund): Refund {
    this.refunds.set(refund.id, refund);
    this.changed();
    return refund;
  }

  saveChallenge(challenge: Challenge): void {
    this.challenges.set(challenge.token, challenge);
    this.changed();
  }

  /** Drops every open challenge of an intent (it was confirmed again, canceled or settled). */
  dropChallenges(intentId: string): void {
    for (const [token, c] of this.challenges)
      if (c.intent_id === intentId) this.challenges.delete(token);
    this.changed();
  }

  findIdempotent(key: string, now: number): IdempotentResponse | undefined {
    const saved = this.idempotency.get(key);
    if (saved && now - saved.created >= IDEMPOTENCY_TTL_S) {
      this.idempotency.delete(key);
      return undefined;
    }
    return saved;
  }

  saveIdempotent(saved: IdempotentResponse): void {
    this.idempotency.set(saved.key, saved);
    while (this.idempotency.size > MAX_IDEMPOTENCY_KEYS) {
      const oldest = this.idempotency.keys().next().value;
      if (oldest === undefined) break;
      this.idempotency.delete(oldest);
    }
    this.changed();
  }

  refundsOfCharge(chargeId: string): Refund[] {
    return [...this.refunds.values()].filter((r) => r.charge === chargeId);
  }

  toSnapshot(): StripeSnapshot {
    return {
      intents: [...this.intents.values()],
      paymentMethods: [...this.paymentMethods.values()],
      charges: [...this.charges.values()],
      refunds: [...this.refunds.values()],
      challenges: [...this.challenges.values()],
      idempotency: [...this.idempotency.values()],
    };
  }

  load(s: StripeSnapshot): void {
    for (const x of s.intents) this.intents.set(x.id, x);
    for (const x of s.paymentMethods) this.paymentMethods.set(x.id, x);
    for (const x of s.charges) this.charges.set(x.id, x);
    for (const x of s.refunds) this.refunds.set(x.id, x);
    for (const x of s.challenges) this.challenges.set(x.token, x);
    for (const x of s.idempotency) this.idempotency.set(x.key, x);
  }
}
