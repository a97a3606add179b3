import { z } from 'zod';
import {
  orderSchema,
  paymentSchema,
  refundSchema,
  rupantorTransactionSchema,
  storedEventSchema,
  type Order,
  type Payment,
  type Refund,
  type RupantorTransaction,
  type StoredEvent,
} from './entities';
import { stripeSnapshotSchema } from './stripe-entities';
import { StripeStore } from './stripe.store';

// Bound memory for long-running dev sessions; entities are never evicted, events are.
const MAX_EVENTS = 2000;

export const snapshotSchema = z.object({
  version: z.literal(1),
  orders: z.array(orderSchema),
  payments: z.array(paymentSchema),
  refunds: z.array(refundSchema),
  events: z.array(storedEventSchema),
  rupantorpay: z.array(rupantorTransactionSchema),
  // Optional, so snapshots written before Stripe was added still load.
  stripe: stripeSnapshotSchema.optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** All sandbox state. Maps keep insertion order, which the list endpoints rely on. */
export class MemoryStore {
  readonly orders = new Map<string, Order>();
  readonly payments = new Map<string, Payment>();
  readonly refunds = new Map<string, Refund>();
  readonly events = new Map<string, StoredEvent>();
  readonly rupantorpay = new Map<string, RupantorTransaction>();
  readonly stripe = new StripeStore(() => this.changed());
  private listeners: (() => void)[] = [];

  /** Registers a callback run after every mutation (the snapshot writer uses it). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  saveOrder(order: Order): Order {
    this.orders.set(order.id, order);
    this.changed();
    return order;
  }

  savePayment(payment: Payment): Payment {
    this.payments.set(payment.id, payment);
    this.changed();
    return payment;
  }

  saveRefund(refund: Refund): Refund {
    this.refunds.set(refund.id, refund);
    this.changed();
    return refund;
  }

  saveEvent(event: StoredEvent): StoredEvent {
    this.events.set(event.id, event);
    while (this.events.size > MAX_EVENTS) {
      const oldest = this.events.keys().next().value;
      if (oldest === undefined) break;
      this.events.delete(oldest);
    }
    this.changed();
    return event;
  }

  saveRupantor(tx: RupantorTransaction): RupantorTransaction {
    this.rupantorpay.set(tx.transaction_id, tx);
    this.changed();
    return tx;
  }

  paymentsOfOrder(orderId: string): Payment[] {
    return [...this.payments.values()].filter((p) => p.order_id === orderId);
  }

  refundsOfPayment(paymentId: string): Refund[] {
    return [...this.refunds.values()].filter((r) => r.payment_id === paymentId);
  }

  rupantorByToken(token: string): RupantorTransaction | undefined {
    return [...this.rupantorpay.values()].find((t) => t.token === token);
  }

  toSnapshot(): Snapshot {
    return {
      version: 1,
      orders: [...this.orders.values()],
      payments: [...this.payments.values()],
      refunds: [...this.refunds.values()],
      events: [...this.events.values()],
      rupantorpay: [...this.rupantorpay.values()],
      stripe: this.stripe.toSnapshot(),
    };
  }

  load(snapshot: Snapshot): void {
    for (const o of snapshot.orders) this.orders.set(o.id, o);
    for (const p of snapshot.payments) this.payments.set(p.id, p);
    for (const r of snapshot.refunds) this.refunds.set(r.id, r);
    for (const e of snapshot.events) this.events.set(e.id, e);
    for (const t of snapshot.rupantorpay) this.rupantorpay.set(t.transaction_id, t);
    if (snapshot.stripe) this.stripe.load(snapshot.stripe);
  }
}
