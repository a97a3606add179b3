import type { ProductDto } from '@checkout-lab/contracts/dto';
import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { QuantityStepper } from '../../components/ui/quantity-stepper';
import { paths } from '../../config/routes';
import { MAX_LINE_QUANTITY } from '../../config/store';
import { getProduct } from '../../lib/api-client';
import { formatMoney } from '@checkout-lab/contracts/money';
import { useAsync } from '../../lib/use-async';
import { StockLabel } from './stock-label';

interface ProductDetailProps {
  slug: string;
  renderPurchase?: (product: ProductDto, quantity: number) => ReactNode;
}

export function ProductDetail({ slug, renderPurchase }: ProductDetailProps) {
  const load = useCallback(() => getProduct(slug), [slug]);
  const { data: product, error, reload } = useAsync(load);
  const [quantity, setQuantity] = useState(1);

  if (error?.code === 'PRODUCT_NOT_FOUND') {
    return (
      <section className="page">
        <h1>Product not found</h1>
        <p>It may have been removed from the shop.</p>
        <Link href={paths.catalog()}>Back to all products</Link>
      </section>
    );
  }
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!product) return <Loading label="Loading product…" />;

  return (
    <article className="page product-detail" aria-labelledby="product-title">
      <title>{`${product.name} · Checkout Lab`}</title>
      <Link href={paths.catalog()} className="back-link">
        ← All products
      </Link>
      <div className="product-detail-layout">
        <img src={product.image} alt={product.name} width={640} height={480} />
        <div>
          <h1 id="product-title">{product.name}</h1>
          <p className="price price-large">{formatMoney(product.price, product.currency)}</p>
          <StockLabel stock={product.stock} />
          <p className="description">{product.description}</p>
          {product.stock > 0 && (
            <QuantityStepper
              value={quantity}
              max={Math.min(product.stock, MAX_LINE_QUANTITY)}
              onChange={setQuantity}
              label="Quantity"
            />
          )}
          {renderPurchase?.(product, quantity)}
        </div>
      </div>
    </article>
  );
}
