import type { ProductDto } from '@checkout-lab/contracts/dto';
import { useEffect, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { listProducts } from '../../lib/api-client';
import { useAsync } from '../../lib/use-async';
import { ProductCard } from './product-card';

/** User Timing mark that `npm run bench` reads: when the first products are on screen. */
export const PRODUCT_LIST_MARK = 'product-list-rendered';

export function ProductList({ renderActions }: { renderActions?: (p: ProductDto) => ReactNode }) {
  const { data: products, error, reload } = useAsync(listProducts);

  useEffect(() => {
    if (products?.length && performance.getEntriesByName(PRODUCT_LIST_MARK).length === 0) {
      performance.mark(PRODUCT_LIST_MARK);
    }
  }, [products]);

  if (error && !products) {
    return <ErrorMessage title="Could not load the products" error={error} onRetry={reload} />;
  }
  if (!products) return <Loading label="Loading products…" />;
  if (products.length === 0) return <p className="empty">No products yet.</p>;
  return (
    <ul className="product-grid" aria-label="Products">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} actions={renderActions?.(p)} />
      ))}
    </ul>
  );
}
