import type { ReconcileSummary } from '@checkout-lab/contracts/dto';
import { useState } from 'react';
import { ErrorMessage, Notice } from '../../components/ui/alert';
import { toApiError } from '../../lib/api-client';
import { useAdminApi } from './admin-session';

/** Runs the reconciliation job now, for every unsettled payment however recent. */
export function ReconcileButton({ onDone }: { onDone?(): void }) {
  const api = useAdminApi();
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ReconcileSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setSummary(await api.reconcile(0));
      onDone?.();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reconcile">
      <button type="button" className="button" onClick={run} disabled={busy}>
        {busy ? 'Reconciling…' : 'Reconcile now'}
      </button>
      {summary && (
        <Notice tone="success">
          Checked {summary.checked} payment{summary.checked === 1 ? '' : 's'}, settled{' '}
          {summary.settled}, gateway errors {summary.gatewayErrors}, webhooks retried{' '}
          {summary.webhooksRetried}, orders repaired {summary.ordersRepaired}, fulfilments resumed{' '}
          {summary.fulfilmentsResumed}, stock holds released {summary.holdsReleased}, unpaid orders
          expired {summary.ordersExpired}.
        </Notice>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
