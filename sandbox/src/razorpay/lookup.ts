import type { MemoryStore } from '../store/memory.store';
import type { Order, Payment, Refund } from '../store/entities';
import { isWellFormedId } from '../store/ids';
import { idDoesNotExist, notAValidId } from './razorpay-error';

// Razorpay distinguishes an id that cannot be one ("x is not a valid id") from a well-formed id it
// has never issued ("The id provided does not exist"); both are 400s.

export function findOrder(store: MemoryStore, id: string): Order {
  if (!isWellFormedId(id, 'order')) throw notAValidId(id);
  const order = store.orders.get(id);
  if (!order) throw idDoesNotExist();
  return order;
}

export function findPayment(store: MemoryStore, id: string): Payment {
  if (!isWellFormedId(id, 'pay')) throw notAValidId(id);
  const payment = store.payments.get(id);
  if (!payment) throw idDoesNotExist();
  return payment;
}

export function findRefund(store: MemoryStore, id: string): Refund {
  if (!isWellFormedId(id, 'rfnd')) throw notAValidId(id);
  const refund = store.refunds.get(id);
  if (!refund) throw idDoesNotExist();
  return refund;
}
