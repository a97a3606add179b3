import { expect, saveFinalScreenshot, test } from './fixtures';

test('when a developer opens /api/docs, then the generated API reference renders, with no CSP errors', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Checkout Lab API/ })).toBeVisible();
  const checkout = page.locator('#operations-payments-postOrdersIdCheckout');
  await expect(checkout).toBeVisible();
  await checkout.getByRole('button').first().click();
  // Its request schema came from the zod body the route validates with.
  await expect(checkout.getByText('Request body')).toBeVisible();
  await expect(checkout.locator('tr.response[data-code="201"]')).toBeVisible();
  await saveFinalScreenshot(page, 'api-docs');
  expect(problems).toEqual([]);
});
