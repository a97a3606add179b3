import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type ErrorRequestHandler } from 'express';
import type { SandboxContext } from '../context';
import { finishChallenge } from './confirmation.service';
import { StripeApiError } from './stripe-error';
import { renderChallengeOutcome, renderChallengePage } from './three-d-secure-page';

const PUBLIC_DIR = join(__dirname, 'public');
const asset = (name: string): string => readFileSync(join(PUBLIC_DIR, name), 'utf8');

/**
 * `/stripe`: the drop-in Stripe.js (`/stripe/v3/`, like https://js.stripe.com/v3/), the Payment
 * Element's card form it frames, and the 3-D Secure challenge page a confirmation may send to.
 */
export function stripeRouter(ctx: SandboxContext): Router {
  const router = Router();
  // One file, like the real script: the element's class, then the Stripe() entry point.
  const stripeJs = `${asset('payment-element.js')}\n${asset('stripe.js')}`;
  router.get(['/v3', '/v3/', '/stripe.js'], (_req, res) => {
    // Merchants load it from any origin, like the real script.
    res.set({
      'Content-Type': 'application/javascript; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
    });
    res.send(stripeJs);
  });

  const files: Record<string, [string, string]> = {
    'element.js': [asset('element.js'), 'application/javascript; charset=utf-8'],
    'element.css': [asset('element.css'), 'text/css; charset=utf-8'],
  };
  const elementHtml = asset('element.html');
  router.get('/_sandbox/element', (_req, res) => {
    res
      .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      .send(elementHtml);
  });
  router.get('/_sandbox/assets/:file', (req, res, next) => {
    const file = files[req.params.file];
    if (!file) return next();
    res.set({ 'Content-Type': file[1], 'Cache-Control': 'no-cache' }).send(file[0]);
  });

  router.get('/_sandbox/3ds/:token', (req, res) => {
    const { stripe } = ctx.store;
    const challenge = stripe.challenges.get(req.params.token);
    const intent = challenge && stripe.intents.get(challenge.intent_id);
    const pm = challenge && stripe.paymentMethods.get(challenge.payment_method);
    if (!challenge || !intent || !pm) {
      return res
        .status(404)
        .type('html')
        .send(renderChallengeOutcome('This authentication is no longer pending.'));
    }
    res.type('html').send(renderChallengePage(intent, pm));
  });
  router.post(
    '/_sandbox/3ds/:token',
    express.urlencoded({ extended: false, limit: '2kb' }),
    (req, res) => {
      const action: unknown = req.body?.action;
      if (action !== 'complete' && action !== 'fail') {
        return res
          .status(400)
          .type('html')
          .send(renderChallengeOutcome('Choose Complete or Fail.'));
      }
      const { intent, redirect } = finishChallenge(ctx, req.params.token, action);
      if (redirect) return res.redirect(303, redirect);
      const outcome =
        intent.status === 'succeeded' ? 'Authentication complete.' : 'Authentication failed.';
      res.type('html').send(renderChallengeOutcome(`${outcome} You can close this window.`));
    },
  );

  router.use((_req, res) => {
    res.status(404).type('text').send('Not found');
  });
  router.use(pageErrorHandler(ctx));
  return router;
}

function pageErrorHandler(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof StripeApiError) {
      return res.status(err.status).type('html').send(renderChallengeOutcome(err.message));
    }
    ctx.log.error({ err, path: req.path }, 'stripe page failed');
    res
      .status(500)
      .type('html')
      .send(renderChallengeOutcome('Something went wrong in the sandbox.'));
  };
}
