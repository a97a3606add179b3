import { useCallback } from 'react';
import { Link } from 'wouter';
import { ErrorMessage } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { formatDateTime } from '../../lib/format-date';
import { useAdminApi } from './admin-session';
import { useAdminData } from './use-admin-data';

/** What the shop would have emailed: the local outbox (or copies of what SMTP sent). */
export function AdminEmailsPage() {
  const api = useAdminApi();
  const load = useCallback(() => api.listEmails(), [api]);
  const { data, error, loading, reload } = useAdminData(load);

  return (
    <section aria-labelledby="admin-emails">
      <div className="page-head">
        <h1 id="admin-emails">Email outbox</h1>
        <button type="button" className="button button-secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!data && loading && <Loading label="Loading emails…" />}
      {data?.length === 0 && <p className="empty">No emails sent yet.</p>}
      <ul className="inbox" aria-label="Emails">
        {data?.map((m) => (
          <li key={m.id} className="card inbox-item">
            <div className="inbox-head">
              <strong>{m.subject}</strong>
              <span className="hint">
                to {m.to} · {formatDateTime(m.sentAt)} · {m.delivery}
              </span>
              {m.orderId && (
                <Link href={`/admin/orders/${encodeURIComponent(m.orderId)}`}>
                  <code>{m.orderId}</code>
                </Link>
              )}
            </div>
            <details>
              <summary>Message</summary>
              <pre className="payload">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
