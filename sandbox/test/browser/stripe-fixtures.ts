import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base } from '@playwright/test';
import type Stripe from 'stripe';
import { startSandbox, type RunningSandbox } from '../../src/index';
import { STRIPE_PUBLISHABLE_KEY, stripeFor } from '../helpers/stripe';

/** A merchant checkout page on its own origin: the Payment Element, as Stripe's samples build it. */
function checkoutPage(stripeJsUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test shop</title></head>
<body>
  <h1>Test shop</h1>
  <form id="payment-form">
    <div id="payment-element"></div>
    <button id="pay" type="submit">Pay now</button>
    <p id="status" role="status"></p>
  </form>
  <script src="${stripeJsUrl}"></script>
  <script>
    const params = new URLSearchParams(location.search);
    const stripe = Stripe(params.get('pk'));
    const elements = stripe.elements({ clientSecret: params.get('cs') });
    const paymentElement = elements.create('payment');
    paymentElement.on('ready', () => { document.body.dataset.ready = 'true'; });
    paymentElement.mount('#payment-element');
    const status = document.getElementById('status');
    document.getElementById('payment-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await stripe.confirmPayment({
        elements,
        confirmParams: { return_url: location.origin + '/return?order=42' },
        redirect: params.get('redirect') || undefined,
      });
      window.lastResult = result;
      status.textContent = result.error ? 'error: ' + result.error.message : 'paid: ' + result.paymentIntent.status;
    });
  </script>
</body></html>`;
}

/** Where Stripe sends the buyer back; like a success page, it asks for the intent's status. */
function returnPage(stripeJsUrl: string, pk: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Return</title></head>
<body><p id="status" role="status">checking…</p>
  <script src="${stripeJsUrl}"></script>
  <script>
    const params = new URLSearchParams(location.search);
    Stripe('${pk}').retrievePaymentIntent(params.get('payment_intent_client_secret')).then((r) => {
      document.getElementById('status').textContent = r.error ? 'error' : r.paymentIntent.status;
    });
  </script>
</body></html>`;
}

export interface StripeShop {
  url: string;
  /** Creates a PaymentIntent server-side (secret key) and returns the checkout page for it. */
  checkout(
    amount?: number,
    extra?: Record<string, string>,
  ): Promise<{ url: string; intentId: string }>;
}

export const test = base.extend<{ sandbox: RunningSandbox; stripe: Stripe; shop: StripeShop }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    await use(sandbox);
    await sandbox.close();
  },
  stripe: async ({ sandbox }, use) => {
    await use(stripeFor(sandbox));
  },
  shop: async ({ sandbox, stripe }, use) => {
    const stripeJs = `${sandbox.url}/stripe/v3/`;
    const server: Server = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (req.url?.startsWith('/checkout')) res.end(checkoutPage(stripeJs));
      else if (req.url?.startsWith('/return'))
        res.end(returnPage(stripeJs, STRIPE_PUBLISHABLE_KEY));
      else res.end(`<p>${req.url}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // "localhost" vs the sandbox's 127.0.0.1: a different origin, as js.stripe.com is.
    const url = `http://localhost:${(server.address() as AddressInfo).port}`;
    await use({
      url,
      async checkout(amount = 2599, extra = {}) {
        const intent = await stripe.paymentIntents.create({
          amount,
          currency: 'usd',
          metadata: { order_id: 'order_42' },
        });
        const query = new URLSearchParams({
          pk: STRIPE_PUBLISHABLE_KEY,
          cs: intent.client_secret ?? '',
          ...extra,
        });
        return { url: `${url}/checkout?${query}`, intentId: intent.id };
      },
    });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
});

export { expect } from '@playwright/test';
