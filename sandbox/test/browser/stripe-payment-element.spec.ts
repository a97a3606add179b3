import type { Page } from '@playwright/test';
import { expect, test } from './stripe-fixtures';

const element = (page: Page) => page.frameLocator('[data-testid="stripe-payment-element"]');

async function payWith(page: Page, number: string, expiry = '12 / 34', cvc = '123'): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const form = element(page);
  await form.getByLabel('Card number').fill(number);
  await form.getByLabel('Expiration date').fill(expiry);
  await form.getByLabel('Security code').fill(cvc);
  await page.getByRole('button', { name: 'Pay now' }).click();
}

const returned = (intentId: string, status: string) =>
  new RegExp(
    `/return\\?order=42&payment_intent=${intentId}&payment_intent_client_secret=${intentId}_secret_\\w+&redirect_status=${status}$`,
  );

test('when the success card pays, then the browser returns with the intent and redirect_status=succeeded', async ({
  page,
  shop,
  stripe,
}) => {
  const { url, intentId } = await shop.checkout(2599);
  await page.goto(url);
  await payWith(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(returned(intentId, 'succeeded'));
  await expect(page.getByRole('status')).toHaveText('succeeded');
  const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge'] });
  expect(intent).toMatchObject({
    status: 'succeeded',
    amount_received: 2599,
    metadata: { order_id: 'order_42' },
  });
  expect(intent.latest_charge).toMatchObject({
    paid: true,
    payment_method_details: { card: { brand: 'visa', last4: '4242' } },
  });
});

test('when a 3-D Secure card is used and the challenge is completed, then the payment succeeds', async ({
  page,
  shop,
  stripe,
}) => {
  const { url, intentId } = await shop.checkout(4500);
  await page.goto(url);
  await payWith(page, '4000 0025 0000 3155');
  await expect(page).toHaveURL(/\/stripe\/_sandbox\/3ds\/\w+$/);
  await expect(page.getByTestId('stripe-3ds-amount')).toHaveText('$45.00');
  expect((await stripe.paymentIntents.retrieve(intentId)).status).toBe('requires_action');
  await page.getByRole('button', { name: 'Complete' }).click();
  await expect(page).toHaveURL(returned(intentId, 'succeeded'));
  await expect(page.getByRole('status')).toHaveText('succeeded');
  const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge'] });
  expect(intent.latest_charge).toMatchObject({
    payment_method_details: { card: { three_d_secure: { result: 'authenticated' } } },
  });
});

test('when the 3-D Secure challenge is failed, then the buyer returns with redirect_status=failed and nothing is paid', async ({
  page,
  shop,
  stripe,
}) => {
  const { url, intentId } = await shop.checkout();
  await page.goto(url);
  await payWith(page, '4000 0027 6000 3184');
  await page.getByRole('button', { name: 'Fail' }).click();
  await expect(page).toHaveURL(returned(intentId, 'failed'));
  await expect(page.getByRole('status')).toHaveText('requires_payment_method');
  const intent = await stripe.paymentIntents.retrieve(intentId);
  expect(intent).toMatchObject({
    status: 'requires_payment_method',
    amount_received: 0,
    latest_charge: null,
  });
  expect(intent.last_payment_error).toMatchObject({
    code: 'payment_intent_authentication_failure',
  });
});

test('when the challenge is abandoned, then the intent waits in requires_action and can still be paid', async ({
  page,
  shop,
  stripe,
}) => {
  const { url, intentId } = await shop.checkout();
  await page.goto(url);
  await payWith(page, '4000 0025 0000 3155');
  await expect(page.getByRole('button', { name: 'Complete' })).toBeVisible();
  const abandoned = page.url();
  await page.goto(url);
  expect(await stripe.paymentIntents.retrieve(intentId)).toMatchObject({
    status: 'requires_action',
    amount_received: 0,
  });

  await payWith(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(returned(intentId, 'succeeded'));
  // The old challenge belongs to an attempt that is over: it cannot settle the intent again.
  await page.goto(abandoned);
  await expect(page.getByTestId('stripe-3ds-outcome')).toHaveText(
    'This authentication is no longer pending.',
  );
  expect((await stripe.charges.list({ payment_intent: intentId })).data).toHaveLength(1);
});

test('when a card is declined, then confirmPayment resolves the error and a retry on the same intent succeeds', async ({
  page,
  shop,
  stripe,
}) => {
  const { url, intentId } = await shop.checkout();
  await page.goto(url);
  await payWith(page, '4000 0000 0000 0002');
  await expect(page.getByRole('status')).toHaveText('error: Your card was declined.');
  await expect(element(page).getByRole('alert')).toHaveText('Your card was declined.');
  const result = await page.evaluate(
    () => (globalThis as unknown as { lastResult: unknown }).lastResult,
  );
  expect(result).toMatchObject({
    error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' },
  });
  // The page saw the intent as a publishable key does: no merchant metadata.
  expect((result as { error: { payment_intent: object } }).error.payment_intent).not.toHaveProperty(
    'metadata',
  );
  expect(await stripe.paymentIntents.retrieve(intentId)).toMatchObject({
    status: 'requires_payment_method',
  });

  await payWith(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(returned(intentId, 'succeeded'));
  const charges = await stripe.charges.list({ payment_intent: intentId });
  expect(charges.data.map((c) => c.status)).toEqual(['succeeded', 'failed']);
});

test('when the card form is incomplete, then the element shows why and nothing is sent', async ({
  page,
  shop,
  stripe,
}) => {
  const { url, intentId } = await shop.checkout();
  await page.goto(url);
  await payWith(page, '4242 4242', '12 / 34');
  await expect(element(page).getByRole('alert')).toHaveText('Your card number is incomplete.');
  await expect(page.getByRole('status')).toHaveText('error: Your card number is incomplete.');
  expect((await stripe.charges.list({ payment_intent: intentId })).data).toHaveLength(0);
});

test("when redirect is 'if_required' and the card needs no challenge, then confirmPayment resolves the paymentIntent in place", async ({
  page,
  shop,
}) => {
  const { url } = await shop.checkout(1000, { redirect: 'if_required' });
  await page.goto(url);
  await payWith(page, '5555 5555 5555 4444');
  await expect(page.getByRole('status')).toHaveText('paid: succeeded');
  await expect(page).toHaveURL(/\/checkout\?/);
});
