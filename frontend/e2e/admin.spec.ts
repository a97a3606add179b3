import type { CheckoutResponse, OrderDto } from '@checkout-lab/contracts/dto';
import type { RazorpayHandlerPayload } from '../src/features/checkout/razorpay-modal';
import { expect, saveFinalScreenshot, signInToAdmin, test, type ShopApi } from './fixtures';

/**
 * An order paid at the gateway without a browser: checkout through the API, then the sandbox's
 * public pay endpoint (what the modal calls). `verify` posts the handler payload as the
 * storefront would; without it, only webhooks or reconciliation can tell the shop.
 */
async function payOutsideTheBrowser(
  api: ShopApi,
  { verify }: { verify: boolean },
): Promise<OrderDto> {
  const product = await api.createProduct({ price: 129900 });
  const { order } = await api.request<{ order: OrderDto }>('POST', '/api/orders', {
    items: [{ slug: product.slug, quantity: 1 }],
    customer: { name: 'Ravi Kumar', email: 'ravi@example.com' },
  });
  const { checkout } = await api.request<CheckoutResponse>(
    'POST',
    `/api/orders/${order.id}/checkout`,
    { gateway: 'razorpay' },
  );
  if (checkout.kind !== 'modal') throw new Error('expected the Razorpay modal');
  const payload = await api.request<RazorpayHandlerPayload>(
    'POST',
    `${api.sandboxUrl}/razorpay/_sandbox/orders/${checkout.options.order_id}/pay`,
    { method: 'upi', vpa: 'success@razorpay' },
  );
  if (!verify) return api.order(order.id);
  const verified = await api.request<{ order: OrderDto }>(
    'POST',
    '/api/payments/razorpay/verify',
    payload,
  );
  expect(verified.order.status).toBe('paid');
  return verified.order;
}

test('when the admin refunds a paid order, then the timeline shows the refund and the order is refunded', async ({
  page,
  api,
}) => {
  const order = await payOutsideTheBrowser(api, { verify: true });

  await page.goto('/admin');
  await page.getByLabel('Admin token').fill('not-the-token-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not accepted');
  await page.getByLabel('Admin token').fill(api.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await page.getByLabel('Status').selectOption('paid');
  await page.getByRole('link', { name: order.id }).click();
  await expect(page.getByTestId('admin-order-status')).toHaveText('paid');
  await expect(page.getByTestId('step-refunded')).toHaveAttribute('data-state', 'waiting');

  await page.getByRole('button', { name: 'Refund ₹1,532.82' }).click();
  await page.getByRole('button', { name: 'Confirm refund of ₹1,532.82' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Refunded ₹1,532.82' })).toBeVisible();
  await expect(page.getByTestId('admin-order-status')).toHaveText('refunded');
  await expect(page.getByTestId('step-refunded')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-refunded')).toContainText('admin');
  await saveFinalScreenshot(page, 'admin-refund');

  // The token was kept for this tab: the inbox opens without asking again.
  await page.getByRole('link', { name: 'Webhook inbox' }).click();
  await expect(page.getByRole('heading', { name: 'Webhook inbox' })).toBeVisible();
  await expect(page.getByText('signature valid').first()).toBeVisible();
  // Each event names the order it was about, and can be delivered again through the sandbox:
  // the shop answers the stored event "duplicate" and counts it.
  const captured = page
    .getByRole('listitem')
    .filter({ hasText: 'payment.captured' })
    .filter({ has: page.getByRole('link', { name: order.id }) });
  await expect(captured).toHaveCount(1);
  await captured.getByRole('button', { name: 'Resend' }).click();
  await expect(captured.getByRole('status')).toContainText('Sent again');
  // The redelivery arrives when the sandbox gets to it: refresh until the inbox has counted it.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(captured).toContainText('received 2×, stored once', { timeout: 1000 });
  }).toPass();

  // The buyer's own order page tells the same story.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText('refunded');
  await expect(page.getByTestId('step-refunded')).toHaveAttribute('data-state', 'done');
  expect((await api.order(order.id)).status).toBe('refunded');
});

test('when the webhook is lost and the buyer never comes back, then Reconcile now settles the order', async ({
  page,
  api,
}) => {
  const webhooks = `${api.sandboxUrl}/_sandbox/webhooks`;
  await api.request('PUT', webhooks, { urls: [] });
  let order: OrderDto;
  try {
    order = await payOutsideTheBrowser(api, { verify: false });
  } finally {
    await api.request('PUT', webhooks, { urls: [`${api.baseUrl}/api/webhooks/razorpay`] });
  }
  expect(order.status).toBe('pending');

  await signInToAdmin(page, api.adminToken);
  await page.getByRole('link', { name: 'Payments' }).click();
  await page.getByRole('button', { name: 'Reconcile now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /settled [1-9]/ })).toBeVisible();

  await page.getByRole('link', { name: order.id }).first().click();
  await expect(page.getByTestId('admin-order-status')).toHaveText('paid');
  await expect(page.getByTestId('step-captured')).toContainText('reconcile');
  await expect(page.getByTestId('step-webhook')).toHaveAttribute('data-state', 'waiting');
  await saveFinalScreenshot(page, 'admin-reconcile-lost-webhook');
});
