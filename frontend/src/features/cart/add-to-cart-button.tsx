import type { ProductDto } from '@checkout-lab/contracts/dto';
import { useState } from 'react';
import { useCart } from './use-cart';

export function AddToCartButton({
  product,
  quantity = 1,
}: {
  product: ProductDto;
  quantity?: number;
}) {
  const cart = useCart();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const soldOut = product.stock <= 0;

  const add = () => {
    const result = cart.add(product, quantity);
    setMessage(
      result.ok
        ? { ok: true, text: `Added — ${result.quantity} in your cart` }
        : { ok: false, text: result.message },
    );
  };

  return (
    <div className="add-to-cart">
      <button
        type="button"
        className="button"
        onClick={add}
        disabled={soldOut}
        aria-label={soldOut ? `${product.name} is sold out` : `Add ${product.name} to cart`}
      >
        {soldOut ? 'Sold out' : 'Add to cart'}
      </button>
      <p className={message?.ok === false ? 'field-error' : 'hint'} role="status">
        {message?.text}
      </p>
    </div>
  );
}
