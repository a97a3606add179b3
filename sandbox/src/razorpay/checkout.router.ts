import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import type { SandboxContext } from '../context';
import { moneyBrowserScript } from '../shared-money';
import { payOrder } from './checkout-payment.service';
import { findOrder } from './lookup';
import { modalTables } from './methods';
import { parsePayRequest } from './pay-request';
import { invalidApiKey } from './razorpay-error';

const PUBLIC_DIR = join(__dirname, 'public');

function asset(name: string): string {
  return readFileSync(join(PUBLIC_DIR, name), 'utf8');
}

/** `/razorpay/checkout.js`: the drop-in for https://checkout.razorpay.com/v1/checkout.js. */
export function checkoutScriptRouter(): Router {
  const router = Router();
  const script = asset('checkout.js');
  router.get('/checkout.js', (_req, res) => {
    // Merchants load it cross-origin from any page, like the real script.
    res.set({
      'Content-Type': 'application/javascript; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
    });
    res.send(script);
  });
  return router;
}

/**
 * `/razorpay/_sandbox/*`: the modal page that checkout.js frames (so card data stays in the
 * sandbox's origin) and the public endpoints it talks to, usable headless too.
 */
export function checkoutRouter(ctx: SandboxContext): Router {
  const router = Router();
  // `<` escaped so the JSON can never close its script element.
  const tables = JSON.stringify(modalTables()).replace(/</g, '\\u003c');
  const files: Record<string, [string, string]> = {
    'checkout.html': [
      asset('modal.html').replace('__RZP_TABLES__', tables),
      'text/html; charset=utf-8',
    ],
    'modal.js': [asset('modal.js'), 'application/javascript; charset=utf-8'],
    'modal.css': [asset('modal.css'), 'text/css; charset=utf-8'],
    'money.js': [moneyBrowserScript(), 'application/javascript; charset=utf-8'],
  };
  router.get(['/checkout', '/assets/:file'], (req, res, next) => {
    const param: unknown = req.params.file;
    const name = typeof param === 'string' ? param : 'checkout.html';
    const file = files[name];
    if (!file) return next();
    res.set({ 'Content-Type': file[1], 'Cache-Control': 'no-cache' }).send(file[0]);
  });

  // What the modal shows before the buyer pays: the order's amount, and whether it can be paid.
  router.get('/orders/:order_id', (req, res) => {
    const keyId = req.query.key_id;
    if (keyId !== undefined && keyId !== ctx.config.razorpayKeyId) throw invalidApiKey();
    const order = findOrder(ctx.store, req.params.order_id);
    res.json({
      id: order.id,
      amount: order.amount,
      amount_due: order.amount_due,
      currency: order.currency,
      status: order.status,
    });
  });

  router.post(
    '/orders/:order_id/pay',
    express.json({ limit: ctx.config.bodyLimit }),
    (req, res) => {
      const result = payOrder(ctx, req.params.order_id, parsePayRequest(req.body));
      if (result.ok) res.json(result.response);
      else res.status(result.error.status).json(result.error.toJSON());
    },
  );
  return router;
}
