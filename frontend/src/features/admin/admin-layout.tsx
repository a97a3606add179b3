import type { ReactNode } from 'react';
import { NavLink } from '../../components/ui/nav-link';
import { AdminSessionProvider, useAdminSession } from './admin-session';
import { TokenForm } from './token-form';

const TABS = [
  { to: '/admin', label: 'Orders', end: true },
  { to: '/admin/payments', label: 'Payments' },
  { to: '/admin/webhooks', label: 'Webhook inbox' },
  { to: '/admin/products', label: 'Products' },
  { to: '/admin/emails', label: 'Email outbox' },
];

function AdminShell({ children }: { children: ReactNode }) {
  const { token, signOut } = useAdminSession();
  if (!token) return <TokenForm />;
  return (
    <div className="admin">
      <title>Admin · Checkout Lab</title>
      <div className="admin-bar">
        <nav aria-label="Admin">
          <ul className="tabs">
            {TABS.map((t) => (
              <li key={t.to}>
                <NavLink href={t.to} end={t.end}>
                  {t.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="button-link" onClick={() => signOut()}>
          Sign out
        </button>
      </div>
      {children}
    </div>
  );
}

/** The token gate and the tabs around one admin page (`children`). */
export function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AdminSessionProvider>
      <AdminShell>{children}</AdminShell>
    </AdminSessionProvider>
  );
}
