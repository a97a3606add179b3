// The embedded checkout kind: Stripe's Payment Element, from Stripe.js or the sandbox's drop-in
// copy of it. The same code runs for both; only the script URL the server hands us differs.
// The card form is Stripe's own frame: card data goes from it to Stripe, never through this page.
import type { CheckoutStartDto, PaymentErrorDto } from '@checkout-lab/contracts/dto';
import type { StripeError } from '@stripe/stripe-js';
// `pure` adds no script of its own: with Stripe.js already on the page, loadStripe adopts it.
import { loadStripe } from '@stripe/stripe-js/pure';
import { THEME_COLOR } from '../../config/store';
import { loadScript, ScriptLoadError } from './load-script';

export type EmbeddedCheckout = Extract<CheckoutStartDto, { kind: 'embedded' }>;

/** What pressing Pay came to, short of a redirect (3-D Secure) that leaves the page. */
export type EmbeddedOutcome =
  /** The gateway took the payment: post these to the return route, the server decides. */
  | { status: 'confirmed'; params: Record<string, string> }
  /** Declined, or the gateway refused: nothing was charged, the same form can try again. */
  | { status: 'failed'; error: PaymentErrorDto }
  /** The form is incomplete; it shows what is missing itself. */
  | { status: 'incomplete' };

export interface EmbeddedForm {
  submit(): Promise<EmbeddedOutcome>;
  destroy(): void;
}

function toPaymentError(error: StripeError): PaymentErrorDto {
  return {
    code: error.code ?? error.type,
    description: error.message ?? 'The payment did not go through.',
    reason: error.decline_code ?? error.code,
  };
}

/** Loads the script (once), mounts the Payment Element in `container` and waits until it is ready. */
export async function mountEmbeddedForm(
  checkout: EmbeddedCheckout,
  container: HTMLElement,
): Promise<EmbeddedForm> {
  await loadScript(checkout.scriptUrl);
  if (typeof window.Stripe !== 'function') {
    throw new ScriptLoadError(checkout.scriptUrl, 'it loaded but did not define Stripe');
  }
  const stripe = await loadStripe(checkout.publicKey);
  if (!stripe) throw new ScriptLoadError(checkout.scriptUrl, 'Stripe.js did not start');
  const elements = stripe.elements({
    clientSecret: checkout.clientSecret,
    appearance: { theme: 'stripe', variables: { colorPrimary: THEME_COLOR } },
  });
  const element = elements.create('payment');
  await new Promise<void>((resolve, reject) => {
    element.on('ready', () => resolve());
    element.on('loaderror', (event) =>
      reject(
        new ScriptLoadError(checkout.scriptUrl, event.error.message ?? 'the form did not load'),
      ),
    );
    element.mount(container);
  });

  return {
    async submit() {
      // 3-D Secure may take the browser to the bank's page and back to returnUrl; otherwise
      // the promise resolves here, on this page.
      const result = await stripe.confirmPayment({
        elements,
        confirmParams: { return_url: checkout.returnUrl },
        redirect: 'if_required',
      });
      if (result.error) {
        return result.error.type === 'validation_error'
          ? { status: 'incomplete' }
          : { status: 'failed', error: toPaymentError(result.error) };
      }
      return { status: 'confirmed', params: { payment_intent: result.paymentIntent.id } };
    },
    destroy: () => element.destroy(),
  };
}
