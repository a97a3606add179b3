import type { TimelineItemDto } from '@checkout-lab/contracts/dto';
import type { TimelineSource, TimelineType } from '@checkout-lab/contracts/statuses';
export interface StepDefinition {
  key: string;
  label: string;
  /** Timeline types that complete this step: only strings the backend writes will compile. */
  done: TimelineType[];
  /** Timeline types that mean this step went wrong (shown, but do not complete it). */
  problem?: TimelineType[];
  /** A more exact label when the step was completed by one particular type. */
  labelWhenDoneBy?: Partial<Record<TimelineType, string>>;
}

export const PAYMENT_STEPS: StepDefinition[] = [
  { key: 'created', label: 'Order created', done: ['order.created'] },
  {
    key: 'checkout',
    label: 'Checkout opened',
    done: ['checkout.started'],
    problem: ['payment.failed'],
  },
  {
    key: 'verified',
    label: 'Signature verified',
    // A signed return (Razorpay's handler) is a checked signature; a gateway that signs nothing
    // (RupantorPay's redirect) is verified by asking it server-side.
    done: ['signature.verified', 'gateway.verified'],
    problem: ['signature.rejected'],
    labelWhenDoneBy: { 'gateway.verified': 'Verified with the gateway' },
  },
  { key: 'webhook', label: 'Webhook received', done: ['webhook.received'] },
  {
    key: 'captured',
    label: 'Payment captured',
    done: ['payment.captured', 'order.paid'],
    problem: ['payment.amount_mismatch'],
  },
  { key: 'fulfilled', label: 'Fulfilled', done: ['order.fulfilled'] },
  {
    key: 'refunded',
    label: 'Refunded',
    done: [
      'order.refunded',
      'payment.refunded_full',
      'payment.refunded_partial',
      'refund.processed',
    ],
    problem: ['refund.failed'],
  },
];

export interface StepState {
  key: string;
  label: string;
  state: 'done' | 'problem' | 'waiting';
  /** When it first happened. */
  at?: string;
  /** Who said so: checkout, verify, webhook, reconcile, admin — each once, in order. */
  sources: TimelineSource[];
  /** How many problem entries (failed attempts, rejected signatures) the step saw. */
  problems: number;
}

export function computeSteps(
  timeline: readonly TimelineItemDto[],
  steps: StepDefinition[] = PAYMENT_STEPS,
): StepState[] {
  const sorted = [...timeline].sort((a, b) => a.at.localeCompare(b.at));
  return steps.map((step) => {
    const done = sorted.filter((e) => step.done.includes(e.type));
    const problems = sorted.filter((e) => step.problem?.includes(e.type)).length;
    const first = done[0]?.type;
    return {
      key: step.key,
      label: (first && step.labelWhenDoneBy?.[first]) ?? step.label,
      state: done.length > 0 ? 'done' : problems > 0 ? 'problem' : 'waiting',
      at: done[0]?.at,
      sources: [...new Set(done.map((e) => e.source))],
      problems,
    };
  });
}

/** "payment.refunded_partial" → "Payment refunded partial". */
export function describeType(type: string): string {
  const text = type.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
