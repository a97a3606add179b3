import type { PaymentErrorDto } from '@checkout-lab/contracts/dto';
import { ErrorMessage, Notice } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import type { PaymentPhase } from './use-payment';

function FailureReason({ failure }: { failure: PaymentErrorDto }) {
  return (
    <p className="failure-reason" data-testid="payment-failure" data-reason={failure.reason}>
      {failure.description ?? 'The payment did not go through.'}
      {failure.reason && (
        <>
          {' '}
          <span className="hint">
            (reason: <code>{failure.reason}</code>)
          </span>
        </>
      )}
    </p>
  );
}

/** What the buyer needs to know at each step of a payment attempt. */
export function PaymentStatus({ phase }: { phase: PaymentPhase }) {
  switch (phase.name) {
    case 'idle':
      return null;
    case 'starting':
      return <Loading label="Starting a secure checkout…" />;
    case 'loading-script':
      return <Loading label="Loading the payment window…" />;
    case 'verifying':
      return <Loading label="Confirming your payment with the server…" />;
    case 'redirecting':
      return <Loading label="Taking you to the payment page…" />;
    case 'open':
      return phase.failure ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">Payment failed</p>
          <FailureReason failure={phase.failure} />
          <p>You can try again in the payment window, with the same or another method.</p>
        </div>
      ) : (
        <Notice>Complete the payment in the payment window.</Notice>
      );
    case 'dismissed':
      return phase.failure ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">Payment failed</p>
          <FailureReason failure={phase.failure} />
          <p>Nothing was charged and your order is still pending. You can try again below.</p>
        </div>
      ) : (
        <Notice tone="warning">
          You closed the payment window. Nothing was charged and your order is still pending — pay
          whenever you are ready.
        </Notice>
      );
    case 'form':
      return phase.failure ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">Payment failed</p>
          <FailureReason failure={phase.failure} />
          <p>Nothing was charged. Check the details or use another card, then press Pay again.</p>
        </div>
      ) : (
        <Notice>Enter your card details below, then press Pay.</Notice>
      );
    case 'confirming':
      return <Loading label="Confirming the payment with the gateway…" />;
    case 'error':
      return <ErrorMessage title="The payment could not start" error={phase.error} />;
  }
}
