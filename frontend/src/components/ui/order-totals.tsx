import type { OrderDto } from '@checkout-lab/contracts/dto';
import { formatMoney } from '@checkout-lab/contracts/money';

/** The server's totals for an order, exactly as it priced them: this is what gets charged. */
export function OrderTotals({ order }: { order: OrderDto }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  return (
    <dl className="totals" aria-label="Order totals">
      <div>
        <dt>Subtotal</dt>
        <dd>{money(order.subtotal)}</dd>
      </div>
      {order.discount > 0 && (
        <div>
          <dt>Discount{order.coupon ? ` (${order.coupon})` : ''}</dt>
          <dd>−{money(order.discount)}</dd>
        </div>
      )}
      <div>
        <dt>Tax</dt>
        <dd>{money(order.tax)}</dd>
      </div>
      <div>
        <dt>Shipping</dt>
        <dd>{order.shipping === 0 ? 'Free' : money(order.shipping)}</dd>
      </div>
      <div className="totals-total">
        <dt>Total</dt>
        <dd data-testid="order-total">{money(order.total)}</dd>
      </div>
      {order.amountRefunded > 0 && (
        <div>
          <dt>Refunded</dt>
          <dd>−{money(order.amountRefunded)}</dd>
        </div>
      )}
    </dl>
  );
}
