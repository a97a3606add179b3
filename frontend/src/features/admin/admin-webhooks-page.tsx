import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { StatusBadge } from '../../components/ui/status-badge';
import { formatDateTime } from '../../lib/format-date';
import { useAdminApi } from './admin-session';
import { Pager } from './pager';
import { ResendButton } from './resend-button';
import { useAdminData } from './use-admin-data';
import { WebhookRejections } from './webhook-rejections';
import { WEBHOOK_OUTCOMES } from '@checkout-lab/contracts/statuses';

const OUTCOMES = ['', ...WEBHOOK_OUTCOMES];

/** Every webhook that reached us: its payload, whether its signature held, what it changed. */
export function AdminWebhooksPage() {
  const api = useAdminApi();
  const [filters, setFilters] = useState({ outcome: '', type: '', page: 1 });
  const load = useCallback(() => api.listWebhookEvents(filters), [api, filters]);
  const { data, error, loading, reload } = useAdminData(load);

  return (
    <section aria-labelledby="admin-webhooks">
      <div className="page-head">
        <h1 id="admin-webhooks">Webhook inbox</h1>
        <button type="button" className="button button-secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      <div className="filters" role="search" aria-label="Filter webhooks">
        <label>
          Outcome
          <select
            value={filters.outcome}
            onChange={(e) => setFilters((f) => ({ ...f, outcome: e.target.value, page: 1 }))}
          >
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o ? o.replace(/_/g, ' ') : 'any'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Event type
          <select
            value={filters.type}
            onChange={(e) => setFilters((f) => ({ ...f, type: e.target.value, page: 1 }))}
          >
            {[
              '',
              'payment.authorized',
              'payment.captured',
              'payment.failed',
              'order.paid',
              'refund.created',
              'refund.processed',
              'refund.failed',
            ].map((t) => (
              <option key={t} value={t}>
                {t || 'any'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <WebhookRejections />
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!data && loading && <Loading label="Loading webhook events…" />}
      {data && (
        <>
          <ul className="inbox" aria-label="Webhook events">
            {data.items.map((e) => (
              <li key={e.id} className="card inbox-item">
                <div className="inbox-head">
                  <strong>{e.type}</strong>
                  <StatusBadge status={e.outcome} />
                  <span className={`badge badge-${e.signatureValid ? 'success' : 'danger'}`}>
                    signature {e.signatureValid ? 'valid' : 'invalid'}
                  </span>
                  <span className="hint">
                    {e.gateway} · <code>{e.eventId}</code> · {formatDateTime(e.receivedAt)}
                    {e.attempts > 1 ? ` · ${e.attempts} attempts` : ''}
                    {e.redeliveries > 0 ? ` · received ${e.redeliveries + 1}×, stored once` : ''}
                  </span>
                </div>
                {(e.detail || e.error) && <p className="small">{e.error ?? e.detail}</p>}
                <p className="small inbox-links">
                  {e.orderId ? (
                    <>
                      Order{' '}
                      <Link href={`/admin/orders/${encodeURIComponent(e.orderId)}`}>
                        <code>{e.orderId}</code>
                      </Link>
                      {e.paymentId && (
                        <>
                          {' '}
                          · payment <code>{e.paymentId}</code>
                        </>
                      )}
                    </>
                  ) : (
                    <span className="hint">
                      {e.processedAt ? 'Not about an order of ours' : 'Not processed yet'}
                    </span>
                  )}{' '}
                  · <ResendButton gateway={e.gateway} eventId={e.eventId} stored />
                </p>
                <details>
                  <summary>Payload</summary>
                  <pre className="payload">{JSON.stringify(e.payload, null, 2)}</pre>
                </details>
              </li>
            ))}
          </ul>
          {data.items.length === 0 && <p className="empty">No webhook events match.</p>}
          <Pager {...data} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
        </>
      )}
    </section>
  );
}
