import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base } from '@playwright/test';
import Razorpay from 'razorpay';
import { startSandbox, type RunningSandbox } from '../../src/index';

export const KEY_ID = 'rzp_test_sandbox0000001';
export const KEY_SECRET = 'sandbox_key_secret_not_for_production';

/** A merchant page on its own origin that loads the sandbox's checkout.js, as a storefront would. */
function shopPage(checkoutScriptUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test shop</title></head>
<body>
  <h1>Test shop</h1>
  <button id="buy" type="button">Buy now</button>
  <p id="status" role="status"></p>
  <script src="${checkoutScriptUrl}"></script>
  <script>
    const params = new URLSearchParams(location.search);
    window.checkoutEvents = [];
    const record = (type, data) => {
      window.checkoutEvents.push({ type, data });
      document.getElementById('status').textContent = type;
    };
    document.getElementById('buy').addEventListener('click', () => {
      const rzp = new Razorpay({
        key: params.get('key'),
        order_id: params.get('order_id'),
        amount: Number(params.get('amount')),
        currency: 'INR',
        name: 'Checkout Lab',
        description: 'Sandbox browser test',
        prefill: { name: 'Asha Verma', email: 'asha@example.com', contact: '+919876543210' },
        notes: { source: 'playwright' },
        theme: { color: '#0f766e' },
        retry: params.get('retry') === 'off' ? { enabled: false } : { enabled: true },
        ...(params.get('redirect')
          ? { callback_url: location.origin + '/callback?shop_ref=42', redirect: true }
          : {}),
        handler: (response) => record('handler', response),
        modal: { ondismiss: () => record('dismiss') },
      });
      rzp.on('payment.failed', (response) => record('payment.failed', response.error));
      rzp.open();
    });
  </script>
</body></html>`;
}

export interface Shop {
  url: string;
  /** Creates a Razorpay order server-side (with the secret) and returns the shop URL that pays it. */
  checkoutUrl(
    amount?: number,
    extra?: Record<string, string>,
  ): Promise<{ url: string; orderId: string }>;
}

export const test = base.extend<{ sandbox: RunningSandbox; rzp: Razorpay; shop: Shop }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    await use(sandbox);
    await sandbox.close();
  },
  rzp: async ({ sandbox }, use) => {
    const rzp = new Razorpay({ key_id: KEY_ID, key_secret: KEY_SECRET });
    // The official SDK, unchanged; only its axios base URL points at the sandbox.
    (rzp as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL =
      sandbox.razorpayApiBase;
    await use(rzp);
  },
  shop: async ({ sandbox, rzp }, use) => {
    const html = shopPage(sandbox.checkoutScriptUrl);
    const server: Server = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (req.method === 'POST') {
        // What Checkout form-posted to callback_url, shown for the test to read.
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          const escaped = body.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
          res.end(`<p id="landed">${req.url}</p><pre id="posted">${escaped}</pre>`);
        });
        return;
      }
      res.end(req.url?.startsWith('/shop') ? html : `<p id="landed">${req.url}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // "localhost" vs the sandbox's 127.0.0.1: a different origin, as in production.
    const url = `http://localhost:${(server.address() as AddressInfo).port}`;
    await use({
      url,
      async checkoutUrl(amount = 49900, extra = {}) {
        const order = await rzp.orders.create({
          amount,
          currency: 'INR',
          receipt: `pw_${Date.now()}`,
        });
        const query = new URLSearchParams({
          key: KEY_ID,
          order_id: order.id,
          amount: String(amount),
          ...extra,
        });
        return { url: `${url}/shop?${query}`, orderId: order.id };
      },
    });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
});

export { expect } from '@playwright/test';
