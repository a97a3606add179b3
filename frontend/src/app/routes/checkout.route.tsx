import { cartStore } from '../../features/cart/cart.store';
import { useCart } from '../../features/cart/use-cart';
import { CheckoutPage } from '../../features/checkout/checkout-page';

export function CheckoutRoute() {
  const cart = useCart();
  // The order now holds the items (priced by the server), so the cart's job is done; a pending
  // order can be paid later from its own page.
  return <CheckoutPage items={cart.lines} onOrderCreated={() => cartStore.clear()} />;
}
