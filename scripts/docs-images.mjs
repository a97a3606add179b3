/* global window */
// `npm run docs:images`: regenerates the two images the docs show, in the same Chromium the
// browser tests use (scripts/lib/chromium.cjs):
//   docs/images/payment-flow.svg  the Mermaid sequence diagram of docs/payment-flow.md, drawn by
//                                 the mermaid package itself (for viewers that do not render Mermaid)
//   docs/images/success-page.png  the success page and its timeline after a sandbox payment,
//                                 1280×800, bought through the real modal on the e2e stack
// Mermaid's own CLI would download a browser with puppeteer, which these machines cannot.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { spawnStack } from '../frontend/e2e/harness/spawn-stack.mjs';
import { ROOT } from './lib/workspace.mjs';

const require = createRequire(import.meta.url);
const { chromiumLaunchOptions } = require('./lib/chromium.cjs');
const IMAGES = path.join(ROOT, 'docs', 'images');

/** The first ```mermaid block of a doc. */
function mermaidSource(doc) {
  const text = readFileSync(path.join(ROOT, doc), 'utf8');
  const match = /```mermaid\n([\s\S]*?)```/.exec(text);
  if (!match) throw new Error(`${doc} has no mermaid block`);
  return match[1];
}

async function drawDiagram(browser) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  const svg = await page.evaluate(async (source) => {
    const { mermaid } = window;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    return (await mermaid.render('payment-flow', source)).svg;
  }, mermaidSource('docs/payment-flow.md'));
  await page.close();
  // A white background: the diagram's text is dark, and viewers in dark mode show SVGs as drawn.
  const file = path.join(IMAGES, 'payment-flow.svg');
  writeFileSync(file, `${svg.replace(/^(<svg [^>]*?style=")/, '$1background-color: white; ')}\n`);
  return file;
}

async function api(stack, method, url, body) {
  const res = await fetch(`${stack.baseUrl}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stack.adminToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return res.json();
}

/** Buys two tote bags with a RuPay test card, as the tutorial's step 2 does. */
async function shootSuccessPage(browser) {
  // The stack serves the production bundle, as the browser tests do.
  const { build } = await import('vite');
  await build({ root: path.join(ROOT, 'frontend'), logLevel: 'warn' });
  const stack = await spawnStack();
  try {
    // The stack seeds the demo catalogue; a stack without it gets the one product needed.
    const seeded = await fetch(`${stack.baseUrl}/api/products/canvas-tote-bag`);
    if (seeded.status === 404)
      await api(stack, 'POST', '/api/products', {
        slug: 'canvas-tote-bag',
        name: 'Canvas Tote Bag',
        description: 'Heavy cotton canvas with long handles.',
        image: '/products/canvas-tote-bag.svg',
        price: 49900,
        currency: 'INR',
        stock: 40,
      });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(stack.baseUrl);
    const add = page.getByRole('button', { name: 'Add Canvas Tote Bag to cart' });
    await add.click();
    await add.click();
    await page.getByRole('link', { name: /^Cart,/ }).click();
    await page.getByRole('link', { name: 'Checkout', exact: true }).click();
    await page.getByLabel('Full name').fill('Asha Rao');
    await page.getByLabel('Email').fill('asha@example.com');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByRole('button', { name: /^Pay ₹/ }).click();
    const modal = page.frameLocator('[data-testid="rzp-checkout-frame"]');
    await modal.getByLabel('Card number').fill('6527 6589 0000 1005');
    await modal.getByLabel('Expiry (MM / YY)').fill('12 / 30');
    await modal.getByLabel('CVV').fill('123');
    await modal.getByTestId('rzp-pay').click();
    await modal.getByRole('button', { name: 'Success' }).click();
    await page.getByRole('heading', { name: /payment is confirmed/ }).waitFor();
    // Both witnesses in: the signature (verify) and the gateway's webhook.
    await page.locator('[data-testid="step-webhook"][data-state="done"]').waitFor();
    await page.locator('[data-testid="step-fulfilled"]').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = path.join(IMAGES, 'success-page.png');
    await page.screenshot({ path: file });
    await context.close();
    return file;
  } finally {
    await stack.stop();
  }
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const only = process.argv[2];
  if (!only || only === 'diagram')
    console.log(`wrote ${path.relative(ROOT, await drawDiagram(browser))}`);
  if (!only || only === 'screenshot')
    console.log(`wrote ${path.relative(ROOT, await shootSuccessPage(browser))}`);
} finally {
  await browser.close();
}
