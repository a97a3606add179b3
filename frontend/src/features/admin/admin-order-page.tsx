import type { OrderDto } from '@checkout-lab/contracts/dto';
import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { ErrorMessage, Notice } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { OrderItems } from '../../components/ui/order-items';
import { OrderTotals } from '../../components/ui/order-totals';
import { StatusBadge } from '../../components/ui/status-badge';
import { toApiError } from '../../lib/api-client';
import { useAdminApi } from './admin-session';
import { RefundForm } from './refund-form';
import { useAdminData } from './use-admin-data';

interface AdminOrderPageProps {
  orderId: string;
  /** The storefront's timeline, composed in by app/ (features do not import each other). */
  renderTimeline(order: OrderDto): ReactNode;
}

export function AdminOrderPage({ orderId, renderTimeline }: AdminOrderPageProps) {
  const api = useAdminApi();
  const load = useCallback(() => api.getOrder(orderId), [api, orderId]);
  const { data, error, loading, reload } = useAdminData(load);
  const [updated, setUpdated] = useState<OrderDto | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // An action's answer is the newest view until the next load replaces it.
  const order = updated && !loading ? updated : data;

  const act = async (action: () => Promise<OrderDto>, message: string) => {
    setActionError(null);
    try {
      setUpdated(await action());
      setNotice(message);
    } catch (err) {
      setActionError(toApiError(err).message);
    }
  };

  if (error && !order) return <ErrorMessage error={error} onRetry={reload} />;
  if (!order) return <Loading label="Loading the order…" />;
  const refundable =
    (order.status === 'paid' || order.status === 'fulfilled') && order.total > order.amountRefunded;

  return (
    <section aria-labelledby="admin-order">
      <Link href="/admin" className="back-link">
        ← All orders
      </Link>
      <div className="page-head">
        <h1 id="admin-order">
          Order <code>{order.id}</code>
        </h1>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setUpdated(null);
            reload();
          }}
        >
          Refresh
        </button>
      </div>
      <p>
        <span data-testid="admin-order-status">
          <StatusBadge status={order.status} />
        </span>{' '}
        {order.customer.name} · {order.customer.email}
        {order.customer.contact ? ` · ${order.customer.contact}` : ''}
      </p>
      {actionError && <ErrorMessage error={actionError} />}
      {notice && <Notice tone="success">{notice}</Notice>}
      <div className="order-layout">
        <div className="card">{renderTimeline(order)}</div>
        <aside className="card">
          <OrderItems items={order.items} currency={order.currency} />
          <OrderTotals order={order} />
          <div className="actions">
            {order.status === 'paid' && (
              <button
                type="button"
                className="button"
                onClick={() => act(() => api.fulfil(order.id), 'Marked fulfilled.')}
              >
                Mark fulfilled
              </button>
            )}
            {order.status === 'pending' && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => act(() => api.cancel(order.id), 'Order cancelled.')}
              >
                Cancel order
              </button>
            )}
          </div>
          {refundable && (
            <RefundForm
              order={order}
              onDone={(next, message) => {
                setUpdated(next);
                setNotice(message);
              }}
            />
          )}
        </aside>
      </div>
    </section>
  );
}
