import { Link } from 'wouter';
import { expiredUnpaid } from '@checkout-lab/contracts/statuses';
import { ErrorMessage, Notice } from '../../components/ui/alert';
import { ClosedOrderNotice } from '../../components/ui/closed-order-notice';
import { Loading } from '../../components/ui/loading';
import { OrderItems } from '../../components/ui/order-items';
import { OrderTotals } from '../../components/ui/order-totals';
import { StatusBadge } from '../../components/ui/status-badge';
import { paths } from '../../config/routes';
import { OrderTimeline } from './order-timeline';
import { followUntilWebhook, isPaid } from './order-status';
import { useOrderPolling } from './use-order-polling';

const HEADINGS: Record<string, string> = {
  paid: 'Thank you — your payment is confirmed',
  fulfilled: 'Thank you — your order is on its way',
  refunded: 'This order was refunded',
  cancelled: 'This order was cancelled',
  pending: 'Confirming your payment…',
};

/** Asks the server until it says the order is paid; the browser's own view counts for nothing. */
export function SuccessPage({ orderId }: { orderId: string }) {
  const poll = useOrderPolling(orderId, { isSettled: isPaid, stopWhen: followUntilWebhook });
  const { order, error, settled, timedOut, restart } = poll;

  if (!order) {
    return error ? (
      <ErrorMessage title="Could not load your order" error={error} onRetry={restart} />
    ) : (
      <Loading label="Confirming your payment with the server…" />
    );
  }

  const lastFailure = order.payments.findLast((p) => p.status === 'failed')?.error;
  // Paid after the stock hold ran out, and the stock was gone: the server refunds it (never a
  // confirmation for stock it does not have), so the page must not say "confirmed" meanwhile.
  const soldOut = order.timeline.some((e) => e.type === 'stock.shortfall');
  const heading = soldOut
    ? 'Sorry — it sold out, so your payment is refunded'
    : expiredUnpaid(order)
      ? 'This order expired unpaid'
      : (HEADINGS[order.status] ?? 'Your order');
  return (
    <section className="page success" aria-labelledby="success-title">
      <title>{`${heading} · Checkout Lab`}</title>
      <h1 id="success-title">{heading}</h1>
      <p className="order-ref">
        Order <code>{order.id}</code>{' '}
        <span data-testid="order-status">
          <StatusBadge status={order.status} />
        </span>
      </p>

      {order.status === 'pending' && !timedOut && (
        <Loading label="Waiting for the server to confirm the payment with the gateway…" />
      )}
      {order.status === 'pending' && timedOut && (
        <Notice tone="warning">
          <p>
            The gateway has not confirmed this payment yet. If you were charged, the server will
            learn it from the gateway&apos;s webhook or its reconciliation job — this order is safe
            either way.
          </p>
          <button type="button" className="button button-secondary" onClick={restart}>
            Check again
          </button>{' '}
          {lastFailure && <Link href={paths.pay(order.id)}>Pay again</Link>}
        </Notice>
      )}
      <ClosedOrderNotice order={order} />
      {error && <p className="hint">Last check failed: {error.message}. Still trying.</p>}
      {soldOut && (
        <Notice tone="warning">
          <p>
            The last units sold while your payment was on its way, so we cannot send this order. The
            full amount goes back to you; an email to {order.customer.email} explains.
          </p>
        </Notice>
      )}
      {settled && !soldOut && <p>A receipt is on its way to {order.customer.email}.</p>}

      <div className="order-layout">
        <div className="card">
          <OrderTimeline order={order} />
        </div>
        <aside className="card" aria-label="Order summary">
          <OrderItems items={order.items} currency={order.currency} />
          <OrderTotals order={order} />
          <Link href={paths.order(order.id)}>Order details</Link>
        </aside>
      </div>
    </section>
  );
}
