// npm start: the built backend serves the built storefront on the same origin.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { buildTestApp } from '../helpers/test-app';

async function storefrontApp() {
  const dir = await mkdtemp(path.join(tmpdir(), 'storefront-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(
    path.join(dir, 'assets', 'index.js'),
    `console.log(${JSON.stringify('x'.repeat(20_000))});`,
  );
  const { ctx } = await buildTestApp({
    RAZORPAY_CHECKOUT_URL: 'http://127.0.0.1:4010/razorpay/checkout.js',
  });
  return buildApp({ ...ctx, staticDir: dir });
}

test('when a client route is opened, then the single-page app is served', async () => {
  const app = await storefrontApp();
  for (const route of [
    '/',
    '/cart',
    '/orders/ord_AAAAAAAAAAAAAAAAAAAAAA/success',
    '/admin/webhooks',
  ]) {
    const res = await request(app).get(route).expect(200);
    expect(res.text).toContain('<div id="root">');
  }
});

test('when an unknown API route is called, then it stays a JSON 404, not the app', async () => {
  const res = await request(await storefrontApp())
    .get('/api/nope')
    .expect(404);
  expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
});

test('when JavaScript is requested with gzip allowed, then it is sent compressed', async () => {
  const res = await request(await storefrontApp())
    .get('/assets/index.js')
    .set('Accept-Encoding', 'gzip')
    .expect(200);
  expect(res.headers['content-encoding']).toBe('gzip');
});

test('when a small API answer is requested with gzip allowed, then it is sent as is', async () => {
  const res = await request(await storefrontApp())
    .get('/api/nope')
    .set('Accept-Encoding', 'gzip')
    .expect(404);
  expect(res.headers['content-encoding']).toBeUndefined();
});

test("when the page is served, then the CSP lets it load the gateway's checkout script and frame", async () => {
  const res = await request(await storefrontApp())
    .get('/')
    .expect(200);
  const csp = res.headers['content-security-policy'] as string;
  expect(csp).toMatch(/script-src 'self' http:\/\/127\.0\.0\.1:4010/);
  expect(csp).toMatch(/frame-src 'self' http:\/\/127\.0\.0\.1:4010/);
  expect(csp).not.toContain('upgrade-insecure-requests'); // plain-http PUBLIC_BASE_URL
});
