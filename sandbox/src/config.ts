import { SANDBOX_DEFAULTS } from '@checkout-lab/contracts/sandbox-defaults';
import { z } from 'zod';
import { documentedDialect, parseDialect, rupantorDialectSchema } from './rupantorpay/dialect';

/** Rates are probabilities in [0, 1]; each fault is decided independently per event. */
const rate = z.number().min(0).max(1);
const nonNegativeInt = z.number().int().min(0).max(600_000);

export const faultsSchema = z.object({
  /** The same event (same id, same body, same signature) is delivered twice. */
  duplicate: rate,
  /** Events raised by one action (e.g. authorized → captured → order.paid) arrive in reverse order. */
  reorder: rate,
  /** The event is held back for `delayMs` before its first attempt. */
  delay: rate,
  /** The first attempt never reaches the receiver (a simulated connection error), so it arrives by retry. */
  failFirst: rate,
  /** The first attempt carries a modified body with the original signature; retries send the genuine body. */
  tamper: rate,
  delayMs: nonNegativeInt,
  /** Added to every REST API response (Razorpay `/v1/*`, RupantorPay `/api/payment/*`). */
  apiLatencyMs: nonNegativeInt,
  /** Share of REST API requests answered with a 5xx before they touch any state. */
  apiErrorRate: rate,
  /** An order's first payment fails without a `payment.failed` event, as Razorpay documents it may. */
  dropFirstPaymentFailed: rate,
});
export type Faults = z.infer<typeof faultsSchema>;

export const noFaults: Faults = {
  duplicate: 0,
  reorder: 0,
  delay: 0,
  failFirst: 0,
  tamper: 0,
  delayMs: 3000,
  apiLatencyMs: 0,
  apiErrorRate: 0,
  dropFirstPaymentFailed: 0,
};

// Accept the spellings people type on a command line (fail_first, fail-first, failfirst).
const faultAliases: Record<string, keyof Faults> = Object.fromEntries(
  (Object.keys(noFaults) as (keyof Faults)[]).flatMap((key) => {
    const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return [key, key.toLowerCase(), snake, snake.replace(/_/g, '-')].map((alias) => [alias, key]);
  }),
);

/** Parses `duplicate=0.5,tamper=1 delayMs=2000` (commas or spaces) into a partial fault set. */
export function parseFaultAssignments(text: string): Partial<Faults> {
  const result: Partial<Faults> = {};
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const [name, raw] = part.split('=');
    const key = name === undefined ? undefined : faultAliases[name.trim()];
    if (!key || raw === undefined || raw.trim() === '' || Number.isNaN(Number(raw))) {
      throw new Error(
        `Invalid fault "${part}". Use name=value with one of: ${Object.keys(noFaults).join(', ')}`,
      );
    }
    result[key] = Number(raw);
  }
  return faultsSchema.partial().parse(result);
}

export const sandboxConfigSchema = z.object({
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1),
  razorpayKeyId: z.string().min(1),
  razorpayKeySecret: z.string().min(1),
  razorpayWebhookSecret: z.string().min(1),
  rupantorpayApiKey: z.string().min(1),
  /** Stripe's key shapes; the sandbox accepts only these two keys (and webhooks use the whsec). */
  stripeSecretKey: z.string().regex(/^sk_(test|live)_\w+$/, 'must look like sk_test_…'),
  stripePublishableKey: z.string().regex(/^pk_(test|live)_\w+$/, 'must look like pk_test_…'),
  stripeWebhookSecret: z.string().regex(/^whsec_\w+$/, 'must look like whsec_…'),
  /** Razorpay webhook targets (the name predates the other gateways). */
  webhookUrls: z.array(z.url({ protocol: /^https?$/ })),
  stripeWebhookUrls: z.array(z.url({ protocol: /^https?$/ })),
  autoCapture: z.boolean(),
  /** Multiplies webhook retry backoff (0.001 turns 10 s into 10 ms). */
  timeScale: z.number().positive().max(100),
  faults: faultsSchema,
  snapshotFile: z.string().min(1).nullable(),
  webhookTimeoutMs: z.number().int().positive(),
  webhookMaxAttempts: z.number().int().min(1).max(20),
  bodyLimit: z.string().min(1),
  logLevel: z.enum(['silent', 'error', 'warn', 'info', 'debug']),
  logFormat: z.enum(['pretty', 'json']),
  /** Origin used in RupantorPay `payment_url`s; derived from the request's Host when null. */
  publicUrl: z.url().nullable(),
  /** Which of RupantorPay's documented wire variants the sandbox speaks (see rupantorpay/dialect.ts). */
  rupantorpayDialect: rupantorDialectSchema,
});
export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;

