import express, { Router, type ErrorRequestHandler } from 'express';
import { apiFaults } from '../api-faults.middleware';
import type { SandboxContext } from '../context';
import { razorpayAuth } from './auth.middleware';
import { checkoutRouter, checkoutScriptRouter } from './checkout.router';
import { ordersRouter } from './orders.router';
import { paymentsRouter } from './payments.router';
import {
  badRequest,
  RazorpayError,
  requestError,
  serverError,
  urlNotFound,
} from './razorpay-error';
import { refundsRouter } from './refunds.router';

/** Everything under `/razorpay`: the REST API at `/v1`, checkout.js, and the modal's endpoints. */
export function razorpayRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.use(checkoutScriptRouter());
  router.use('/_sandbox', checkoutRouter(ctx));

  const v1 = Router();
  v1.use(
    apiFaults(ctx, () => {
      throw serverError();
    }),
  );
  v1.use(razorpayAuth(ctx.config));
  // The SDK posts JSON; curl examples in Razorpay's docs post forms. Both are accepted.
  v1.use(express.json({ limit: ctx.config.bodyLimit }));
  v1.use(express.urlencoded({ extended: true, limit: ctx.config.bodyLimit }));
  v1.use('/orders', ordersRouter(ctx));
  v1.use('/payments', paymentsRouter(ctx));
  v1.use('/refunds', refundsRouter(ctx));
  router.use('/v1', v1);

  router.use(() => {
    throw urlNotFound();
  });
  router.use(razorpayErrorHandler(ctx));
  return router;
}

/** Maps anything thrown under `/razorpay` to Razorpay's error body; never leaks a stack. */
export function razorpayErrorHandler(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const error = toRazorpayError(err);
    if (error.status >= 500) ctx.log.error({ err, path: req.path }, 'razorpay request failed');
    res.status(error.status).json(error.toJSON());
  };
}

function toRazorpayError(err: unknown): RazorpayError {
  if (err instanceof RazorpayError) return err;
  const parserError = err as { type?: string; status?: number };
  if (parserError.type === 'entity.parse.failed')
    return badRequest('The request body is not valid JSON.');
  if (parserError.type === 'entity.too.large')
    return requestError(413, 'The request body is too large.');
  if (
    typeof parserError.status === 'number' &&
    parserError.status >= 400 &&
    parserError.status < 500
  ) {
    return requestError(parserError.status, 'The request could not be read.');
  }
  return serverError();
}
