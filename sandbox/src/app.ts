import express, { type ErrorRequestHandler, type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { SandboxContext } from './context';
import { controlRouter } from './control/control.router';
import { razorpayRouter } from './razorpay/razorpay.router';
import { RazorpayError, requestError, serverError } from './razorpay/razorpay-error';
import { rupantorpayRouter } from './rupantorpay/rupantorpay.router';
import { stripeApiRouter } from './stripe/stripe-api.router';
import { stripeRouter } from './stripe/stripe.router';

/** Builds the sandbox's HTTP app from a context; never listens and never reads process.env. */
export function buildApp(ctx: SandboxContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: ctx.log,
      // Request bodies are never logged (they can hold card numbers); credentials are redacted.
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'debug'),
    }),
  );

  app.get('/', (_req, res) => {
    res.json({
      name: 'Checkout Lab gateway sandbox',
      razorpay: { apiBase: '/razorpay', checkoutScript: '/razorpay/checkout.js' },
      rupantorpay: { apiBase: '/rupantorpay/api' },
      stripe: { apiBase: '/v1', stripeJs: '/stripe/v3/' },
      control: '/_sandbox',
      docs: 'docs/sandbox.md',
    });
  });
  app.use('/razorpay', razorpayRouter(ctx));
  app.use('/rupantorpay', rupantorpayRouter(ctx));
  // The stripe SDK's base path is fixed at /v1 (only host, port and protocol are settable).
  app.use('/v1', stripeApiRouter(ctx));
  app.use('/stripe', stripeRouter(ctx));
  app.use('/_sandbox', controlRouter(ctx));
  app.use(() => {
    throw requestError(404, 'The requested URL was not found on the server.');
  });
  app.use(finalErrorHandler(ctx));
  return app;
}

function isClientError(status: unknown): status is number {
  return typeof status === 'number' && status >= 400 && status < 500;
}

// The gateways have their own handlers; this one covers the control API and stray paths.
function finalErrorHandler(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let error: RazorpayError;
    const parserError = err as { type?: string; status?: number };
    if (err instanceof RazorpayError) error = err;
    else if (parserError.type === 'entity.parse.failed')
      error = requestError(400, 'The request body is not valid JSON.');
    else if (parserError.type === 'entity.too.large')
      error = requestError(413, 'The request body is too large.');
    else if (isClientError(parserError.status)) {
      // body-parser's other refusals (an encoding it cannot undo, an aborted body) and the
      // router's "Failed to decode param": the client's mistake, kept as its 4xx.
      error = requestError(
        parserError.status,
        err instanceof URIError
          ? 'The requested URL is not valid percent-encoding.'
          : 'The request body could not be read.',
      );
    } else {
      ctx.log.error({ err, path: req.path }, 'sandbox request failed');
      error = serverError();
    }
    res.status(error.status).json(error.toJSON());
  };
}
