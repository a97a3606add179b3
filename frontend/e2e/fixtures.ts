import type { ProductCreateBody } from '@checkout-lab/contracts/schemas';
import type { OrderDto, ProductDto } from '@checkout-lab/contracts/dto';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run the tests through playwright (globalSetup)`);
  return value;
}

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', 'test-results', 'screenshots');

/** Talks to the real backend the browser uses, for setting up data and checking the truth. */
export class ShopApi {
  constructor(
    readonly baseUrl: string,
    readonly adminToken: string,
    readonly sandboxUrl: string,
  ) {}

  /** `url` is a path on the shop, or an absolute URL (the sandbox). */
  async request<T>(method: string, url: string, body?: unknown, admin = false): Promise<T> {
    const res = await fetch(url.startsWith('http') ? url : `${this.baseUrl}${url}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(admin ? { Authorization: `Bearer ${this.adminToken}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A product of this test's own, so tests never share stock or names. */
  async createProduct(input: Partial<ProductCreateBody> = {}): Promise<ProductDto> {
    const id = randomBytes(4).toString('hex');
    const { product } = await this.request<{ product: ProductDto }>(
      'POST',
      '/api/products',
      {
        slug: `e2e-${id}`,
        name: `Test Lamp ${id}`,
        description: 'Made for one end-to-end test.',
        image: '/products/desk-succulent.svg',
        price: 49900,
        currency: 'INR',
        stock: 10,
        ...input,
      },
      true,
    );
    return product;
  }

  async order(id: string): Promise<OrderDto> {
    return (await this.request<{ order: OrderDto }>('GET', `/api/orders/${id}`)).order;
  }
}

export const test = base.extend<{ api: ShopApi; baseURL: string }>({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(env('E2E_BASE_URL')),
  // eslint-disable-next-line no-empty-pattern
  api: async ({}, use) =>
    use(new ShopApi(env('E2E_BASE_URL'), env('E2E_ADMIN_TOKEN'), env('E2E_SANDBOX_URL'))),
});

export { expect };

/** Signs in to /admin through the token form (each test has a fresh browser session). */
export async function signInToAdmin(page: Page, token: string): Promise<void> {
  await page.goto('/admin');
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
}

/** The sandbox's checkout modal lives in its own iframe (its own origin). */
export const modal = (page: Page): FrameLocator =>
  page.frameLocator('[data-testid="rzp-checkout-frame"]');

export async function payWithCard(page: Page, number: string): Promise<void> {
  const m = modal(page);
  await m.getByLabel('Card number').fill(number);
  await m.getByLabel('Expiry (MM / YY)').fill('12 / 30');
  await m.getByLabel('CVV').fill('123');
  await m.getByTestId('rzp-pay').click();
}

export async function payWithUpi(page: Page, vpa: string): Promise<void> {
  const m = modal(page);
  await m.getByRole('tab', { name: 'UPI' }).click();
  await m.getByLabel('UPI ID').fill(vpa);
  await m.getByTestId('rzp-pay').click();
}

/** Adds the product from the catalogue, checks out, and lands on the payment step. */
export async function buyUpToPayment(
  page: Page,
  product: ProductDto,
  quantity = 1,
): Promise<string> {
  await page.goto('/');
  const add = page.getByRole('button', { name: `Add ${product.name} to cart` });
  for (let i = 0; i < quantity; i++) await add.click();
  await page.getByRole('link', { name: /^Cart,/ }).click();
  await expect(page.getByTestId(`cart-line-${product.slug}`)).toBeVisible();
  await page.getByRole('link', { name: 'Checkout', exact: true }).click();
  await page.getByLabel('Full name').fill('Asha Rao');
  await page.getByLabel('Email').fill('asha@example.com');
  await page.getByLabel('Phone (optional)').fill('+91 98765 43210');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible();
  const match = /\/orders\/(ord_[^/]+)\/pay/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a payment page: ${page.url()}`);
  return match[1];
}

/** A full-page screenshot of where the test ended, kept under test-results/screenshots. */
export async function saveFinalScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // From the top, so the sticky header sits where a person would see it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const body = await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { body, contentType: 'image/png' });
}
