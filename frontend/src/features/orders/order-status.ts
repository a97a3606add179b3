import type { OrderDto } from '@checkout-lab/contracts/dto';
const PAID = new Set(['paid', 'fulfilled', 'refunded']);

/** The server has the money (or had it, and refunded it). */
export const isPaid = (order: OrderDto) => PAID.has(order.status);

/**
 * The success page keeps following the timeline after "paid" until the gateway's webhook has
 * been seen too, so a learner watches the second witness arrive. Cancelled orders stop at once.
 */
export const followUntilWebhook = (order: OrderDto) =>
  order.status === 'cancelled' ||
  (isPaid(order) && order.timeline.some((e) => e.source === 'webhook'));
