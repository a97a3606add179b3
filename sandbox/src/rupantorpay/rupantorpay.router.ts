import { timingSafeEqual } from 'node:crypto';
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { apiFaults } from '../api-faults.middleware';
import type { SandboxContext } from '../context';
import { renderHostedPage } from './hosted-page';
import { RupantorError } from './rupantorpay-error';
import {
  checkoutView,
  createCheckout,
  findTransaction,
  HOSTED_METHODS,
  settle,
  verifyView,
  type HostedAction,
} from './transactions.service';

// RupantorPay answers a missing or wrong key with a 400 and its usual `{ status: false }` body.
function apiKeyAuth(ctx: SandboxContext): RequestHandler {
  const expected = Buffer.from(ctx.config.rupantorpayApiKey);
  return (req, _res, next) => {
    const given = req.get('x-api-key');
    if (!given)
      throw new RupantorError(400, 'API key is missing. Send it in the X-API-KEY header.');
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new RupantorError(400, 'Invalid API key.');
    }
    next();
  };
}

// The integrators' copy of the docs lists X-CLIENT (the merchant's host) as required. What the
// real API does without it is unknown, so the sandbox serves the call and says so in its log.
function warnWithoutClientHeader(ctx: SandboxContext): RequestHandler {
  return (req, _res, next) => {
    if (!req.get('x-client')) {
      ctx.log.warn(
        { path: req.originalUrl },
        'RupantorPay call without X-CLIENT: the real API lists it as required (your host name)',
      );
    }
    next();
  };
}

function origin(ctx: SandboxContext, req: express.Request): string {
  return (
    ctx.config.publicUrl?.replace(/\/$/, '') ??
    `${req.protocol}://${req.get('host') ?? 'localhost'}`
  );
}

/** Everything under `/rupantorpay`: the API at `/api/payment/*` and the hosted page at `/api/execute/:token`. */
export function rupantorpayRouter(ctx: SandboxContext): Router {
  const router = Router();
  const limit = ctx.config.bodyLimit;

  const api = Router();
  api.use(
    apiFaults(ctx, () => {
      throw new RupantorError(500, 'Internal Server Error');
    }),
  );
  api.use(
    warnWithoutClientHeader(ctx),
    apiKeyAuth(ctx),
    express.json({ limit }),
    express.urlencoded({ extended: true, limit }),
  );
  api.post('/checkout', (req, res) => {
    const tx = createCheckout(ctx, req.body);
    const url = `${origin(ctx, req)}/rupantorpay/api/execute/${tx.token}`;
    res.json(checkoutView(ctx.settings.rupantorpayDialect, url));
  });
  api.post('/verify-payment', (req, res) => {
    res.json(verifyView(findTransaction(ctx, req.body), ctx.settings.rupantorpayDialect));
  });
  router.use('/api/payment', api);

  router.get('/api/execute/:token', (req, res) => {
    const tx = ctx.store.rupantorByToken(req.params.token);
    if (!tx) throw new RupantorError(404, 'Payment link is invalid or has expired.');
    res.type('html').send(renderHostedPage(tx));
  });
  router.post('/api/execute/:token', express.urlencoded({ extended: false, limit }), (req, res) => {
    const tx = ctx.store.rupantorByToken(req.params.token);
    if (!tx) throw new RupantorError(404, 'Payment link is invalid or has expired.');
    const action = String(req.body?.action ?? '') as HostedAction;
    const method = String(req.body?.method ?? 'bkash') as keyof typeof HOSTED_METHODS;
    if (!['pay', 'fail', 'cancel'].includes(action) || !(method in HOSTED_METHODS)) {
      throw new RupantorError(400, 'Choose a payment method and an action.');
    }
    if (tx.status !== 'PENDING') return res.status(409).type('html').send(renderHostedPage(tx));
    res.redirect(303, settle(ctx, tx, action, method));
  });

  router.use(() => {
    throw new RupantorError(404, 'Not Found');
  });
  router.use(rupantorErrorHandler(ctx));
  return router;
}

function rupantorErrorHandler(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let error: RupantorError;
    const parserError = err as { type?: string; status?: number };
    if (err instanceof RupantorError) error = err;
    else if (parserError.type === 'entity.parse.failed')
      error = new RupantorError(400, 'Malformed JSON body.');
    else if (parserError.type === 'entity.too.large')
      error = new RupantorError(413, 'Request body too large.');
    else if (
      typeof parserError.status === 'number' &&
      parserError.status >= 400 &&
      parserError.status < 500
    ) {
      error = new RupantorError(parserError.status, 'The request could not be read.');
    } else {
      ctx.log.error({ err, path: req.path }, 'rupantorpay request failed');
      error = new RupantorError(500, 'Internal Server Error');
    }
    res.status(error.status).json(error.toJSON());
  };
}
