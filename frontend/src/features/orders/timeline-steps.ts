// The tutorial's flow diagram as data: each step of a payment, which timeline entries prove it
// happened, and who reported them. Computed from the server's timeline, never from local state.
import type { TimelineItem } from '../../lib/api-types';

export interface StepDefinition {
  key: string;
  label: string;
  /** Timeline types that complete this step. */
  done: string[];
  /** Timeline types that mean this step went wrong (shown, but do not complete it). */
  problem?: string[];
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
    done: ['signature.verified', 'payment.verified'],
    problem: ['signature.rejected'],
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
  sources: string[];
  /** How many problem entries (failed attempts, rejected signatures) the step saw. */
  problems: number;
}

export function computeSteps(
  timeline: readonly TimelineItem[],
  steps: StepDefinition[] = PAYMENT_STEPS,
): StepState[] {
  const sorted = [...timeline].sort((a, b) => a.at.localeCompare(b.at));
  return steps.map((step) => {
    const done = sorted.filter((e) => step.done.includes(e.type));
    const problems = sorted.filter((e) => step.problem?.includes(e.type)).length;
    return {
      key: step.key,
      label: step.label,
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
