import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { buildApp } from './app';
import { parseConfig, sandboxDefaults, type Faults, type SandboxConfig } from './config';
import { createContext, type ContextDeps } from './context';
import { changeDialect } from './control/dialect.router';
import type { DialectChange } from './rupantorpay/dialect';
import type { DeliveryLogEntry } from './webhooks/webhook-delivery.service';

export {
  sandboxDefaults,
  noFaults,
  parseFaultAssignments,
  type Faults,
  type SandboxConfig,
} from './config';
export type { DeliveryLogEntry } from './webhooks/webhook-delivery.service';
export type { FaultKind, RandomSource } from './webhooks/faults';
export { buildApp } from './app';
export { createContext, type SandboxContext, type RuntimeSettings } from './context';
export { signPayment, signWebhookBody } from './razorpay/signer';
export {
  RUPANTOR_DIALECT_PRESETS,
  type DialectChange,
  type RupantorDialect,
  type RupantorDialectPreset,
} from './rupantorpay/dialect';
export { SUCCESS_CARDS, FAILURE_CARDS } from './razorpay/test-cards';
export { stripeSignatureHeader } from './stripe/signer';
export { STRIPE_EVENTS, SANDBOX_API_VERSION } from './stripe/stripe-events';
export { TEST_CARDS as STRIPE_TEST_CARDS, TEST_PAYMENT_METHODS } from './stripe/test-cards';

/** The gateways whose webhook targets can be set (RupantorPay's come with each checkout). */
export type WebhookGateway = 'razorpay' | 'stripe';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  /** `${url}/razorpay`, what the backend sets as RAZORPAY_API_BASE. */
  razorpayApiBase: string;
  /** `${url}/rupantorpay/api`, what the backend sets as RUPANTORPAY_API_BASE. */
  rupantorpayApiBase: string;
  /** `${url}/razorpay/checkout.js` */
  checkoutScriptUrl: string;
  /** `${url}`: the stripe SDK's host, port and protocol (it always adds `/v1`); STRIPE_API_BASE. */
  stripeApiBase: string;
  /** `${url}/stripe/v3/`, the drop-in for https://js.stripe.com/v3/; STRIPE_JS_URL. */
  stripeJsUrl: string;
  config: SandboxConfig;
  /** A gateway's webhook targets (Razorpay's by default); an empty list means a "lost webhook". */
  setWebhookUrls(urls: string[], gateway?: WebhookGateway): void;
  setFaults(faults: Partial<Faults>): void;
  setAutoCapture(on: boolean): void;
  setTimeScale(scale: number): void;
  /** RupantorPay's wire variant from now on: a preset, then any fields (same as the control API). */
  setRupantorpayDialect(change: DialectChange): void;
  deliveries(): DeliveryLogEntry[];
  /** Resolves when no webhook delivery is in flight or scheduled. */
  idle(): Promise<void>;
  /** Stops timers (pending retries are cancelled), writes the snapshot, closes the server. */
  close(): Promise<void>;
}

/** Any config field; `faults` and `rupantorpayDialect` may be partial. */
export type StartOptions = Omit<Partial<SandboxConfig>, 'faults' | 'rupantorpayDialect'> & {
  port?: number;
  host?: string;
  faults?: Partial<Faults>;
  /** Fields over the documented dialect, or a preset first (`{ preset: 'seed000' }`). */
  rupantorpayDialect?: DialectChange;
} & ContextDeps;

/**
 * Starts the sandbox in this process. Unlike `npm -w sandbox start`, the defaults suit tests:
 * port 0 (a free port), no webhook targets, no snapshot, silent logs. Never reads process.env.
 */
export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const { random, logger, ...overrides } = options;
  const config = parseConfig({
    ...sandboxDefaults,
    port: 0,
    webhookUrls: [],
    stripeWebhookUrls: [],
    logLevel: 'silent',
    ...overrides,
    faults: { ...sandboxDefaults.faults, ...overrides.faults },
    rupantorpayDialect: changeDialect(
      sandboxDefaults.rupantorpayDialect,
      overrides.rupantorpayDialect,
    ),
  });
  const ctx = createContext(config, { random, logger });
  const server = createServer(buildApp(ctx));
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  const faultKeys = new Set(Object.keys(sandboxDefaults.faults));

  return {
    url,
    razorpayApiBase: `${url}/razorpay`,
    rupantorpayApiBase: `${url}/rupantorpay/api`,
    checkoutScriptUrl: `${url}/razorpay/checkout.js`,
    stripeApiBase: url,
    stripeJsUrl: `${url}/stripe/v3/`,
    config,
    setWebhookUrls: (urls, gateway = 'razorpay') => {
      if (gateway === 'stripe') ctx.settings.stripeWebhookUrls = [...urls];
      else ctx.settings.webhookUrls = [...urls];
    },
    setFaults: (faults) => {
      const unknown = Object.keys(faults).filter((k) => !faultKeys.has(k));
      if (unknown.length > 0) throw new Error(`Unknown fault(s): ${unknown.join(', ')}`);
      ctx.settings.faults = parseConfig({
        ...config,
        faults: { ...ctx.settings.faults, ...faults },
      }).faults;
    },
    setAutoCapture: (on) => {
      ctx.settings.autoCapture = on;
    },
    setTimeScale: (scale) => {
      ctx.settings.timeScale = parseConfig({ ...config, timeScale: scale }).timeScale;
    },
    setRupantorpayDialect: (change) => {
      ctx.settings.rupantorpayDialect = changeDialect(ctx.settings.rupantorpayDialect, change);
    },
    deliveries: () => ctx.webhooks.deliveries(),
    idle: () => ctx.webhooks.idle(),
    close: () => closeServer(server, ctx),
  };
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function closeServer(
  server: Server,
  ctx: { webhooks: { close(): void }; flush(): void },
): Promise<void> {
  ctx.webhooks.close();
  ctx.flush();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets (browsers, SDK agents) would otherwise hold close() open.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  });
}
