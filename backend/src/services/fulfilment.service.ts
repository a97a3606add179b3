// Fulfilment runs once per paid order: claim it, take the stock, send the confirmation email.
// The claim is a conditional update, so racing callers cannot both fulfil; each step records
// its own completion, so a failed email is retried by reconciliation without touching stock.
import type { TimelineSource } from '@checkout-lab/contracts/statuses';
import { OrderModel, type OrderDocument } from '../models/order.model';
import { ProductModel } from '../models/product.model';
import { formatMoney, type Currency } from '@checkout-lab/contracts/money';
import type { ServiceContext } from './context';
import { noteOrder } from './timeline.service';

export async function fulfilOrder(
  ctx: ServiceContext,
  orderId: OrderDocument['_id'],
  source: TimelineSource,
): Promise<void> {
  const claim = await OrderModel.updateOne(
    { _id: orderId, status: 'paid', 'fulfilment.claimedAt': { $exists: false } },
    { $set: { 'fulfilment.claimedAt': new Date() } },
  );
  if (claim.modifiedCount === 1) await takeStock(orderId, source);
  await sendConfirmation(ctx, orderId, source);
}

async function takeStock(orderId: OrderDocument['_id'], source: TimelineSource): Promise<void> {
  const order = await OrderModel.findById(orderId);
  if (!order) return;
  const shortfall: string[] = [];
  for (const item of order.items) {
    // Guarded decrement: stock never goes below zero, even with concurrent orders.
    const taken = await ProductModel.updateOne(
      { _id: item.product, stock: { $gte: item.quantity } },
      { $inc: { stock: -item.quantity } },
    );
    if (taken.modifiedCount !== 1) shortfall.push(item.slug);
  }
  await noteOrder(
    orderId,
    shortfall.length ? 'stock.shortfall' : 'stock.decremented',
    source,
    shortfall.length
      ? `Paid but out of stock: ${shortfall.join(', ')}. Refund or restock.`
      : 'Stock reserved for every item',
    {
      'fulfilment.stockDecrementedAt': new Date(),
      ...(shortfall.length ? { 'fulfilment.shortfall': shortfall } : {}),
    },
  );
}

export async function sendConfirmation(
  ctx: ServiceContext,
  orderId: OrderDocument['_id'],
  source: TimelineSource,
): Promise<void> {
  // Claim the email first: two callers must never both send it.
  const order = await OrderModel.findOneAndUpdate(
    {
      _id: orderId,
      status: { $in: ['paid', 'fulfilled'] },
      'fulfilment.emailSentAt': { $exists: false },
      'fulfilment.emailClaimedAt': { $exists: false },
    },
    { $set: { 'fulfilment.emailClaimedAt': new Date() } },
    { returnDocument: 'after' },
  );
  if (!order) return;
  const currency = order.currency as Currency;
  const lines = order.items.map(
    (i) => `  ${i.quantity} × ${i.name}  ${formatMoney(i.lineTotal, currency)}`,
  );
  const url = `${ctx.config.publicBaseUrl}/orders/${order.publicId}`;
  try {
    await ctx.mailer.send({
      to: order.customer.email,
      subject: `Order confirmed: ${formatMoney(order.total, currency)} paid`,
      text: [
        `Hi ${order.customer.name},`,
        '',
        'Thank you: your payment went through and your order is confirmed.',
        '',
        ...lines,
        `  Total paid: ${formatMoney(order.total, currency)}`,
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
        )}</ul><p><strong>Total paid: ${formatMoney(order.total, currency)}</strong></p><p><a href="${url}">Track your order</a></p>`,
      orderId: order.publicId,
    });
    await noteOrder(
      orderId,
      'email.sent',
      source,
      `Confirmation email sent to ${order.customer.email}`,
      {
        'fulfilment.emailSentAt': new Date(),
      },
    );
  } catch (err) {
    ctx.log.error({ err, order: order.publicId }, 'confirmation email failed');
    // Release the claim so reconciliation can try again.
    await noteOrder(
      orderId,
      'email.failed',
      source,
      'Confirmation email failed; it will be retried',
      {
        'fulfilment.emailError': (err as Error).message,
      },
    );
    await OrderModel.updateOne({ _id: orderId }, { $unset: { 'fulfilment.emailClaimedAt': 1 } });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
