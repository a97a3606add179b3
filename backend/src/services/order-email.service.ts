// The one email an order gets: the confirmation, or, when the stock was gone after payment,
// "sorry, sold out — refunded" (sent only once the refund is made). Claimed first, so two
// callers never both send it; a failed send releases the claim for reconciliation to retry.
import { formatMoney, type Currency } from '@checkout-lab/contracts/money';
import type { TimelineSource } from '@checkout-lab/contracts/statuses';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { unclaimedOrStale } from './claims';
import type { ServiceContext } from './context';
import type { EmailMessage } from './email.service';
import { noteOrder } from './timeline.service';

export async function sendOrderEmail(
  ctx: ServiceContext,
  orderId: OrderDocument['_id'],
  source: TimelineSource,
): Promise<void> {
  const order = await OrderModel.findOneAndUpdate(
    {
      _id: orderId,
      'fulfilment.stockDecrementedAt': { $exists: true },
      'fulfilment.emailSentAt': { $exists: false },
      // A confirmation for a paid order; a sold-out notice once its refund is made.
      $and: [
        {
          $or: [
            { status: { $in: ['paid', 'fulfilled'] }, 'fulfilment.shortfall': { $exists: false } },
            { 'fulfilment.soldOutRefundedAt': { $exists: true } },
          ],
        },
        { $or: unclaimedOrStale('fulfilment.emailClaimedAt', ctx.config.claimStaleMs) },
      ],
    },
    { $set: { 'fulfilment.emailClaimedAt': new Date() } },
    { returnDocument: 'after' },
  );
  if (!order) return;
  const soldOut = Boolean(order.fulfilment?.shortfall?.length);
  const message = {
    ...(soldOut ? soldOutEmail(ctx, order) : confirmationEmail(ctx, order)),
    key: `${soldOut ? 'sold-out' : 'confirmation'}:${order.publicId}`,
  };
  try {
    await ctx.mailer.send(message);
    await noteOrder(
      orderId,
      'email.sent',
      source,
      soldOut
        ? `Sold-out notice sent to ${order.customer.email} (the payment is refunded)`
        : `Confirmation email sent to ${order.customer.email}`,
      { 'fulfilment.emailSentAt': new Date() },
    );
  } catch (err) {
    ctx.log.error({ err, order: order.publicId }, 'order email failed');
    await noteOrder(orderId, 'email.failed', source, 'The order email failed; it will be retried', {
      'fulfilment.emailError': (err as Error).message,
    });
    await OrderModel.updateOne({ _id: orderId }, { $unset: { 'fulfilment.emailClaimedAt': 1 } });
  }
}

function trackUrl(ctx: ServiceContext, order: OrderDocument): string {
  return `${ctx.config.publicBaseUrl}/orders/${order.publicId}`;
}

function confirmationEmail(ctx: ServiceContext, order: OrderDocument): EmailMessage {
  const currency = order.currency as Currency;
  const total = formatMoney(order.total, currency);
  const url = trackUrl(ctx, order);
  const lines = order.items.map(
    (i) => `  ${i.quantity} × ${i.name}  ${formatMoney(i.lineTotal, currency)}`,
  );
  return {
    to: order.customer.email,
    subject: `Order confirmed: ${total} paid`,
    text: [
      `Hi ${order.customer.name},`,
      '',
      'Thank you: your payment went through and your order is confirmed.',
      '',
      ...lines,
      `  Total paid: ${total}`,
      '',
      `Track it at ${url}`,
    ].join('\n'),
    html: `<p>Hi ${escapeHtml(order.customer.name)},</p><p>Thank you: your payment went through and your order is confirmed.</p><ul>${order.items
      .map(
        (i) =>
          `<li>${i.quantity} × ${escapeHtml(i.name)}: ${formatMoney(i.lineTotal, currency)}</li>`,
      )
      .join(
        '',
      )}</ul><p><strong>Total paid: ${total}</strong></p><p><a href="${url}">Track your order</a></p>`,
    orderId: order.publicId,
  };
}

function soldOutEmail(ctx: ServiceContext, order: OrderDocument): EmailMessage {
  const currency = order.currency as Currency;
  const total = formatMoney(order.total, currency);
  const url = trackUrl(ctx, order);
  const gone = order.items
    .filter((i) => order.fulfilment?.shortfall?.includes(i.slug))
    .map((i) => i.name)
    .join(', ');
  const refund = order.fulfilment?.refundManual
    ? `We are refunding the ${total} you paid in full; the refund is being made by hand and can take a few days.`
    : `We have refunded the ${total} you paid in full; banks usually show it within 5–7 working days.`;
  return {
    to: order.customer.email,
    subject: `Sorry, sold out: ${total} refunded`,
    text: [
      `Hi ${order.customer.name},`,
      '',
      `We are sorry: ${gone} sold out while your payment was on its way, so we cannot send your order.`,
      refund,
      '',
      `Details at ${url}`,
    ].join('\n'),
    html: `<p>Hi ${escapeHtml(order.customer.name)},</p><p>We are sorry: ${escapeHtml(gone)} sold out while your payment was on its way, so we cannot send your order.</p><p>${escapeHtml(refund)}</p><p><a href="${url}">Order details</a></p>`,
    orderId: order.publicId,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