/** The values used when no environment variable is set; they match `.env.example`. */
export const sandboxDefaults: SandboxConfig = {
  port: 4010,
  host: '127.0.0.1',
  razorpayKeyId: SANDBOX_DEFAULTS.RAZORPAY_KEY_ID,
  razorpayKeySecret: SANDBOX_DEFAULTS.RAZORPAY_KEY_SECRET,
  razorpayWebhookSecret: SANDBOX_DEFAULTS.RAZORPAY_WEBHOOK_SECRET,
  rupantorpayApiKey: SANDBOX_DEFAULTS.RUPANTORPAY_API_KEY,
  stripeSecretKey: SANDBOX_DEFAULTS.STRIPE_SECRET_KEY,
  stripePublishableKey: SANDBOX_DEFAULTS.STRIPE_PUBLISHABLE_KEY,
  stripeWebhookSecret: SANDBOX_DEFAULTS.STRIPE_WEBHOOK_SECRET,
  webhookUrls: ['http://127.0.0.1:4000/api/webhooks/razorpay'],
  stripeWebhookUrls: ['http://127.0.0.1:4000/api/webhooks/stripe'],
  autoCapture: true,
  timeScale: 1,
  faults: noFaults,
  snapshotFile: null,
  webhookTimeoutMs: 5000,
  webhookMaxAttempts: 6,
  bodyLimit: '100kb',
  logLevel: 'info',
  logFormat: 'pretty',
  publicUrl: null,
  rupantorpayDialect: documentedDialect,
};

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SANDBOX_HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  RUPANTORPAY_API_KEY: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  SANDBOX_WEBHOOK_URLS: z.string().optional(),
  SANDBOX_STRIPE_WEBHOOK_URLS: z.string().optional(),
  SANDBOX_AUTO_CAPTURE: boolFromEnv.optional(),
  SANDBOX_TIME_SCALE: z.coerce.number().positive().max(100).optional(),
  SANDBOX_FAULTS: z.string().optional(),
  SANDBOX_SNAPSHOT_FILE: z.string().optional(),
  SANDBOX_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  SANDBOX_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).optional(),
  SANDBOX_LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).optional(),
  SANDBOX_LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  SANDBOX_PUBLIC_URL: z.string().optional(),
  SANDBOX_RUPANTORPAY_DIALECT: z.string().optional(),
});

export class ConfigError extends Error {}

/** The only reader of environment variables; throws one readable list of every problem. */
export function loadConfigFromEnv(env: NodeJS.ProcessEnv): SandboxConfig {
  // Treat empty strings as unset, the way `.env` files commonly leave them.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid sandbox environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  try {
    const backendPort = e.PORT ?? 4000;
    const config: SandboxConfig = {
      ...sandboxDefaults,
      port: e.SANDBOX_PORT ?? sandboxDefaults.port,
      host: e.SANDBOX_HOST ?? sandboxDefaults.host,
      razorpayKeyId: e.RAZORPAY_KEY_ID ?? sandboxDefaults.razorpayKeyId,
      razorpayKeySecret: e.RAZORPAY_KEY_SECRET ?? sandboxDefaults.razorpayKeySecret,
      razorpayWebhookSecret: e.RAZORPAY_WEBHOOK_SECRET ?? sandboxDefaults.razorpayWebhookSecret,
      rupantorpayApiKey: e.RUPANTORPAY_API_KEY ?? sandboxDefaults.rupantorpayApiKey,
      stripeSecretKey: e.STRIPE_SECRET_KEY ?? sandboxDefaults.stripeSecretKey,
      stripePublishableKey: e.STRIPE_PUBLISHABLE_KEY ?? sandboxDefaults.stripePublishableKey,
      stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET ?? sandboxDefaults.stripeWebhookSecret,
      webhookUrls: urlList(
        e.SANDBOX_WEBHOOK_URLS,
        `http://127.0.0.1:${backendPort}/api/webhooks/razorpay`,
      ),
      stripeWebhookUrls: urlList(
        e.SANDBOX_STRIPE_WEBHOOK_URLS,
        `http://127.0.0.1:${backendPort}/api/webhooks/stripe`,
      ),
      autoCapture: e.SANDBOX_AUTO_CAPTURE ?? sandboxDefaults.autoCapture,
      timeScale: e.SANDBOX_TIME_SCALE ?? sandboxDefaults.timeScale,
      faults: { ...noFaults, ...(e.SANDBOX_FAULTS ? parseFaultAssignments(e.SANDBOX_FAULTS) : {}) },
      snapshotFile: e.SANDBOX_SNAPSHOT_FILE ?? null,
      webhookTimeoutMs: e.SANDBOX_WEBHOOK_TIMEOUT_MS ?? sandboxDefaults.webhookTimeoutMs,
      webhookMaxAttempts: e.SANDBOX_WEBHOOK_MAX_ATTEMPTS ?? sandboxDefaults.webhookMaxAttempts,
      logLevel: e.SANDBOX_LOG_LEVEL ?? sandboxDefaults.logLevel,
      logFormat: e.SANDBOX_LOG_FORMAT ?? sandboxDefaults.logFormat,
      publicUrl: e.SANDBOX_PUBLIC_URL ?? null,
      rupantorpayDialect: e.SANDBOX_RUPANTORPAY_DIALECT
        ? parseDialect(e.SANDBOX_RUPANTORPAY_DIALECT)
        : documentedDialect,
    };
    return parseConfig(config);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`Invalid sandbox environment:\n  ${(err as Error).message}`);
  }
}

/** A comma-separated list of URLs; unset means the default, `none` means no deliveries at all. */
function urlList(value: string | undefined, fallback: string): string[] {
  if (value === undefined) return [fallback];
  return value
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '' && u !== 'none');
}

/** Validates a complete config (env-built or passed in-process). */
export function parseConfig(config: SandboxConfig): SandboxConfig {
  const parsed = sandboxConfigSchema.safeParse(config);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid sandbox config:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Where the CLI finds a running sandbox when `--url` is not given. */
export function cliBaseUrlFromEnv(env: NodeJS.ProcessEnv): string {
  const port = z.coerce.number().int().min(1).max(65535).safeParse(env.SANDBOX_PORT);
  return `http://127.0.0.1:${port.success ? port.data : sandboxDefaults.port}`;
}
