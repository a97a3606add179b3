import type { FrameLocator, Page } from '@playwright/test';
import type { PublicConfig } from '@checkout-lab/contracts/dto';
import { buyUpToPayment, expect, saveFinalScreenshot, test, type ShopApi } from './fixtures';

// The embedded gateway: the card form is the gateway's frame inside our payment step (the
// sandbox's Payment Element here, loaded by the same code that loads Stripe.js), 3-D Secure is
// the bank's page and back to /payment/return, and the server retrieves the intent each time.
test.beforeEach(async ({ api }) => {
  const config = await api.request<PublicConfig>('GET', '/api/config');
  test.fixme(
    !config.gateways.some((g) => g.name === 'stripe'),
    'the backend does not offer Stripe yet',
  );
});

const CARDS = {
  success: '4242 4242 4242 4242',
  threeDSecure: '4000 0027 6000 3184',
  declined: '4000 0000 0000 0002',
};

const element = (page: Page): FrameLocator =>
  page.frameLocator('[data-testid="stripe-payment-element"]');

/** On the payment step: Pay opens the form in the page (a PaymentIntent is made then). */
async function openForm(page: Page): Promise<string> {
  await expect(page.getByRole('radio', { name: /Stripe/ })).toBeChecked();
  const pay = page.getByRole('button', { name: /^Pay \$/ });
  const label = (await pay.textContent())!;
  await pay.click();
  await expect(page.getByText('Enter your card details below, then press Pay.')).toBeVisible();
  return label;
}

async function fillCard(page: Page, number: string): Promise<void> {
  const form = element(page);
  await form.getByLabel('Card number').fill(number);
  await form.getByLabel('Expiration date').fill('12 / 34');
  await form.getByLabel('Security code').fill('123');
}

async function intentsOf(api: ShopApi, orderId: string) {
  return (await api.order(orderId)).payments
    .map((p) => p.refs.paymentId)
    .filter((id): id is string => Boolean(id?.startsWith('pi_')));
}

test('when a USD order is paid with the success card in the embedded form, then the server confirms it and the order is paid', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'USD', price: 2599 });
  const orderId = await buyUpToPayment(page, product);
  await expect(page.getByRole('radio', { name: /Razorpay|RupantorPay/ })).toHaveCount(0);
  const label = await openForm(page);
  expect(label).toBe('Pay $30.99'); // $25.99 + $5.00 shipping, no tax
  await fillCard(page, CARDS.success);
  await page.getByRole('button', { name: label }).click();

  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  const order = await api.order(orderId);
  expect(order.payments).toEqual([
    expect.objectContaining({
      gateway: 'stripe',
      status: 'captured',
      amount: 3099,
      method: 'card',
    }),
  ]);
  await saveFinalScreenshot(page, 'stripe-card-success');
});

test('when the card asks for 3-D Secure, then the bank’s page completes it and the return page lands on a paid order', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'USD', price: 4500 });
  const orderId = await buyUpToPayment(page, product);
  const label = await openForm(page);
  await fillCard(page, CARDS.threeDSecure);
  await page.getByRole('button', { name: label }).click();

  await expect(page).toHaveURL(/\/stripe\/_sandbox\/3ds\//);
  await expect(page.getByTestId('stripe-3ds-amount')).toContainText('$50.00');
  const back = page.waitForRequest((r) => r.url().includes('/payment/return?'));
  await page.getByTestId('stripe-3ds-complete').click();
  const returned = new URL((await back).url());
  expect(Object.fromEntries(returned.searchParams)).toMatchObject({
    gateway: 'stripe',
    order: orderId,
    payment_intent: expect.stringMatching(/^pi_/),
    redirect_status: 'succeeded',
  });
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  expect((await api.order(orderId)).status).toBe('paid');
  await saveFinalScreenshot(page, 'stripe-3ds-success');
});

test('when a card is declined, then the page says why and a retry in the same form with another card pays the order', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'USD', price: 1800 });
  const orderId = await buyUpToPayment(page, product);
  const label = await openForm(page);
  await fillCard(page, CARDS.declined);
  await page.getByRole('button', { name: label }).click();

  await expect(page.getByRole('alert')).toContainText('Payment failed');
  await expect(page.getByTestId('payment-failure')).toContainText('Your card was declined.');
  await expect(page.getByTestId('payment-failure')).toHaveAttribute(
    'data-reason',
    'generic_decline',
  );
  expect((await api.order(orderId)).status).toBe('pending');
  await saveFinalScreenshot(page, 'stripe-declined-in-form');

  await fillCard(page, CARDS.success);
  await page.getByRole('button', { name: `Try again — ${label.replace(/^Pay/, 'pay')}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  const order = await api.order(orderId);
  expect(order.payments.map((p) => p.status).sort()).toEqual(['captured', 'failed']);
  expect(await intentsOf(api, orderId)).toHaveLength(1); // the same intent, retried
});

test('when the buyer abandons the 3-D Secure page, then the order stays pending and can be paid', async ({
  page,
  api,
}) => {
  const product = await api.createProduct({ currency: 'USD', price: 6000 });
  const orderId = await buyUpToPayment(page, product);
  const label = await openForm(page);
  await fillCard(page, CARDS.threeDSecure);
  await page.getByRole('button', { name: label }).click();
  await expect(page).toHaveURL(/\/stripe\/_sandbox\/3ds\//);

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible();
  expect((await api.order(orderId)).status).toBe('pending');
  const pay = page.getByRole('button', { name: /Pay \$60\.00$/ });
  await expect(pay).toBeEnabled();

  await pay.click();
  await expect(page.getByText('Enter your card details below, then press Pay.')).toBeVisible();
  await fillCard(page, CARDS.success);
  await page.getByRole('button', { name: /Pay \$60\.00$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/success$`));
  await expect(page.getByTestId('order-status')).toHaveText('paid');
  // Two attempts, two intents: the abandoned one never paid, the second one did.
  const { payments } = await api.order(orderId);
  expect(payments.map((p) => [p.attempt, p.status])).toEqual([
    [1, 'created'],
    [2, 'captured'],
  ]);
  expect(await intentsOf(api, orderId)).toHaveLength(2);
});
