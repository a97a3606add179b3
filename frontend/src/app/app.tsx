import { ProductList } from '../features/products/product-list';

export function App() {
  return (
    <>
      <header className="site-header">
        <h1>Checkout Lab</h1>
      </header>
      <main>
        <ProductList />
      </main>
    </>
  );
}
