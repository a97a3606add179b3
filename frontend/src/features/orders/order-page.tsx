import { useCallback } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { ClosedOrderNotice } from '../../components/ui/closed-order-notice';
import { Loading } from '../../components/ui/loading';
import { OrderItems } from '../../components/ui/order-items';
import { OrderTotals } from '../../components/ui/order-totals';
import { StatusBadge } from '../../components/ui/status-badge';
import { paths } from '../../config/routes';
import { getOrder } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format-date';
import { useAsync } from '../../lib/use-async';
import { OrderTimeline } from './order-timeline';
import { PaymentAttempts } from './payment-attempts';

/** Anyone with the (unguessable) order link can read it: items, totals, attempts, timeline. */
export function OrderPage({ orderId }: { orderId: string }) {
  const load = useCallback(() => getOrder(orderId), [orderId]);
  const { data: order, error, loading, reload } = useAsync(load);

  if (error?.code === 'ORDER_NOT_FOUND') {
    return (
      <section className="page">
        <h1>Order not found</h1>
        <p>Check the link; order links are long and easy to cut short.</p>
      </section>
    );
  }
  if (error && !order) return <ErrorMessage error={error} onRetry={reload} />;
  if (!order) return <Loading label="Loading the order…" />;

  return (
    <section className="page" aria-labelledby="order-title">
      <title>{`Order ${order.id} · Checkout Lab`}</title>
      <div className="page-head">
        <h1 id="order-title">Your order</h1>
        <button
          type="button"
          className="button button-secondary"
          onClick={reload}
          disabled={loading}
        >
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p className="order-ref">
        Order <code>{order.id}</code>{' '}
        <span data-testid="order-status">
          <StatusBadge status={order.status} />
        </span>{' '}
        <span className="hint">placed {formatDateTime(order.createdAt)}</span>
      </p>
      {order.status === 'pending' && (
        <p>
          This order is waiting for payment.{' '}
          <Link href={paths.pay(order.id)} className="button">
            Pay now
          </Link>
        </p>
      )}
      <ClosedOrderNotice order={order} />
      <div className="order-layout">
        <div className="card">
          <OrderTimeline order={order} />
          <PaymentAttempts payments={order.payments} />
        </div>
        <aside className="card" aria-label="Order summary">
          <h2>Items</h2>
          <OrderItems items={order.items} currency={order.currency} />
          <OrderTotals order={order} />
          <p className="hint">
            {order.customer.name} · {order.customer.email}
          </p>
        </aside>
      </div>
    </section>
  );
}
