import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { StatusBadge } from '../../components/ui/status-badge';
import { formatDateTime } from '../../lib/format-date';
import { formatMoney } from '@checkout-lab/contracts/money';
import { PAYMENT_STATUSES } from '@checkout-lab/contracts/statuses';
import { useStoreConfig } from '../../lib/store-config';
import { useAdminApi } from './admin-session';
import { Pager } from './pager';
import { ReconcileButton } from './reconcile-button';
import { useAdminData } from './use-admin-data';

const STATUSES = ['', ...PAYMENT_STATUSES];

export function AdminPaymentsPage() {
  const api = useAdminApi();
  const [filters, setFilters] = useState({ status: '', gateway: '', page: 1 });
  const load = useCallback(() => api.listPayments(filters), [api, filters]);
  const { data, error, loading, reload } = useAdminData(load);
  const gateways = ['', ...(useStoreConfig().data?.gateways.map((g) => g.name) ?? [])];
  const select = (key: 'status' | 'gateway', options: string[]) => (
    <label>
      {key === 'status' ? 'Status' : 'Gateway'}
      <select
        value={filters[key]}
        onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value, page: 1 }))}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {o || 'any'}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="admin-payments">
      <div className="page-head">
        <h1 id="admin-payments">Payments</h1>
        <ReconcileButton onDone={reload} />
      </div>
      <div className="filters" role="search" aria-label="Filter payments">
        {select('status', STATUSES)}
        {select('gateway', gateways)}
      </div>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!data && loading && <Loading label="Loading payments…" />}
      {data && (
        <>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Order</th>
                  <th scope="col">Attempt</th>
                  <th scope="col">Gateway</th>
                  <th scope="col">Status</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Method</th>
                  <th scope="col">Gateway ids / error</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDateTime(p.createdAt)}</td>
                    <td>
                      {p.orderId ? (
                        <Link href={`/admin/orders/${encodeURIComponent(p.orderId)}`}>
                          <code>{p.orderId}</code>
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{p.attempt}</td>
                    <td>{p.gateway}</td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td>
                      {formatMoney(p.amount, p.currency)}
                      {p.amountRefunded > 0 && (
                        <span className="hint">
                          {' '}
                          (−{formatMoney(p.amountRefunded, p.currency)})
                        </span>
                      )}
                    </td>
                    <td>{p.method ?? '—'}</td>
                    <td className="small">
                      {p.error ? (
                        <>
                          {p.error.description} <code>{p.error.reason}</code>
                        </>
                      ) : (
                        <code>{p.refs.paymentId ?? p.refs.orderId}</code>
                      )}
                      {p.refs.acquirerRef && (
                        <span className="hint" data-testid="payment-trx-id">
                          {' '}
                          trx_id <code>{p.refs.acquirerRef}</code>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.items.length === 0 && <p className="empty">No payments match.</p>}
          <Pager {...data} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
        </>
      )}
    </section>
  );
}
