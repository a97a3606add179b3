// The contract of Razorpay's checkout.js (and the sandbox's drop-in copy of it), typed once.
import type { ModalOptions, PaymentErrorDto } from '@checkout-lab/contracts/dto';
import { THEME_COLOR } from '../../config/store';
import { loadScript, ScriptLoadError } from './load-script';

/** The three fields Razorpay's handler receives; the server verifies them. */
export interface RazorpayHandlerPayload {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

interface RazorpayInstance {
  open(): void;
  close(): void;
  on(event: 'payment.failed', callback: (response: { error: PaymentErrorDto }) => void): void;
}

type RazorpayConstructor = new (
  options: ModalOptions & {
    handler(payload: RazorpayHandlerPayload): void;
    modal: { ondismiss(): void; escape?: boolean };
    theme: { color: string };
  },
) => RazorpayInstance;

declare global {
  interface Window {
    Razorpay?: RazorpayConstructor;
  }
}

export interface ModalCallbacks {
  onSuccess(payload: RazorpayHandlerPayload): void;
  onFailure(error: PaymentErrorDto): void;
  onDismiss(): void;
}

/** Loads `scriptUrl` (once) and opens the modal for the server-created gateway order. */
export async function openRazorpayModal(
  scriptUrl: string,
  options: ModalOptions,
  callbacks: ModalCallbacks,
): Promise<RazorpayInstance> {
  await loadScript(scriptUrl);
  const Razorpay = window.Razorpay;
  if (typeof Razorpay !== 'function') {
    throw new ScriptLoadError(scriptUrl, 'it loaded but did not define Razorpay');
  }
  // #region tutorial:open-modal
  const rzp = new Razorpay({
    ...options,
    handler: callbacks.onSuccess,
    modal: { ondismiss: callbacks.onDismiss, escape: true },
    theme: { color: THEME_COLOR },
  });
  rzp.on('payment.failed', (response) => callbacks.onFailure(response.error));
  rzp.open();
  // #endregion
  return rzp;
}
