import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { faultsSchema, noFaults } from '../config';
import type { SandboxContext } from '../context';
import { badRequest, RazorpayError } from '../razorpay/razorpay-error';
import { publicOrigin } from '../public-origin';
import { isStripeEvent, triggerStripe } from '../stripe/trigger';
import { dialectRouter } from './dialect.router';
import { trigger } from './trigger.service';

const gatewaySchema = z.enum(['razorpay', 'stripe']).default('razorpay');
const urlsSchema = z
  .object({ urls: z.array(z.url({ protocol: /^https?$/ })).max(20), gateway: gatewaySchema })
  .strict();
type TargetsKey = 'webhookUrls' | 'stripeWebhookUrls';
// Each gateway has its own webhook targets; Razorpay's is the default for older callers.
const targetsKey = (gateway: 'razorpay' | 'stripe'): TargetsKey =>
  gateway === 'stripe' ? 'stripeWebhookUrls' : 'webhookUrls';
const eventsQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 500' })
    .int('must be a whole number from 1 to 500')
    .min(1, 'must be a whole number from 1 to 500')
    .max(500, 'must be a whole number from 1 to 500')
    .default(50),
});
const settingsSchema = z
  .object({ autoCapture: z.boolean(), timeScale: z.number().positive().max(100) })
  .partial()
  .strict();

const notFound = (description: string): RazorpayError =>
  new RazorpayError(404, {
    ...badRequest(description).body,
    source: 'NA',
    step: 'NA',
    reason: 'NA',
  });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  // express.json leaves the body undefined for other content types.
  if (body === undefined) throw badRequest('Send a JSON body with Content-Type: application/json.');
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || null;
  throw badRequest(`${field ?? 'body'}: ${issue?.message ?? 'invalid'}`, field);
}

/** An event with its delivery attempts, the shape `GET /_sandbox/events` and the CLI use. */
function eventView(ctx: SandboxContext, id: string, withBody: boolean) {
  const e = ctx.store.events.get(id);
  if (!e) throw notFound('The id provided does not exist');
  return {
    id: e.id,
    gateway: e.gateway,
    type: e.type,
    created_at: e.created_at,
    ...(withBody ? { payload: JSON.parse(e.body) as unknown } : {}),
    deliveries: ctx.webhooks.deliveries().filter((d) => d.eventId === e.id),
  };
}

// New each process, so a readiness check can tell this sandbox from one left running earlier.
const INSTANCE = randomUUID();

/** `/_sandbox`: the local control plane (no auth — a dev tool bound to loopback by default). */
export function controlRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.use(express.json({ limit: ctx.config.bodyLimit }));
  const { settings } = ctx;

  router.get('/health', (_req, res) => {
    res.json({
      // Who answers: `npm run dev` waits for this name, not just any server on SANDBOX_PORT.
      service: 'checkout-lab-sandbox',
      instance: INSTANCE,
      status: 'ok',
      keyId: ctx.config.razorpayKeyId,
      orders: ctx.store.orders.size,
      webhookUrls: settings.webhookUrls,
      stripe: {
        publishableKey: ctx.config.stripePublishableKey,
        webhookUrls: settings.stripeWebhookUrls,
      },
    });
  });

  router.get('/events', (req, res) => {
    const limit = parse(eventsQuerySchema, req.query).limit;
    const ids = [...ctx.store.events.keys()].slice(-limit);
    res.json({ events: ids.map((id) => eventView(ctx, id, false)) });
  });
  router.get('/events/:id', (req, res) => {
    res.json(eventView(ctx, req.params.id, true));
  });
  router.post('/events/:id/resend', (req, res) => {
    const event = ctx.store.events.get(req.params.id);
    if (!event) throw notFound('The id provided does not exist');
    ctx.webhooks.resend(event);
    res
      .status(202)
      .json({ resent: event.id, type: event.type, targets: ctx.webhooks.targetsOf(event) });
  });
  router.get('/deliveries', (_req, res) => {
    res.json({ deliveries: ctx.webhooks.deliveries() });
  });

  router.post('/trigger', (req, res) => {
    const { event } = parse(z.object({ event: z.string().min(1) }), req.body);
    if (isStripeEvent(event)) {
      return res.status(201).json(triggerStripe(ctx, event, publicOrigin(ctx.config, req)));
    }
    res.status(201).json(trigger(ctx, event));
  });

  router.get('/faults', (_req, res) => {
    res.json(settings.faults);
  });
  router.put('/faults', (req, res) => {
    settings.faults = { ...settings.faults, ...parse(faultsSchema.partial().strict(), req.body) };
    res.json(settings.faults);
  });
  router.delete('/faults', (_req, res) => {
    settings.faults = { ...noFaults };
    res.json(settings.faults);
  });

  router.get('/webhooks', (req, res) => {
    const gateway = gatewaySchema.safeParse(req.query.gateway);
    if (!gateway.success) throw badRequest('gateway: must be razorpay or stripe', 'gateway');
    res.json({ urls: settings[targetsKey(gateway.data)] });
  });
  router.put('/webhooks', (req, res) => {
    const { urls, gateway } = parse(urlsSchema, req.body);
    settings[targetsKey(gateway)] = urls;
    res.json({ urls });
  });

  router.get('/settings', (_req, res) => {
    res.json({ autoCapture: settings.autoCapture, timeScale: settings.timeScale });
  });
  router.put('/settings', (req, res) => {
    Object.assign(settings, parse(settingsSchema, req.body));
    res.json({ autoCapture: settings.autoCapture, timeScale: settings.timeScale });
  });

  router.use('/rupantorpay', dialectRouter(ctx));

  router.use(() => {
    throw notFound('Unknown sandbox control endpoint.');
  });
  return router;
}
