import type { PaymentDto } from '@checkout-lab/contracts/dto';
import { StatusBadge } from '../../components/ui/status-badge';
import { formatMoney } from '@checkout-lab/contracts/money';

/** One row per checkout attempt: a failed attempt and its successful retry are both here. */
export function PaymentAttempts({ payments }: { payments: PaymentDto[] }) {
  if (payments.length === 0) return <p className="hint">No payment attempts yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>Payment attempts</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Gateway</th>
            <th scope="col">Method</th>
            <th scope="col">Status</th>
            <th scope="col">Amount</th>
            <th scope="col">Signature</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr key={p.id}>
              <td>{p.attempt}</td>
              <td>{p.gateway}</td>
              <td>{p.method ?? '—'}</td>
              <td>
                <StatusBadge status={p.status} />
                {p.refundStatus && <span className="hint"> ({p.refundStatus} refund)</span>}
              </td>
              <td>{formatMoney(p.amount, p.currency)}</td>
              <td>{p.signatureVerified ? 'verified' : '—'}</td>
              <td className="small">
                {p.error?.description ?? p.refs.paymentId ?? p.refs.orderId ?? ''}
                {p.error?.reason && <code> {p.error.reason}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
