import { Link } from 'wouter';
import { paths } from '../../config/routes';

export function NotFoundRoute() {
  return (
    <section className="page">
      <title>Not found · Checkout Lab</title>
      <h1>Page not found</h1>
      <p>
        <Link href={paths.catalog()}>Back to the shop</Link>
      </p>
    </section>
  );
}
