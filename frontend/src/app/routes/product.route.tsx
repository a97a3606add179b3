import { useParams } from 'wouter';
import { AddToCartButton } from '../../features/cart/add-to-cart-button';
import { ProductDetail } from '../../features/products/product-detail';

export function ProductRoute() {
  const { slug = '' } = useParams();
  return (
    <ProductDetail
      key={slug}
      slug={slug}
      renderPurchase={(product, quantity) => (
        <AddToCartButton product={product} quantity={quantity} />
      )}
    />
  );
}
