import { useCallback } from 'react';
import { formatDateTime } from '../../lib/format-date';
import { useAdminApi } from './admin-session';
import { ResendButton } from './resend-button';
import { useAdminData } from './use-admin-data';

/**
 * Deliveries whose signature failed are not stored one by one (a flood would fill the inbox):
 * the server counts them and keeps the last few, bodies cut short.
 */
export function WebhookRejections() {
  const api = useAdminApi();
  const load = useCallback(() => api.listWebhookRejections(), [api]);
  const { data } = useAdminData(load);
  const rejected = (data ?? []).filter((r) => r.count > 0);
  if (rejected.length === 0) return null;
  return (
    <details className="card" aria-label="Rejected deliveries">
      <summary>
        Rejected deliveries (bad signature, not stored):{' '}
        {rejected.map((r) => `${r.gateway} ${r.count}`).join(', ')}
      </summary>
      {rejected.map((r) => (
        <ul key={r.gateway} className="plain-list">
          {r.samples.slice(0, 20).map((s) => (
            <li key={`${s.at}-${s.source}`} className="small">
              {formatDateTime(s.at)} · {r.gateway} ·{' '}
              {s.claimedType ? (
                <>
                  claimed <strong>{s.claimedType}</strong>
                  {s.claimedEventId && (
                    <>
                      {' '}
                      <code>{s.claimedEventId}</code>
                    </>
                  )}{' '}
                  ·{' '}
                </>
              ) : (
                'claims no event type · '
              )}
              {s.source || 'unknown source'} · {s.reason}
              {s.claimedEventId && (
                <>
                  {' '}
                  · <ResendButton gateway={r.gateway} eventId={s.claimedEventId} stored={false} />
                </>
              )}
              <pre className="payload">{s.body}</pre>
            </li>
          ))}
        </ul>
      ))}
    </details>
  );
}
