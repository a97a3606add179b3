import type { ProductDto } from '@checkout-lab/contracts/dto';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { paths } from '../../config/routes';
import { formatMoney } from '@checkout-lab/contracts/money';
import { StockLabel } from './stock-label';

export function ProductCard({ product, actions }: { product: ProductDto; actions?: ReactNode }) {
  const titleId = `product-${product.slug}`;
  return (
    <li className="product-card" aria-labelledby={titleId} data-testid="product-card">
      <Link href={paths.product(product.slug)} className="product-card-image" tabIndex={-1}>
        <img src={product.image || '/products/placeholder.svg'} alt="" width={320} height={240} />
      </Link>
      <div className="product-card-body">
        <h2 id={titleId}>
          <Link href={paths.product(product.slug)}>{product.name}</Link>
        </h2>
        <p className="price">{formatMoney(product.price, product.currency)}</p>
        <StockLabel stock={product.stock} />
      </div>
      {actions}
    </li>
  );
}
