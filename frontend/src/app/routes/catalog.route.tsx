import { AddToCartButton } from '../../features/cart/add-to-cart-button';
import { ProductList } from '../../features/products/product-list';

// The first page: kept out of lazy chunks so it renders from the entry bundle alone.
export function CatalogRoute() {
  return (
    <section className="page" aria-labelledby="catalog-title">
      <title>Checkout Lab — a demo shop with a real payment flow</title>
      <div className="hero">
        <h1 id="catalog-title">Small things, honestly paid for</h1>
        <p>
          A demo shop whose checkout works like a real one: server-side prices, a gateway modal,
          signature checks and webhooks — and a timeline that shows you each step.
        </p>
      </div>
      <ProductList renderActions={(p) => <AddToCartButton product={p} />} />
    </section>
  );
}
