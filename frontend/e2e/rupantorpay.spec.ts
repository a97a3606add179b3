import type { PublicConfig } from '@checkout-lab/contracts/dto';
import { buyUpToPayment, expect, saveFinalScreenshot, test } from './fixtures';

// The hosted-redirect gateway: the buyer leaves the shop for the gateway's page (the sandbox's
// here) and comes back to /payment/success or /payment/cancel, where the server verifies.
test.beforeEach(async ({ api }) => {
  const config = await api.request<PublicConfig>('GET', '/api/config');
  test.fixme(
    !config.gateways.some((g) => g.name === 'rupantorpay'),
    'the backend does not offer RupantorPay yet',
  );
});

test('when a BDT order is paid with bKash on the hosted page, then the buyer returns to a paid order', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'BDT', price: 125000 });
  const orderId = await buyUpToPayment(page, product);

  // One gateway takes BDT, so it is the one offered.
  await expect(page.getByRole('radio', { name: /RupantorPay/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Razorpay/ })).toHaveCount(0);
  await page.getByRole('button', { name: /^Pay ৳/ }).click();

  await expect(page).toHaveURL(/\/rupantorpay\/api\/execute\//);
  await page.getByTestId('rp-method-bkash').check();
  await page.getByTestId('rp-pay').click();

  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  await expect(page.getByTestId('step-captured')).toHaveAttribute('data-state', 'done');

  const order = await api.order(orderId);
  expect(order.status).toBe('paid');
  expect(order.payments[0]).toMatchObject({ gateway: 'rupantorpay', status: 'captured' });
  await saveFinalScreenshot(page, 'rupantorpay-bkash-success');
});

test('when the buyer cancels on the hosted page, then the cancel page shows the order still pending', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'BDT', price: 85000 });
  const orderId = await buyUpToPayment(page, product);
  await page.getByRole('button', { name: /^Pay ৳/ }).click();
  await expect(page).toHaveURL(/\/rupantorpay\/api\/execute\//);
  await page.getByTestId('rp-cancel').click();

  await expect(page).toHaveURL(/\/payment\/cancel\?gateway=rupantorpay&order=/);
  await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  await expect(page.locator('.order-ref [data-status]')).toHaveText('pending');
  expect((await api.order(orderId)).status).toBe('pending');
  await saveFinalScreenshot(page, 'rupantorpay-cancelled');

  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/pay$`));
  await expect(page.getByRole('button', { name: /^Pay ৳/ })).toBeEnabled();
});
