import {
  buyUpToPayment,
  expect,
  modal,
  payWithCard,
  payWithUpi,
  saveFinalScreenshot,
  test,
} from './fixtures';

const RUPAY = '6527 6589 0000 1005';
const DECLINED_VISA = '4100 2800 0006 0003';

test('when a shopper pays with a RuPay test card, then the success page and the server both say paid', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ price: 59900 });
  const orderId = await buyUpToPayment(page, product, 2);

  // The payment step shows the server's totals: 2 × ₹599 + 18% GST, free shipping from ₹999.
  await expect(page.getByTestId('order-total')).toHaveText('₹1,413.64');
  await page.getByRole('button', { name: 'Pay ₹1,413.64' }).click();

  const m = modal(page);
  await expect(m.getByTestId('rzp-amount')).toHaveText('₹1,413.64');
  await payWithCard(page, RUPAY);
  await expect(m.getByTestId('rzp-card-network')).toHaveText('RuPay');
  await m.getByRole('button', { name: 'Success' }).click();

  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByRole('heading', { name: /payment is confirmed/ })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  await expect(page.getByTestId('step-verified')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-captured')).toHaveAttribute('data-state', 'done');
  // The gateway's webhook is the second witness; the page follows the timeline until it lands.
  await expect(page.getByTestId('step-webhook')).toHaveAttribute('data-state', 'done');

  const order = await api.order(orderId);
  expect(order.status).toBe('paid');
  expect(order.payments).toHaveLength(1);
  expect(order.payments[0]).toMatchObject({ status: 'captured', method: 'card' });
  await saveFinalScreenshot(page, 'razorpay-card-success');
});

test('when a failure card is declined, then the reason is shown and a UPI retry in the same modal succeeds', async ({
  page,
  api,
}) => {
  const product = await api.createProduct();
  const orderId = await buyUpToPayment(page, product);
  await page.getByRole('button', { name: /^Pay ₹/ }).click();

  const m = modal(page);
  await payWithCard(page, DECLINED_VISA);
  await m.getByRole('button', { name: 'Failure' }).click();
  await expect(m.getByRole('alert')).toHaveAttribute('data-reason', 'card_declined');
  // The shop's page behind the modal reports the same failure, from payment.failed.
  await expect(page.getByTestId('payment-failure')).toHaveAttribute('data-reason', 'card_declined');
  await expect(page.getByTestId('payment-failure')).toContainText('declined');

  await payWithUpi(page, 'success@razorpay');
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  await expect(page.getByTestId('step-checkout')).toContainText('1 failed attempt');

  const order = await api.order(orderId);
  expect(order.status).toBe('paid');
  expect(order.payments.map((p) => p.status).sort()).toEqual(['captured', 'failed']);
  await saveFinalScreenshot(page, 'razorpay-failure-then-upi-success');
});

test('when a payment fails and the buyer closes the modal, then a new checkout attempt on the same order succeeds', async ({
  page,
  api,
}) => {
  const product = await api.createProduct();
  const orderId = await buyUpToPayment(page, product);
  await page.getByRole('button', { name: /^Pay ₹/ }).click();
  await payWithCard(page, DECLINED_VISA);
  await modal(page).getByRole('button', { name: 'Failure' }).click();
  await expect(modal(page).getByRole('alert')).toBeVisible();
  await modal(page).getByRole('button', { name: 'Close' }).click();

  await expect(page.getByTestId('rzp-checkout-frame')).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('Payment failed');
  const retry = page.getByRole('button', { name: /^Try again — pay ₹/ });
  await expect(retry).toBeFocused();
  await retry.click();

  await payWithUpi(page, 'success@razorpay');
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');

  const order = await api.order(orderId);
  expect(order.payments.map((p) => p.attempt).sort()).toEqual([1, 2]);
  expect(order.payments.find((p) => p.attempt === 1)?.status).toBe('failed');
  expect(order.payments.find((p) => p.attempt === 2)?.status).toBe('captured');
});

test('when the buyer dismisses the modal, then the order stays pending and the page offers to pay again', async ({
  page,
  api,
}) => {
  const product = await api.createProduct();
  const orderId = await buyUpToPayment(page, product);
  // The modal trigger works from the keyboard: focus the Pay button, press Enter.
  await page.getByRole('button', { name: /^Pay ₹/ }).focus();
  await page.keyboard.press('Enter');
  await expect(modal(page).getByTestId('rzp-pay')).toBeVisible();
  // Closed with the modal's ×. (Escape is the sandbox's to test: a key whose handler removes
  // the frame it was sent to can leave Chromium's input dispatch waiting forever.)
  await modal(page).getByRole('button', { name: 'Close' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: 'You closed the payment window' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Try again — pay ₹/ })).toBeFocused();
  await expect(page.locator('.order-ref [data-status]')).toHaveText('pending');
  expect((await api.order(orderId)).status).toBe('pending');

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText('pending');
  await expect(page.getByRole('link', { name: 'Pay now' })).toBeVisible();
  await saveFinalScreenshot(page, 'razorpay-dismissed-pending');
});
