import { Link } from 'wouter';
import { paths } from '../../config/routes';
import { formatMoney } from '@checkout-lab/contracts/money';
import { estimateSubtotal } from './cart-estimate';
import { CartLineItem } from './cart-line-item';
import { useCart } from './use-cart';

export function CartPage() {
  const cart = useCart();
  const estimate = estimateSubtotal(cart.lines);

  return (
    <section className="page" aria-labelledby="cart-title">
      <title>Your cart · Checkout Lab</title>
      <h1 id="cart-title">Your cart</h1>
      {cart.lines.length === 0 ? (
        <div className="empty">
          <p>Your cart is empty.</p>
          <Link href={paths.catalog()} className="button">
            Browse products
          </Link>
        </div>
      ) : (
        <div className="cart-layout">
          <ul className="cart-lines" aria-label="Cart items">
            {cart.lines.map((line) => (
              <CartLineItem
                key={line.slug}
                line={line}
                onQuantity={(q) => cart.setQuantity(line.slug, q)}
                onRemove={() => cart.remove(line.slug)}
              />
            ))}
          </ul>
          {estimate && (
            <aside className="card cart-summary" aria-label="Cart summary">
              <p className="cart-estimate">
                <span>Estimated subtotal</span>
                <strong data-testid="cart-estimate">
                  {formatMoney(estimate.amount, estimate.currency)}
                </strong>
              </p>
              <p className="hint">
                An estimate from the prices you saw. Tax, shipping and coupons are worked out by the
                server when you place the order, and its total is what you pay.
              </p>
              <Link href={paths.checkout()} className="button button-block">
                Checkout
              </Link>
            </aside>
          )}
        </div>
      )}
    </section>
  );
}
