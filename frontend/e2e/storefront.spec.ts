import { buyUpToPayment, expect, modal, saveFinalScreenshot, test } from './fixtures';

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('when the catalogue opens, then products, prices, stock and the sandbox badge fit the screen', async ({
    page,
    api,
  }) => {
    const product = await api.createProduct({ price: 22550, stock: 3 });
    await page.goto('/');
    await expect(page.getByTestId('sandbox-badge')).toHaveText('Sandbox mode');
    const card = page.getByTestId('product-card').filter({ hasText: product.name });
    await expect(card.getByText('₹225.50')).toBeVisible();
    await expect(card.getByText('Only 3 left')).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await card.getByRole('link', { name: product.name }).click();
    await expect(page.getByRole('heading', { name: product.name })).toBeVisible();
    await page.getByRole('button', { name: 'Increase quantity' }).click();
    await page.getByRole('button', { name: `Add ${product.name} to cart` }).click();
    await expect(page.getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();
    await page.getByRole('link', { name: 'Cart, 2 items' }).click();
    await expect(page.getByTestId('cart-estimate')).toHaveText('₹451.00');
    await saveFinalScreenshot(page, 'mobile-cart');
  });
});

test('when the checkout script cannot load, then the pay page says so and trying again works', async ({
  page,
  api,
}) => {
  const product = await api.createProduct();
  await buyUpToPayment(page, product);
  await page.route('**/razorpay/checkout.js', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: /^Pay ₹/ }).click();

  await expect(page.getByRole('alert')).toContainText('The payment window could not be loaded');
  await saveFinalScreenshot(page, 'checkout-script-error');

  await page.unroute('**/razorpay/checkout.js');
  await page.getByRole('button', { name: /^Try again — pay ₹/ }).click();
  await expect(modal(page).getByTestId('rzp-pay')).toBeVisible();
});
