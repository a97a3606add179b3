import { useCallback, useEffect } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { OrderItems } from '../../components/ui/order-items';
import { OrderTotals } from '../../components/ui/order-totals';
import { StatusBadge } from '../../components/ui/status-badge';
import { paths } from '../../config/routes';
import { ApiError, getOrder, toApiError, verifyRupantorpayPayment } from '../../lib/api-client';
import type { Order } from '../../lib/api-types';
import { useAsync } from '../../lib/use-async';

// RupantorPay documents `transactionId` (camelCase, capital I); seed 000 and some integrators
// show `transaction_id` or `transactionID`. Any of them names the transaction to verify.
const TRANSACTION_ID_PARAMS = ['transactionId', 'transaction_id', 'transactionID'];

/**
 * Where a hosted payment page sends the buyer back: /payment/success or /payment/cancel with our
 * `?order=…` and the gateway's `transactionId=…&paymentMethod=…&status=…`. The query string
 * proves nothing (anyone can type it), so the server is asked to verify the transaction with the
 * gateway, and that it belongs to this order; its answer is what we show.
 */
export function PaymentReturnPage({ outcome }: { outcome: 'success' | 'cancel' }) {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const orderId = params.get('order');
  const transactionId = TRANSACTION_ID_PARAMS.map((name) => params.get(name)).find(Boolean) ?? null;

  const verify = useCallback(async (): Promise<{ order: Order; verifyError?: ApiError }> => {
    if (!orderId) throw new ApiError('BAD_RETURN', 'This return link does not name an order.');
    if (transactionId) {
      try {
        return { order: await verifyRupantorpayPayment(transactionId, orderId) };
      } catch (err) {
        return { order: await getOrder(orderId), verifyError: toApiError(err) };
      }
    }
    return { order: await getOrder(orderId) };
  }, [orderId, transactionId]);
  const { data, error, reload } = useAsync(verify);

  const verified = outcome === 'success' && data && !data.verifyError;
  useEffect(() => {
    if (verified) navigate(paths.success(data.order.id), { replace: true });
  }, [verified, data, navigate]);

  if (error)
    return <ErrorMessage title="Could not check the payment" error={error} onRetry={reload} />;
  if (!data || verified) return <Loading label="Checking the payment with the gateway…" />;
  const { order, verifyError } = data;

  if (outcome === 'success') {
    return (
      <section className="page">
        <title>Checking your payment · Checkout Lab</title>
        <h1>We could not confirm the payment yet</h1>
        <ErrorMessage error={verifyError ?? 'Unknown error'} onRetry={reload} />
        <p>
          If you paid, the gateway will tell us shortly.{' '}
          <Link href={paths.success(order.id)}>Follow the order status</Link>
        </p>
      </section>
    );
  }

  const lastError = order.payments.findLast((p) => p.error)?.error;
  return (
    <section className="page" aria-labelledby="cancel-title">
      <title>Payment not completed · Checkout Lab</title>
      <h1 id="cancel-title">Payment not completed</h1>
      <p className="order-ref">
        Order <code>{order.id}</code> <StatusBadge status={order.status} />
      </p>
      {order.status === 'pending' ? (
        <p>
          The payment was cancelled or declined, so nothing was charged. Your order is still pending
          and you can pay for it again.
        </p>
      ) : (
        <p>The server says this order is {order.status}.</p>
      )}
      {lastError?.description && (
        <p className="failure-reason" data-reason={lastError.reason}>
          Gateway said: {lastError.description}
        </p>
      )}
      {verifyError && (
        <p className="hint">The gateway could not be asked just now ({verifyError.message}).</p>
      )}
      <div className="card narrow-card" aria-label="Order summary">
        <OrderItems items={order.items} currency={order.currency} />
        <OrderTotals order={order} />
      </div>
      <div className="actions">
        {order.status === 'pending' && (
          <Link href={paths.pay(order.id)} className="button">
            Try again
          </Link>
        )}
        <Link href={paths.order(order.id)} className="button button-secondary">
          View order
        </Link>
      </div>
    </section>
  );
}
