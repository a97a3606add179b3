import { useParams } from 'react-router';
import { AddToCartButton } from '../../features/cart/add-to-cart-button';
import { ProductDetail } from '../../features/products/product-detail';

export function Component() {
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
