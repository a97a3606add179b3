import type { GatewayName, OrderDto, PaymentErrorDto } from '@checkout-lab/contracts/dto';
import type { RazorpayHandlerPayload } from './razorpay-modal';
import { useCallback, useEffect, useRef, useState } from 'react';
import { confirmPaymentReturn, startCheckout, toApiError } from '../../lib/api-client';
import { ScriptLoadError } from './load-script';
import { openRazorpayModal } from './razorpay-modal';

export type PaymentPhase =
  | { name: 'idle' }
  | { name: 'starting' }
  | { name: 'loading-script' }
  /** The modal is open; `failure` is the last failed attempt inside it (it offers a retry). */
  | { name: 'open'; failure?: PaymentErrorDto }
  | { name: 'verifying' }
  | { name: 'dismissed'; failure?: PaymentErrorDto }
  | { name: 'redirecting' }
  | { name: 'error'; error: { message: string; code?: string } };

// Answers that prove the return was not genuine; anything else (a timeout, a gateway outage)
// leaves the truth to the server, which learns it from the webhook or reconciliation.
const REJECTED = new Set(['INVALID_SIGNATURE', 'PAYMENT_MISMATCH', 'UNKNOWN_CHECKOUT']);

interface PaymentCallbacks {
  /** The handler's payload was posted; `order` is null when the server could not say yet. */
  onVerified(order: OrderDto | null): void;
  /** The order may have changed (an attempt started, failed or was abandoned): re-read it. */
  onAttemptEnded?(): void;
}

export function usePayment(orderId: string, { onVerified, onAttemptEnded }: PaymentCallbacks) {
  const [phase, setPhase] = useState<PaymentPhase>({ name: 'idle' });
  const modal = useRef<{ close(): void } | null>(null);

  // Leaving the page closes a modal that is still open.
  useEffect(() => () => modal.current?.close(), []);

  const verify = useCallback(
    async (gateway: GatewayName, payload: RazorpayHandlerPayload) => {
      setPhase({ name: 'verifying' });
      try {
        onVerified(await confirmPaymentReturn(gateway, orderId, { ...payload }));
      } catch (err) {
        const error = toApiError(err);
        if (REJECTED.has(error.code)) setPhase({ name: 'error', error });
        else onVerified(null);
      }
    },
    [orderId, onVerified],
  );

  const pay = useCallback(
    async (gateway: GatewayName) => {
      setPhase({ name: 'starting' });
      let checkout;
      try {
        ({ checkout } = await startCheckout(orderId, gateway));
      } catch (err) {
        setPhase({ name: 'error', error: toApiError(err) });
        onAttemptEnded?.();
        return;
      }

      // The one gateway-shaped branch: a hosted page elsewhere, or a modal on this page.
      if (checkout.kind === 'redirect') {
        setPhase({ name: 'redirecting' });
        window.location.assign(checkout.url);
        return;
      }
      if (checkout.kind === 'embedded') {
        setPhase({
          name: 'error',
          error: { message: 'This storefront cannot show that payment form yet.' },
        });
        return;
      }

      setPhase({ name: 'loading-script' });
      let failure: PaymentErrorDto | undefined;
      let succeeded = false;
      try {
        modal.current = await openRazorpayModal(checkout.scriptUrl, checkout.options, {
          onSuccess: (payload) => {
            succeeded = true;
            modal.current = null;
            void verify(gateway, payload);
          },
          onFailure: (error) => {
            failure = error;
            setPhase({ name: 'open', failure: error });
            onAttemptEnded?.();
          },
          onDismiss: () => {
            modal.current = null;
            if (succeeded) return;
            setPhase({ name: 'dismissed', failure });
            onAttemptEnded?.();
          },
        });
        setPhase((p) => (p.name === 'loading-script' ? { name: 'open' } : p));
      } catch (err) {
        setPhase({
          name: 'error',
          error: err instanceof ScriptLoadError ? err : toApiError(err),
        });
      }
    },
    [orderId, verify, onAttemptEnded],
  );

  return { phase, pay };
}
