import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { StatusBadge } from '../../components/ui/status-badge';
import { formatDateTime } from '../../lib/format-date';
import { formatMoney } from '@checkout-lab/contracts/money';
import { ORDER_STATUSES } from '@checkout-lab/contracts/statuses';
import { useAdminApi } from './admin-session';
import { Pager } from './pager';
import { useAdminData } from './use-admin-data';

const STATUSES = ['', ...ORDER_STATUSES];

export function AdminOrdersPage() {
  const api = useAdminApi();
  const [filters, setFilters] = useState({ status: '', email: '', page: 1 });
  const [emailDraft, setEmailDraft] = useState('');
  const load = useCallback(() => api.listOrders(filters), [api, filters]);
  const { data, error, loading, reload } = useAdminData(load);

  const applyEmail = (e: FormEvent) => {
    e.preventDefault();
    setFilters((f) => ({ ...f, email: emailDraft.trim(), page: 1 }));
  };

  return (
    <section aria-labelledby="admin-orders">
      <div className="page-head">
        <h1 id="admin-orders">Orders</h1>
        <button type="button" className="button button-secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      <form className="filters" onSubmit={applyEmail} role="search" aria-label="Filter orders">
        <label>
          Status
          <select
            value={filters.status}
            onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value, page: 1 }))}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s || 'any'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer email
          <input
            type="email"
            value={emailDraft}
            onChange={(e) => setEmailDraft(e.target.value)}
            placeholder="asha@example.com"
          />
        </label>
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </form>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!data && loading && <Loading label="Loading orders…" />}
      {data && (
        <>
          <div className="table-scroll">
            <table className="table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Total</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/admin/orders/${encodeURIComponent(o.id)}`}>
                        <code>{o.id}</code>
                      </Link>
                    </td>
                    <td>
                      {o.customer.name}
                      <br />
                      <span className="hint">{o.customer.email}</span>
                    </td>
                    <td>{formatMoney(o.total, o.currency)}</td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                    <td>{o.attempts}</td>
                    <td>{formatDateTime(o.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.items.length === 0 && <p className="empty">No orders match.</p>}
          <Pager
            page={data.page}
            limit={data.limit}
            total={data.total}
            onPage={(page) => setFilters((f) => ({ ...f, page }))}
          />
        </>
      )}
    </section>
  );
}
