import type { Page } from '@playwright/test';
import type { PublicConfig } from '@checkout-lab/contracts/dto';
import {
  buyUpToPayment,
  expect,
  saveFinalScreenshot,
  signInToAdmin,
  test,
  type ShopApi,
} from './fixtures';

// The hosted-redirect gateway: the buyer leaves the shop for the gateway's page (the sandbox's
// here, speaking RupantorPay's documented dialect: create answers status 1, the return carries
// a camelCase query, a failure is ERROR) and comes back to /payment/success or /payment/cancel,
// where the server verifies.
test.beforeEach(async ({ api }) => {
  const config = await api.request<PublicConfig>('GET', '/api/config');
  test.fixme(
    !config.gateways.some((g) => g.name === 'rupantorpay'),
    'the backend does not offer RupantorPay yet',
  );
});

const dialect = (api: ShopApi, method: 'GET' | 'PUT' | 'DELETE', body?: object) =>
  api.request<Record<string, unknown>>(
    method,
    `${api.sandboxUrl}/_sandbox/rupantorpay/dialect`,
    body,
  );

/** From the payment step to the hosted page; resolves with the URL the gateway sends us back to. */
async function onHostedPage(page: Page, button: 'rp-pay' | 'rp-fail' | 'rp-cancel') {
  await page.getByRole('button', { name: /^Pay ৳/ }).click();
  await expect(page).toHaveURL(/\/rupantorpay\/api\/execute\//);
  await page.getByTestId('rp-method-bkash').check();
  const back = page.waitForRequest((r) => /\/payment\/(success|cancel)\?/.test(r.url()));
  await page.getByTestId(button).click();
  return new URL((await back).url());
}

test('when a BDT order is paid with bKash on the hosted page, then the buyer returns with the camelCase query to a paid order, and the admin sees trx_id and method', async ({
  page,
  api,
}) => {
  expect(await dialect(api, 'GET')).toMatchObject({ createStatus: 1, returnQuery: 'camelCase' });
  const product = await api.createProduct({ currency: 'BDT', price: 125000 });
  const orderId = await buyUpToPayment(page, product);

  // One gateway takes BDT, so it is the one offered.
  await expect(page.getByRole('radio', { name: /RupantorPay/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Razorpay/ })).toHaveCount(0);
  const { total } = await api.order(orderId);
  const back = await onHostedPage(page, 'rp-pay');
  expect(Object.fromEntries(back.searchParams)).toMatchObject({
    order: orderId,
    transactionId: expect.stringMatching(/^RPTX/),
    paymentMethod: 'bkash',
    paymentAmount: (total / 100).toFixed(2),
    currency: 'BDT',
    status: 'COMPLETED',
  });

  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  await expect(page.getByTestId('step-captured')).toHaveAttribute('data-state', 'done');

  const order = await api.order(orderId);
  expect(order.status).toBe('paid');
  expect(order.payments[0]).toMatchObject({
    gateway: 'rupantorpay',
    status: 'captured',
    method: 'bkash',
    refs: { paymentId: back.searchParams.get('transactionId') },
  });
  const trxId = String(order.payments[0]!.refs.acquirerRef);
  expect(trxId).toMatch(/^[0-9A-Z]{10}$/);
  await saveFinalScreenshot(page, 'rupantorpay-bkash-success');

  await signInToAdmin(page, api.adminToken);
  await page.goto('/admin/payments');
  const row = page.getByRole('row').filter({ hasText: orderId });
  await expect(row).toContainText('bkash');
  await expect(row.getByTestId('payment-trx-id')).toContainText(trxId);
});

test('when the payment fails on the hosted page, then the gateway says ERROR, the cancel page shows the order pending and the attempt failed', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'BDT', price: 64000 });
  const orderId = await buyUpToPayment(page, product);
  const back = await onHostedPage(page, 'rp-fail');
  expect(back.pathname).toBe('/payment/cancel');
  expect(back.searchParams.get('status')).toBe('ERROR');

  await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  await expect(page.locator('.order-ref [data-status]')).toHaveText('pending');
  await expect(page.locator('.failure-reason')).toContainText('failed or was cancelled');
  const order = await api.order(orderId);
  expect(order.status).toBe('pending');
  expect(order.payments.map((p) => p.status)).toEqual(['failed']);
  await saveFinalScreenshot(page, 'rupantorpay-error');
});

test('when the gateway sends metadata as a JSON string, then the return still verifies and the order is paid', async ({
  page,
  api,
}) => {
  await dialect(api, 'PUT', { metadata: 'string' });
  try {
    const product = await api.createProduct({ currency: 'BDT', price: 99000 });
    const orderId = await buyUpToPayment(page, product);
    await onHostedPage(page, 'rp-pay');
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
    await expect(page.getByTestId('order-status')).toHaveText('paid');
    expect((await api.order(orderId)).status).toBe('paid');
  } finally {
    await dialect(api, 'DELETE');
  }
});

test('when the buyer cancels on the hosted page, then the cancel page shows the order still pending', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'BDT', price: 85000 });
  const orderId = await buyUpToPayment(page, product);
  await onHostedPage(page, 'rp-cancel');

  await expect(page).toHaveURL(/\/payment\/cancel\?gateway=rupantorpay&order=/);
  await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  await expect(page.locator('.order-ref [data-status]')).toHaveText('pending');
  expect((await api.order(orderId)).status).toBe('pending');
  await saveFinalScreenshot(page, 'rupantorpay-cancelled');

  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/pay$`));
  await expect(page.getByRole('button', { name: /^Pay ৳/ })).toBeEnabled();
});
