import { Link, NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { paths } from '../config/routes';
import { useCart } from '../features/cart/use-cart';
import { StoreConfigProvider } from '../lib/store-config';
import { SandboxBadge } from './sandbox-badge';

export function RootLayout() {
  const { count } = useCart();
  const navigation = useNavigation();
  return (
    <StoreConfigProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={paths.catalog()} className="brand">
            <span aria-hidden="true" className="brand-mark">
              ◆
            </span>{' '}
            Checkout Lab
          </Link>
          <SandboxBadge />
          <nav aria-label="Main" className="site-nav">
            <NavLink to={paths.catalog()} end>
              Shop
            </NavLink>
            <NavLink to={paths.cart()} aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}>
              Cart <span className="cart-count">{count}</span>
            </NavLink>
            <NavLink to={paths.admin()}>Admin</NavLink>
          </nav>
        </div>
        {navigation.state === 'loading' && <div className="progress" aria-hidden="true" />}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Checkout Lab is a teaching shop: nothing here ships. Source and tutorial in the
          repo&apos;s <code>docs/</code>.
        </p>
      </footer>
      <ScrollRestoration />
    </StoreConfigProvider>
  );
}
