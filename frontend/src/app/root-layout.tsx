import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { NavLink } from '../components/ui/nav-link';
import { paths } from '../config/routes';
import { useCart } from '../features/cart/use-cart';
import { StoreConfigProvider } from '../lib/store-config';
import { SandboxBadge } from './sandbox-badge';
import { ScrollToTop } from './scroll-to-top';

export function RootLayout({ children }: { children: ReactNode }) {
  const { count } = useCart();
  return (
    <StoreConfigProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href={paths.catalog()} className="brand">
            <span aria-hidden="true" className="brand-mark">
              ◆
            </span>{' '}
            Checkout Lab
          </Link>
          <SandboxBadge />
          <nav aria-label="Main" className="site-nav">
            <NavLink href={paths.catalog()} end>
              Shop
            </NavLink>
            <NavLink
              href={paths.cart()}
              aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}
            >
              Cart <span className="cart-count">{count}</span>
            </NavLink>
            <NavLink href={paths.admin()}>Admin</NavLink>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Checkout Lab is a teaching shop: nothing here ships. Source and tutorial in the
          repo&apos;s <code>docs/</code>.
        </p>
      </footer>
      <ScrollToTop />
    </StoreConfigProvider>
  );
}
