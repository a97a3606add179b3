import type { GatewayName } from '@checkout-lab/contracts/dto';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { ClosedOrderNotice } from '../../components/ui/closed-order-notice';
import { Loading } from '../../components/ui/loading';
import { OrderItems } from '../../components/ui/order-items';
import { OrderTotals } from '../../components/ui/order-totals';
import { StatusBadge } from '../../components/ui/status-badge';
import { paths } from '../../config/routes';
import { getOrder } from '../../lib/api-client';
import { formatMoney } from '@checkout-lab/contracts/money';
import { useStoreConfig } from '../../lib/store-config';
import { useAsync } from '../../lib/use-async';
import { GatewayChoice } from './gateway-choice';
import { PaymentStatus } from './payment-status';
import { usePayment, type PaymentPhase } from './use-payment';

const BUSY = new Set<PaymentPhase['name']>([
  'starting',
  'loading-script',
  'open',
  'confirming',
  'verifying',
  'redirecting',
]);
/** While an embedded form may be on the page, its container is shown. */
const FORM_SHOWN = new Set<PaymentPhase['name']>(['loading-script', 'form', 'confirming']);

/** Step 2 of 2: the server's totals, a gateway, and the Pay button that opens the checkout. */
export function PayPage({ orderId }: { orderId: string }) {
  const [, navigate] = useLocation();
  const config = useStoreConfig();
  const load = useCallback(() => getOrder(orderId), [orderId]);
  const { data: order, error, reload } = useAsync(load);
  const [chosen, setChosen] = useState<GatewayName | null>(null);
  const payButton = useRef<HTMLButtonElement>(null);

  const onVerified = useCallback(() => navigate(paths.success(orderId)), [navigate, orderId]);
  const { phase, pay, formContainer, submitForm, cancelForm } = usePayment(orderId, {
    onVerified,
    onAttemptEnded: reload,
  });

  // After the modal closes, keyboard focus returns to the button that opened it.
  useEffect(() => {
    if (phase.name === 'dismissed' || phase.name === 'error') payButton.current?.focus();
  }, [phase.name]);

  if (error && !order) {
    return error.code === 'ORDER_NOT_FOUND' ? (
      <section className="page">
        <h1>Order not found</h1>
        <Link href={paths.catalog()}>Back to the shop</Link>
      </section>
    ) : (
      <ErrorMessage title="Could not load your order" error={error} onRetry={reload} />
    );
  }
  if (!order) return <Loading label="Loading your order…" />;

  const gateways = (config.data?.gateways ?? []).filter((g) =>
    g.currencies.includes(order.currency),
  );
  const gateway = chosen ?? gateways[0]?.name ?? null;
  const busy = BUSY.has(phase.name);
  const retrying =
    phase.name === 'dismissed' ||
    phase.name === 'error' ||
    (phase.name === 'form' && phase.failure !== undefined);
  const amount = formatMoney(order.total, order.currency);

  return (
    <section className="page pay" aria-labelledby="pay-title">
      <title>Payment · Checkout Lab</title>
      <h1 id="pay-title">Payment</h1>
      <ol className="steps" aria-label="Checkout steps">
        <li>Your details</li>
        <li aria-current="step">Payment</li>
      </ol>
      <div className="checkout-layout">
        <div className="card">
          <p className="order-ref">
            Order <code>{order.id}</code> <StatusBadge status={order.status} />
          </p>
          {order.status === 'cancelled' ? (
            <ClosedOrderNotice order={order} />
          ) : order.status !== 'pending' ? (
            <p>
              This order is {order.status}; there is nothing to pay.{' '}
              <Link href={paths.order(order.id)}>View the order</Link>
            </p>
          ) : (
            <>
              <PaymentStatus phase={phase} />
              {config.error && (
                <ErrorMessage
                  title="Payment options could not be loaded"
                  error={config.error}
                  onRetry={config.reload}
                />
              )}
              {config.data && gateways.length === 0 && (
                <ErrorMessage error={`No payment method takes ${order.currency} payments yet.`} />
              )}
              {gateways.length > 0 && (
                <GatewayChoice
                  gateways={gateways}
                  value={gateway}
                  onChange={(next) => {
                    cancelForm();
                    setChosen(next);
                  }}
                  disabled={busy}
                />
              )}
              {/* An embedded gateway's card form is mounted here (it is the gateway's frame). */}
              <div
                ref={formContainer}
                className="embedded-form"
                data-testid="embedded-payment-form"
                hidden={!FORM_SHOWN.has(phase.name)}
              />
              <button
                ref={payButton}
                type="button"
                className="button button-block button-pay"
                disabled={busy || !gateway}
                aria-busy={busy || undefined}
                onClick={() => {
                  if (phase.name === 'form') void submitForm();
                  else if (gateway) void pay(gateway);
                }}
              >
                {retrying ? `Try again — pay ${amount}` : `Pay ${amount}`}
              </button>
              <p className="hint">
                Card details go straight to the payment gateway; this shop never sees them.
              </p>
            </>
          )}
        </div>
        <aside className="card" aria-label="Order summary">
          <h2>Order summary</h2>
          <OrderItems items={order.items} currency={order.currency} />
          <OrderTotals order={order} />
        </aside>
      </div>
    </section>
  );
}
