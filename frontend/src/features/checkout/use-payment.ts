import type { GatewayName, OrderDto, PaymentErrorDto } from '@checkout-lab/contracts/dto';
import { useCallback, useEffect, useRef, useState } from 'react';
import { confirmPaymentReturn, startCheckout, toApiError } from '../../lib/api-client';
import { ScriptLoadError } from './load-script';
import { openRazorpayModal } from './razorpay-modal';
import { mountEmbeddedForm, type EmbeddedForm } from './stripe-element';

export type PaymentPhase =
  | { name: 'idle' }
  | { name: 'starting' }
  | { name: 'loading-script' }
  /** The modal is open; `failure` is the last failed attempt inside it (it offers a retry). */
  | { name: 'open'; failure?: PaymentErrorDto }
  | { name: 'verifying' }
  | { name: 'dismissed'; failure?: PaymentErrorDto }
  /** An embedded payment form is on this page; `failure` is its last declined try. */
  | { name: 'form'; failure?: PaymentErrorDto }
  /** The embedded form is confirming (3-D Secure may take the browser to the bank and back). */
  | { name: 'confirming' }
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
  /** Where an embedded form is mounted: the page renders this element. */
  const formContainer = useRef<HTMLDivElement>(null);
  const form = useRef<{ gateway: GatewayName; form: EmbeddedForm } | null>(null);

  const closeForm = useCallback(() => {
    form.current?.form.destroy();
    form.current = null;
  }, []);

  // Leaving the page closes a modal that is still open, and removes an embedded form.
  useEffect(
    () => () => {
      modal.current?.close();
      closeForm();
    },
    [closeForm],
  );

  const verify = useCallback(
    async (gateway: GatewayName, params: Record<string, string>) => {
      setPhase({ name: 'verifying' });
      try {
        onVerified(await confirmPaymentReturn(gateway, orderId, params));
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
      closeForm();
      setPhase({ name: 'starting' });
      let checkout;
      try {
        ({ checkout } = await startCheckout(orderId, gateway));
      } catch (err) {
        setPhase({ name: 'error', error: toApiError(err) });
        onAttemptEnded?.();
        return;
      }

      // The one gateway-shaped branch: a hosted page elsewhere, a form in this page, or a modal.
      if (checkout.kind === 'redirect') {
        setPhase({ name: 'redirecting' });
        window.location.assign(checkout.url);
        return;
      }
      if (checkout.kind === 'embedded') {
        setPhase({ name: 'loading-script' });
        try {
          if (!formContainer.current) throw new Error('the payment form has nowhere to go');
          form.current = {
            gateway,
            form: await mountEmbeddedForm(checkout, formContainer.current),
          };
          setPhase({ name: 'form' });
        } catch (err) {
          setPhase({
            name: 'error',
            error: err instanceof ScriptLoadError ? err : toApiError(err),
          });
        }
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
            void verify(gateway, { ...payload });
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
    [orderId, verify, onAttemptEnded, closeForm],
  );

  /** Pay pressed on the embedded form: a decline keeps the form for another try. */
  const submitForm = useCallback(async () => {
    const current = form.current;
    if (!current) return;
    setPhase({ name: 'confirming' });
    let outcome;
    try {
      outcome = await current.form.submit();
    } catch (err) {
      setPhase({ name: 'form', failure: { description: toApiError(err).message } });
      return;
    }
    if (outcome.status === 'incomplete') {
      setPhase({ name: 'form' });
      return;
    }
    if (outcome.status === 'failed') {
      setPhase({ name: 'form', failure: outcome.error });
      onAttemptEnded?.();
      return;
    }
    await verify(current.gateway, outcome.params);
  }, [verify, onAttemptEnded]);

  /** The buyer chose another way to pay: the form goes, nothing was charged. */
  const cancelForm = useCallback(() => {
    if (!form.current) return;
    closeForm();
    setPhase({ name: 'idle' });
  }, [closeForm]);

  return { phase, pay, formContainer, submitForm, cancelForm };
}
