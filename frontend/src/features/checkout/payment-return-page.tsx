import type { OrderDto } from '@checkout-lab/contracts/dto';
import { useCallback, useEffect } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { OrderItems } from '../../components/ui/order-items';
import { OrderTotals } from '../../components/ui/order-totals';
import { StatusBadge } from '../../components/ui/status-badge';
import { paths } from '../../config/routes';
import { ApiError, confirmPaymentReturn, getOrder, toApiError } from '../../lib/api-client';
import { useAsync } from '../../lib/use-async';

/**
 * Where a gateway sends the buyer back: /payment/success or /payment/cancel from a hosted page,
 * or /payment/return when the URL does not say how it went (an embedded form's bank check), with
 * `?gateway=…&order=…` and whatever the gateway adds (RupantorPay: `transactionId`, …; Stripe:
 * `payment_intent`, …). The query string proves nothing (anyone can type it), so it goes to the
 * server as it is, the server asks the gateway, and its answer is what we show: on
 * /payment/return, a paid order goes to its success page and an unpaid one can be paid again.
 */
export function PaymentReturnPage({ outcome }: { outcome: 'success' | 'cancel' | 'return' }) {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const query = params.toString();

  const verify = useCallback(async (): Promise<{ order: OrderDto; verifyError?: ApiError }> => {
    const {
      order: orderId,
      gateway: named,
      ...returned
    } = Object.fromEntries(new URLSearchParams(query));
    if (!orderId) throw new ApiError('BAD_RETURN', 'This return link does not name an order.');
    // A return that brings nothing back (a bare cancel link) has nothing to verify.
    if (Object.keys(returned).length === 0) return { order: await getOrder(orderId) };
    // Our return URLs name their gateway; an older link is the order's latest attempt's.
    const gateway = named ?? (await getOrder(orderId)).payments.at(-1)?.gateway;
    if (!gateway) return { order: await getOrder(orderId) };
    try {
      return { order: await confirmPaymentReturn(gateway, orderId, returned) };
    } catch (err) {
      return { order: await getOrder(orderId), verifyError: toApiError(err) };
    }
  }, [query]);
  const { data, error, reload } = useAsync(verify);

  const verified =
    data &&
    !data.verifyError &&
    (outcome === 'success' || (outcome === 'return' && data.order.status !== 'pending'));
  useEffect(() => {
    if (verified) navigate(paths.success(data.order.id), { replace: true });
  }, [verified, data, navigate]);

  if (error)
    return <ErrorMessage title="Could not check the payment" error={error} onRetry={reload} />;
  if (!data || verified) return <Loading label="Checking the payment with the gateway…" />;
  const { order, verifyError } = data;

  if (outcome === 'success' || (outcome === 'return' && verifyError)) {
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
          The payment was cancelled, declined or not confirmed by the bank, so nothing was charged.
          Your order is still pending and you can pay for it again.
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
