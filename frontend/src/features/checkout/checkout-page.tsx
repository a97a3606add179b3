import type { OrderDto } from '@checkout-lab/contracts/dto';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { paths } from '../../config/routes';
import { ApiError, createOrder } from '../../lib/api-client';
import { CheckoutForm } from './checkout-form';
import {
  fieldForServerPath,
  toCustomerInput,
  type CheckoutErrors,
  type CheckoutValues,
} from './customer-validation';

export interface CheckoutItem {
  slug: string;
  name: string;
  quantity: number;
}

interface CheckoutPageProps {
  items: readonly CheckoutItem[];
  onOrderCreated?(order: OrderDto): void;
}

/** Step 1 of 2: who is buying. The server then prices the cart and creates the order. */
export function CheckoutPage({ items, onOrderCreated }: CheckoutPageProps) {
  const [, navigate] = useLocation();
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (values: CheckoutValues): Promise<CheckoutErrors | void> => {
    setError(null);
    try {
      const order = await createOrder({
        items: items.map(({ slug, quantity }) => ({ slug, quantity })),
        ...toCustomerInput(values),
      });
      onOrderCreated?.(order);
      navigate(paths.pay(order.id));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'INVALID_COUPON') return { coupon: err.message };
      const fields: CheckoutErrors = {};
      for (const d of err.details) {
        const f = fieldForServerPath(d.path);
        if (f) fields[f] = d.message;
      }
      if (Object.keys(fields).length > 0) return fields;
      setError(err);
    }
  };

  if (items.length === 0) {
    return (
      <section className="page">
        <title>Checkout · Checkout Lab</title>
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link href={paths.catalog()} className="button">
          Browse products
        </Link>
      </section>
    );
  }

  return (
    <section className="page checkout" aria-labelledby="checkout-title">
      <title>Checkout · Checkout Lab</title>
      <h1 id="checkout-title">Checkout</h1>
      <ol className="steps" aria-label="Checkout steps">
        <li aria-current="step">Your details</li>
        <li>Payment</li>
      </ol>
      <div className="checkout-layout">
        <div className="card">
          {error && (
            <ErrorMessage title="We could not place the order" error={error}>
              {(error.code === 'INSUFFICIENT_STOCK' || error.code === 'UNKNOWN_PRODUCT') && (
                <p>
                  <Link href={paths.cart()}>Review your cart</Link>
                </p>
              )}
            </ErrorMessage>
          )}
          <CheckoutForm onSubmit={submit} />
        </div>
        <aside className="card" aria-label="You are ordering">
          <h2>You are ordering</h2>
          <ul className="plain-list">
            {items.map((i) => (
              <li key={i.slug}>
                {i.quantity} × {i.name}
              </li>
            ))}
          </ul>
          <p className="hint">
            The next step shows the server&apos;s total — tax, shipping and discounts included —
            before you pay.
          </p>
          <Link href={paths.cart()}>Edit cart</Link>
        </aside>
      </div>
    </section>
  );
}
