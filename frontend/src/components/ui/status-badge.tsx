const TONE: Record<string, string> = {
  pending: 'warning',
  created: 'warning',
  authorized: 'info',
  paid: 'success',
  captured: 'success',
  fulfilled: 'success',
  applied: 'success',
  refunded: 'neutral',
  cancelled: 'neutral',
  ignored: 'neutral',
  no_change: 'neutral',
  failed: 'danger',
  expired: 'neutral',
  rejected: 'danger',
  unknown_order: 'danger',
};

/** An order, payment or webhook status as a coloured pill; the word itself carries the meaning. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span className={`badge badge-${TONE[status] ?? 'neutral'}`} data-status={status}>
      {label ?? status.replace(/_/g, ' ')}
    </span>
  );
}
