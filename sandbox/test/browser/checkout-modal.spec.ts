import type { Page } from '@playwright/test';
import { validatePaymentVerification } from 'razorpay/dist/utils/razorpay-utils';
import { detectNetwork } from '../../src/razorpay/cards';
import { NETBANKING_BANKS, WALLETS } from '../../src/razorpay/methods';
import { SUCCESS_CARDS } from '../../src/razorpay/test-cards';
import { KEY_SECRET, expect, test } from './fixtures';

interface CheckoutEvent {
  type: string;
  data: Record<string, unknown> & { metadata?: Record<string, string> };
}

const events = (page: Page): Promise<CheckoutEvent[]> =>
  page.evaluate(
    () => (globalThis as unknown as { checkoutEvents: CheckoutEvent[] }).checkoutEvents,
  );
const modal = (page: Page) => page.frameLocator('[data-testid="rzp-checkout-frame"]');

async function fillCard(page: Page, number: string): Promise<void> {
  const m = modal(page);
  await m.getByTestId('rzp-card-number').fill(number);
  await m.getByTestId('rzp-card-expiry').fill('12 / 30');
  await m.getByTestId('rzp-card-cvv').fill('123');
  await m.getByTestId('rzp-pay').click();
}

test('when a RuPay test card pays, then the handler gets a payload whose signature verifies', async ({
  page,
  shop,
  rzp,
}) => {
  const { url, orderId } = await shop.checkoutUrl(122664);
  await page.goto(url);
  await page.getByRole('button', { name: 'Buy now' }).click();
  const m = modal(page);
  // Formatted by the shop's own formatter (@checkout-lab/contracts/money): Indian grouping.
  await expect(m.getByTestId('rzp-amount')).toHaveText('₹1,226.64');
  await expect(m.getByTestId('rzp-merchant-name')).toHaveText('Checkout Lab');
  await expect(m.getByRole('tab', { name: 'Card' })).toHaveAttribute('aria-selected', 'true');
  await m.getByLabel('Card number').fill('6527 6589 0000 1005');
  await expect(m.getByTestId('rzp-card-network')).toHaveText('RuPay');
  await fillCard(page, '6527658900001005');
  await expect(m.getByTestId('rzp-bank-page')).toBeVisible();
  await m.getByRole('button', { name: 'Success' }).click();

  await expect(page.getByRole('status')).toHaveText('handler');
  await expect(page.getByTestId('rzp-checkout-frame')).toHaveCount(0);
  const [handler] = await events(page);
  const payload = handler?.data as {
    razorpay_payment_id: string;
    razorpay_order_id: string;
    razorpay_signature: string;
  };
  expect(payload.razorpay_order_id).toBe(orderId);
  expect(
    validatePaymentVerification(
      { order_id: orderId, payment_id: payload.razorpay_payment_id },
      payload.razorpay_signature,
      KEY_SECRET,
    ),
  ).toBe(true);
  const payment = await rzp.payments.fetch(payload.razorpay_payment_id, { 'expand[]': 'card' });
  expect(payment).toMatchObject({
    status: 'captured',
    email: 'asha@example.com',
    contact: '+919876543210',
    notes: { source: 'playwright' },
  });
  expect(payment.card).toMatchObject({ network: 'RuPay', last4: '1005' });
});

test('when a failure card is used, then payment.failed fires with the reason and a retry can succeed', async ({
  page,
  shop,
  rzp,
}) => {
  const { url, orderId } = await shop.checkoutUrl();
  await page.goto(url);
  await page.getByRole('button', { name: 'Buy now' }).click();
  const m = modal(page);
  await fillCard(page, '4100 2800 0006 0003');
  await m.getByTestId('rzp-outcome-failure').click();

  await expect(page.getByRole('status')).toHaveText('payment.failed');
  const alert = m.getByRole('alert');
  await expect(alert).toContainText('declined by the bank');
  await expect(alert).toHaveAttribute('data-reason', 'card_declined');
  const [failed] = await events(page);
  expect(failed?.data).toMatchObject({
    code: 'BAD_REQUEST_ERROR',
    reason: 'card_declined',
    source: 'bank',
    step: 'payment_authorization',
  });
  expect(failed?.data.metadata).toMatchObject({
    order_id: orderId,
    payment_id: expect.stringMatching(/^pay_/),
  });

  // Retry on the same order with UPI, which Razorpay's test mode settles without a bank page.
  await m.getByRole('tab', { name: 'UPI' }).click();
  await m.getByLabel('UPI ID').fill('success@razorpay');
  await m.getByTestId('rzp-pay').click();
  await expect(page.getByRole('status')).toHaveText('handler');
  expect(await rzp.orders.fetch(orderId)).toMatchObject({ status: 'paid', attempts: 2 });
});

test('when retry is disabled and the bank page says Failure, then Pay is disabled after one failure', async ({
  page,
  shop,
}) => {
  const { url } = await shop.checkoutUrl(10000, { retry: 'off' });
  await page.goto(url);
  await page.getByRole('button', { name: 'Buy now' }).click();
  const m = modal(page);
  await m.getByRole('tab', { name: 'Netbanking' }).click();
  await m.getByTestId('rzp-bank-HDFC').check();
  await m.getByTestId('rzp-pay').click();
  await m.getByRole('button', { name: 'Failure' }).click();
  await expect(page.getByRole('status')).toHaveText('payment.failed');
  await expect(m.getByTestId('rzp-pay')).toBeDisabled();
});

