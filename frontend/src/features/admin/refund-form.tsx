import type { OrderDto } from '@checkout-lab/contracts/dto';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ui/alert';
import { toApiError } from '../../lib/api-client';
import { formatMoney, parseMoneyInput } from '@checkout-lab/contracts/money';
import { useAdminApi } from './admin-session';

/** Refund all that remains, or a part; a second click confirms, so one slip refunds nothing. */
interface RefundFormProps {
  order: OrderDto;
  /** The server's order after the refund, and a sentence saying what happened. */
  onDone(order: OrderDto, message: string): void;
}

export function RefundForm({ order, onDone }: RefundFormProps) {
  const api = useAdminApi();
  const remaining = order.total - order.amountRefunded;
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const amount = amountText.trim() ? parseMoneyInput(amountText, order.currency) : remaining;
  const invalid = amount === null || amount <= 0 || amount > remaining;
  const label = amount && !invalid ? formatMoney(amount, order.currency) : '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (invalid) return;
    if (!confirming) return setConfirming(true);
    setBusy(true);
    setError(null);
    try {
      const updated = await api.refund(order.id, {
        // The API wants it said: an amount, or everything that is left.
        ...(amountText.trim() ? { amount } : { full: true as const }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setAmountText('');
      onDone(updated, `Refunded ${label}.`);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <form className="form refund-form" onSubmit={submit} aria-label="Refund">
      <h2>Refund</h2>
      <p className="hint">Refundable: {formatMoney(remaining, order.currency)}</p>
      <div className="field">
        <label htmlFor="refund-amount">Amount (empty for all of it)</label>
        <input
          id="refund-amount"
          inputMode="decimal"
          value={amountText}
          onChange={(e) => {
            setAmountText(e.target.value);
            setConfirming(false);
          }}
          aria-invalid={invalid || undefined}
        />
        {invalid && amountText && (
          <p className="field-error">
            Enter an amount up to {formatMoney(remaining, order.currency)}.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="refund-reason">Reason (optional)</label>
        <input id="refund-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="actions">
        <button
          type="submit"
          className={confirming ? 'button button-danger' : 'button'}
          disabled={busy || invalid}
        >
          {busy ? 'Refunding…' : confirming ? `Confirm refund of ${label}` : `Refund ${label}`}
        </button>
        {confirming && (
          <button type="button" className="button-link" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
