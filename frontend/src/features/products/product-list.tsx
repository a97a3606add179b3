import { useEffect, useState } from 'react';
import { fetchProducts, type Product } from '../../lib/api-client';
import { formatMoney } from '../../lib/money';

export function ProductList() {
  const [products, setProducts] = useState<Product[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchProducts().then(setProducts, () =>
      setError('Could not load the products. Is the backend running?'),
    );
  }, []);

  if (error) return <p role="alert">{error}</p>;
  if (!products) return <p aria-busy="true">Loading products…</p>;
  return (
    <ul className="product-grid" aria-label="Products">
      {products.map((p) => (
        <li key={p.id} className="product-card">
          <img src={p.image} alt="" width={240} height={180} />
          <h2>{p.name}</h2>
          <p className="price">{formatMoney(p.price, p.currency)}</p>
          <p className="stock">{p.stock > 0 ? `${p.stock} in stock` : 'Out of stock'}</p>
        </li>
      ))}
    </ul>
  );
}
