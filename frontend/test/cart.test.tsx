import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { CART_STORAGE_KEY } from '../src/config/store';
import { cartStore, createCartStore } from '../src/features/cart/cart.store';
import { CartPage } from '../src/features/cart/cart-page';
import { makeProduct } from './helpers/fixtures';

beforeEach(() => {
  cartStore.clear();
  localStorage.clear();
});

describe('the cart store', () => {
  test('when the same product is added twice, then it is one line with the quantities summed', () => {
    const store = createCartStore(localStorage);
    store.add(makeProduct(), 2);
    store.add(makeProduct(), 1);
    expect(store.getSnapshot()).toEqual([
      expect.objectContaining({ slug: 'canvas-tote-bag', quantity: 3 }),
    ]);
  });

  test('when more than the stock is asked for, then the quantity stops at the stock', () => {
    const store = createCartStore(localStorage);
    const result = store.add(makeProduct({ stock: 3 }), 5);
    expect(result).toEqual({ ok: true, quantity: 3 });
    expect(store.add(makeProduct({ stock: 3 }), 1)).toMatchObject({ ok: false });
    store.setQuantity('canvas-tote-bag', 0);
    expect(store.getSnapshot()[0]?.quantity).toBe(1);
  });

  test('when a product in another currency is added, then it is refused with a reason', () => {
    const store = createCartStore(localStorage);
    store.add(makeProduct());
    const result = store.add(makeProduct({ slug: 'jamdani-scarf', currency: 'BDT' }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('one currency') });
    expect(store.getSnapshot()).toHaveLength(1);
  });

  test('when the page is reloaded, then the cart comes back from storage and junk is dropped', () => {
    createCartStore(localStorage).add(makeProduct(), 2);
    const raw = JSON.parse(localStorage.getItem(CART_STORAGE_KEY) ?? '[]') as unknown[];
    localStorage.setItem(CART_STORAGE_KEY, JSON.stringify([...raw, { slug: 'x', price: 'free' }]));
    expect(createCartStore(localStorage).getSnapshot()).toEqual([
      expect.objectContaining({ slug: 'canvas-tote-bag', quantity: 2 }),
    ]);
  });
});

describe('the cart page', () => {
  const renderCart = () =>
    render(
      <Router hook={memoryLocation({ path: '/cart' }).hook}>
        <CartPage />
      </Router>,
    );

  test('when lines change, then the estimate is Σ price × quantity and is labelled an estimate', async () => {
    cartStore.add(makeProduct(), 2);
    cartStore.add(
      makeProduct({ slug: 'ceramic-coffee-mug', name: 'Ceramic Coffee Mug', price: 34900 }),
    );
    renderCart();

    expect(screen.getByText('Estimated subtotal')).toBeInTheDocument();
    expect(screen.getByTestId('cart-estimate')).toHaveTextContent('₹1,347.00');
    expect(screen.getByText(/worked out by the server/)).toBeInTheDocument();

    const user = userEvent.setup();
    const mug = screen.getByTestId('cart-line-ceramic-coffee-mug');
    await user.click(within(mug).getByRole('button', { name: /increase quantity/i }));
    expect(within(mug).getByText('₹698.00')).toBeInTheDocument();
    expect(screen.getByTestId('cart-estimate')).toHaveTextContent('₹1,696.00');

    await user.click(screen.getByRole('button', { name: 'Remove Canvas Tote Bag from cart' }));
    expect(screen.getByTestId('cart-estimate')).toHaveTextContent('₹698.00');
  });

  test('when the cart is empty, then it says so and offers the catalogue', () => {
    renderCart();
    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse products' })).toHaveAttribute('href', '/');
  });
});