test('when redirect is true with a callback_url, then success form-posts the three fields there instead of calling the handler', async ({
  page,
  shop,
}) => {
  const { url, orderId } = await shop.checkoutUrl(49900, { redirect: '1' });
  await page.goto(url);
  await page.getByRole('button', { name: 'Buy now' }).click();
  const m = modal(page);
  await m.getByRole('tab', { name: 'UPI' }).click();
  await m.getByLabel('UPI ID').fill('success@razorpay');
  await m.getByTestId('rzp-pay').click();

  await expect(page.locator('#landed')).toHaveText('/callback?shop_ref=42');
  const posted = new URLSearchParams((await page.locator('#posted').textContent()) ?? '');
  expect([...posted.keys()].sort()).toEqual([
    'razorpay_order_id',
    'razorpay_payment_id',
    'razorpay_signature',
  ]);
  expect(posted.get('razorpay_order_id')).toBe(orderId);
  expect(
    validatePaymentVerification(
      { order_id: orderId, payment_id: String(posted.get('razorpay_payment_id')) },
      String(posted.get('razorpay_signature')),
      KEY_SECRET,
    ),
  ).toBe(true);
});

test('when redirect is true with a callback_url and the payment fails, then the error fields are form-posted there', async ({
  page,
  shop,
}) => {
  const { url, orderId } = await shop.checkoutUrl(49900, { redirect: '1' });
  await page.goto(url);
  await page.getByRole('button', { name: 'Buy now' }).click();
  await fillCard(page, '4100 2800 0006 0003');
  await modal(page).getByTestId('rzp-outcome-failure').click();

  await expect(page.locator('#landed')).toHaveText('/callback?shop_ref=42');
  const posted = new URLSearchParams((await page.locator('#posted').textContent()) ?? '');
  expect(Object.fromEntries(posted)).toMatchObject({
    'error[code]': 'BAD_REQUEST_ERROR',
    'error[reason]': 'card_declined',
    'error[source]': 'bank',
    'error[step]': 'payment_authorization',
    'error[description]': expect.stringMatching(/declined by the bank/),
  });
  expect(JSON.parse(String(posted.get('error[metadata]')))).toEqual({
    order_id: orderId,
    payment_id: expect.stringMatching(/^pay_/),
  });
});

test("when the modal opens, then it offers exactly the server's banks and wallets and names card networks as the server does", async ({
  page,
  shop,
}) => {
  const { url } = await shop.checkoutUrl();
  await page.goto(url);
  await page.getByRole('button', { name: 'Buy now' }).click();
  const m = modal(page);
  const values = (kind: string) =>
    m
      .locator(`input[name="${kind}"]`)
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  await m.getByRole('tab', { name: 'Netbanking' }).click();
  expect(await values('bank')).toEqual(Object.keys(NETBANKING_BANKS));
  await expect(m.getByLabel(NETBANKING_BANKS.BARB)).toBeVisible();
  await m.getByRole('tab', { name: 'Wallet' }).click();
  expect(await values('wallet')).toEqual(Object.keys(WALLETS));
  await m.getByRole('tab', { name: 'Card' }).click();
  for (const number of [...Object.values(SUCCESS_CARDS), '5555555555554444', '5018000000000009']) {
    await m.getByTestId('rzp-card-number').fill(number);
    await expect(m.getByTestId('rzp-card-network')).toHaveText(detectNetwork(number));
  }
});

test('when the buyer closes the modal, then ondismiss runs and no payment is made', async ({
  page,
  shop,
  rzp,
}) => {
  const { url, orderId } = await shop.checkoutUrl();
  await page.goto(url);
  await page.getByRole('button', { name: 'Buy now' }).click();
  await modal(page).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status')).toHaveText('dismiss');
  await expect(page.getByTestId('rzp-checkout-frame')).toHaveCount(0);
  expect(await rzp.orders.fetch(orderId)).toMatchObject({ status: 'created', attempts: 0 });
});

test('when the modal opens, then keyboard focus moves into it, and when it closes, then focus returns', async ({
  page,
  shop,
}) => {
  const { url } = await shop.checkoutUrl(49900);
  await page.goto(url);
  const buy = page.getByRole('button', { name: 'Buy now' });
  await buy.focus();
  await page.keyboard.press('Enter');
  const m = modal(page);
  await expect(m.getByRole('tab', { name: 'Card' })).toBeFocused();
  await expect(page.getByTestId('rzp-checkout-frame')).toBeFocused();
  await m.getByTestId('rzp-close').click();
  await expect(page.getByRole('status')).toHaveText('dismiss');
  await expect(buy).toBeFocused();
});

test('when a RupantorPay checkout is paid on the hosted page, then the browser lands on success_url with the documented camelCase query', async ({
  page,
  sandbox,
  shop,
}) => {
  const res = await fetch(`${sandbox.rupantorpayApiBase}/payment/checkout`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-API-KEY': 'sandbox_rupantorpay_key_not_for_production',
    },
    body: JSON.stringify({
      fullname: 'Rahim Uddin',
      email: 'rahim@example.com',
      amount: 990,
      success_url: `${shop.url}/payment/success`,
      cancel_url: `${shop.url}/payment/cancel`,
    }),
  });
  const { payment_url } = (await res.json()) as { payment_url: string };
  await page.goto(payment_url);
  await expect(page.getByTestId('rp-amount')).toHaveText('৳990.00');
  await page.getByLabel('bKash').check();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await expect(page).toHaveURL(
    /\/payment\/success\?transactionId=RPTX[0-9A-Z]{12}&paymentMethod=bkash&paymentAmount=990\.00&paymentFee=24\.75&currency=BDT&status=COMPLETED$/,
  );
});
