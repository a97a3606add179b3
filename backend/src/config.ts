// The only module that reads process.env. Everything else receives a typed Config.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { SANDBOX_DEFAULTS, SANDBOX_KEY_PREFIX } from '@checkout-lab/contracts/sandbox-defaults';
import { z } from 'zod';
import { readOrCreateDevAdminToken } from './dev-admin-token';
import { secretProblem, type CheckedSecret } from './live-mode-guard';

const REAL_RAZORPAY_API = 'https://api.razorpay.com';
const REAL_RAZORPAY_CHECKOUT = 'https://checkout.razorpay.com/v1/checkout.js';
const REAL_RUPANTORPAY_API = 'https://payment.rupantorpay.com/api';
const REAL_STRIPE_API = 'https://api.stripe.com';
/** Stripe keys with this prefix (or none at all) select the sandbox's Stripe. */
const STRIPE_SANDBOX_PREFIX = 'sk_test_sandbox';

const port = z.coerce.number().int().min(0).max(65535);
const url = z.url({ protocol: /^https?$/ });
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const optionalUrl = optionalString.pipe(url.optional());
const positiveMs = z.coerce.number().int().positive();

/**
 * Which proxies may set X-Forwarded-For: none by default (the socket's address is the client),
 * a hop count, or a comma-separated list of addresses, CIDR ranges and Express's names
 * (loopback, linklocal, uniquelocal). Anything else is a typo that would silently trust nobody.
 */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const trustProxySchema = z.string().transform((value, ctx): TrustProxy => {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => {
    const [address, prefix, extra] = e.split('/');
    if (extra !== undefined || !address) return true;
    if (PROXY_NAMES.includes(address)) return prefix !== undefined;
    return isIP(address) === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix));
  });
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `not a proxy address, range or name: ${bad.join(', ')} (use addresses, CIDR ranges, loopback, linklocal, uniquelocal or a hop count)`,
    });
    return z.NEVER;
  }
  return entries;
});

/** Express's `trust proxy`: false (nobody), a hop count, or the addresses to trust. */
export type TrustProxy = false | number | string[];

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  PORT: port.default(4000),
  SANDBOX_PORT: port.default(4010),
  FRONTEND_PORT: port.default(5173),
  PUBLIC_BASE_URL: optionalUrl,
  STORE_NAME: optionalString.pipe(z.string().max(60).optional()),
  CORS_ORIGINS: optionalString,
  MONGODB_URI: optionalString.pipe(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
  ),
  DATA_DIR: optionalString,
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  RAZORPAY_KEY_ID: optionalString.pipe(
    z
      .string()
      .regex(/^rzp_(test|live)_\w+$/, 'must look like rzp_test_… or rzp_live_…')
      .optional(),
  ),
  RAZORPAY_KEY_SECRET: optionalString,
  RAZORPAY_WEBHOOK_SECRET: optionalString,
  RAZORPAY_API_BASE: optionalUrl,
  RAZORPAY_CHECKOUT_URL: optionalUrl,
  RUPANTORPAY_API_KEY: optionalString,
  RUPANTORPAY_API_BASE: optionalUrl,
  STRIPE_SECRET_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must look like sk_test_… or sk_live_…')
      .optional(),
  ),
  STRIPE_PUBLISHABLE_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^pk_(test|live)_\w+$/, 'must look like pk_test_… or pk_live_…')
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^whsec_\w+$/, 'must look like whsec_…')
      .optional(),
  ),
  STRIPE_API_BASE: optionalUrl,
  STRIPE_JS_URL: optionalUrl,
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  GATEWAY_TIMEOUT_MS: positiveMs.default(10_000),
  /** A request's headers and body must arrive within this, or it is answered 408. */
  REQUEST_TIMEOUT_MS: positiveMs.default(30_000),
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  RECONCILE_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 60_000),
  /**
   * How old a step's claim (an email, a stock take, a sold-out refund) must be before another
   * process may take it over: the holder is presumed dead. Long enough for a live holder
   * waiting out a database failover; the chaos soak shortens it to see takeovers happen.
   */
  CLAIM_STALE_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .default(5 * 60),
  /** How long checkout holds an attempt's stock before the expiry sweep gives it back. */
  STOCK_HOLD_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  /**
   * How long after its newest checkout attempt (or its creation) an unpaid order is cancelled,
   * its open attempts expired and its holds released; 0 never expires. Two hours: far past the
   * stock hold (15 min) and any buyer still in a modal, a UPI collect request or a 3-D Secure
   * page, yet short enough that the sweep's open set is hours of abandoned checkouts, not
   * months. A capture that arrives later is still recorded (and flagged for a refund).
   */
  ORDER_EXPIRY_MINUTES: z.coerce.number().int().min(0).default(120),
  /** Requests per minute per client on order and checkout routes (verify gets twice this). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Webhook deliveries per minute per source address, accepted or not. */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Rejected (badly signed) webhook deliveries per minute per source address. */
  WEBHOOK_REJECTS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  TRUST_PROXY: optionalString.pipe(trustProxySchema.optional()),
  NGROK_AUTHTOKEN: optionalString,
  NGROK_DOMAIN: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9.-]+$/i, 'must be a bare domain such as my-name.ngrok-free.app')
      .optional(),
  ),
});

export type GatewayMode = 'sandbox' | 'live';

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  /** Shown on the storefront, in the gateway's checkout and in emails. */
  storeName: string;
  port: number;
  sandboxPort: number;
  frontendPort: number;
  publicBaseUrl: string;
  corsOrigins: string[];
  mongodbUri?: string;
  dataDir: string;
  adminToken: string;
  /**
   * True when ADMIN_TOKEN was unset and the token was generated (in development it is kept in
   * `<dataDir>/admin-token`, see dev-admin-token.ts). Only such a token is ever printed.
   */
  adminTokenGenerated: boolean;
  mode: GatewayMode;
  gatewayTimeoutMs: number;
  requestTimeoutMs: number;
  razorpay: {
    keyId: string;
    keySecret: string;
    webhookSecret: string;
    apiBase: string;
    checkoutUrl: string;
  };
  rupantorpay: { apiKey: string; apiBase: string; sandbox: boolean };
  stripe: {
    secretKey: string;
    publishableKey: string;
    webhookSecret: string;
    /** Where the SDK sends requests (its host, port and protocol); it adds /v1 itself. */
    apiBase: string;
    /** Stripe.js for the browser; unset with real keys, so the gateway uses its SDK's release. */
    jsUrl?: string;
    sandbox: boolean;
  };
  smtpUrl?: string;
  reconcile: { intervalMs: number; graceMs: number };
  /** How long a checkout attempt holds its stock (STOCK_HOLD_SECONDS). */
  stockHoldMs: number;
  /** When a step's claim counts as abandoned by a dead process (CLAIM_STALE_SECONDS). */
  claimStaleMs: number;
  /** How long an unpaid order lives after its newest attempt (ORDER_EXPIRY_MINUTES); 0: forever. */
  orderExpiryMs: number;
  rateLimitPerMinute: number;
  webhookRateLimit: { perMinute: number; rejectsPerMinute: number };
  /** Which proxies' X-Forwarded-For is believed (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** For `npm run tunnel`. */
  ngrok: { authtoken?: string; domain?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Builds the Config from an environment object; throws ConfigError listing every problem. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];

  const keyId = env.RAZORPAY_KEY_ID ?? SANDBOX_DEFAULTS.RAZORPAY_KEY_ID;
  const mode: GatewayMode = keyId.startsWith(SANDBOX_KEY_PREFIX) ? 'sandbox' : 'live';
  // RupantorPay has no test keys of its own; its sandbox is chosen the same way, by key.
  const rupantorpayKey = env.RUPANTORPAY_API_KEY ?? SANDBOX_DEFAULTS.RUPANTORPAY_API_KEY;
  const rupantorpaySandbox = rupantorpayKey.startsWith('sandbox_');
  const sandboxOrigin = `http://127.0.0.1:${env.SANDBOX_PORT}`;
  const browserSandboxOrigin = `http://localhost:${env.SANDBOX_PORT}`;
  // Stripe has test keys of its own; the sandbox's are recognisable by their prefix.
  const stripeSecretKey = env.STRIPE_SECRET_KEY ?? SANDBOX_DEFAULTS.STRIPE_SECRET_KEY;
  const stripeSandbox = stripeSecretKey.startsWith(STRIPE_SANDBOX_PREFIX);
  const stripeApiBase = (
    env.STRIPE_API_BASE ?? (stripeSandbox ? sandboxOrigin : REAL_STRIPE_API)
  ).replace(/\/+$/, '');

  if (mode === 'live') {
    if (!env.RAZORPAY_KEY_SECRET) problems.push('RAZORPAY_KEY_SECRET: required with real keys');
    if (!env.RAZORPAY_WEBHOOK_SECRET) {
      problems.push(
        'RAZORPAY_WEBHOOK_SECRET: required outside sandbox mode (Dashboard → Webhooks)',
      );
    }
  }
  // Outside sandbox mode, no secret may be one anyone can read (see live-mode-guard.ts).
  const checked: [CheckedSecret, string | undefined, boolean][] = [
    ['RAZORPAY_KEY_SECRET', env.RAZORPAY_KEY_SECRET, mode === 'live'],
    ['RAZORPAY_WEBHOOK_SECRET', env.RAZORPAY_WEBHOOK_SECRET, mode === 'live'],
    ['ADMIN_TOKEN', env.ADMIN_TOKEN, mode === 'live' || env.NODE_ENV === 'production'],
    ['RUPANTORPAY_API_KEY', env.RUPANTORPAY_API_KEY, !rupantorpaySandbox],
    ['STRIPE_SECRET_KEY', env.STRIPE_SECRET_KEY, !stripeSandbox],
    ['STRIPE_WEBHOOK_SECRET', env.STRIPE_WEBHOOK_SECRET, !stripeSandbox],
  ];
  for (const [name, value, outsideSandbox] of checked) {
    const problem = outsideSandbox && value !== undefined ? secretProblem(name, value) : undefined;
    if (problem) problems.push(problem);
  }
  problems.push(...stripeProblems(env, stripeSandbox, stripeApiBase));
  if (env.NODE_ENV === 'production' && !env.ADMIN_TOKEN) {
    problems.push('ADMIN_TOKEN: required when NODE_ENV=production');
  }
  // The embedded databases are for laptops: a production process that quietly started one
  // would keep its orders in a local file (or in memory) that nobody backs up.
  if (env.NODE_ENV === 'production' && !env.MONGODB_URI) {
    problems.push(
      'MONGODB_URI: required when NODE_ENV=production (a real MongoDB, e.g. mongodb://localhost:27017). ' +
        'To run locally without one, use `npm run dev`, or `npm start`, which starts the embedded database for you.',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.FRONTEND_PORT}`).replace(
    /\/+$/,
    '',
  );
  const corsOrigins = env.CORS_ORIGINS
    ? env.CORS_ORIGINS.split(',').map((o) => o.trim())
    : [
        new URL(publicBaseUrl).origin,
        `http://localhost:${env.FRONTEND_PORT}`,
        `http://127.0.0.1:${env.FRONTEND_PORT}`,
      ];

  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    storeName: env.STORE_NAME ?? 'Checkout Lab',
    port: env.PORT,
    sandboxPort: env.SANDBOX_PORT,
    frontendPort: env.FRONTEND_PORT,
    publicBaseUrl,
    corsOrigins: [...new Set(corsOrigins)],
    mongodbUri: env.MONGODB_URI,
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR ?? '.data'),
    adminToken: env.ADMIN_TOKEN ?? randomBytes(24).toString('base64url'),
    adminTokenGenerated: !env.ADMIN_TOKEN,
    mode,
    gatewayTimeoutMs: env.GATEWAY_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    razorpay: {
      keyId,
      keySecret: env.RAZORPAY_KEY_SECRET ?? SANDBOX_DEFAULTS.RAZORPAY_KEY_SECRET,
      webhookSecret: env.RAZORPAY_WEBHOOK_SECRET ?? SANDBOX_DEFAULTS.RAZORPAY_WEBHOOK_SECRET,
      apiBase: (
        env.RAZORPAY_API_BASE ??
        (mode === 'sandbox' ? `${sandboxOrigin}/razorpay` : REAL_RAZORPAY_API)
      ).replace(/\/+$/, ''),
      checkoutUrl:
        env.RAZORPAY_CHECKOUT_URL ??
        (mode === 'sandbox'
          ? `${browserSandboxOrigin}/razorpay/checkout.js`
          : REAL_RAZORPAY_CHECKOUT),
    },
    rupantorpay: {
      apiKey: rupantorpayKey,
      apiBase: (
        env.RUPANTORPAY_API_BASE ??
        (rupantorpaySandbox ? `${sandboxOrigin}/rupantorpay/api` : REAL_RUPANTORPAY_API)
      ).replace(/\/+$/, ''),
      sandbox: rupantorpaySandbox,
    },
    stripe: {
      secretKey: stripeSecretKey,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? SANDBOX_DEFAULTS.STRIPE_PUBLISHABLE_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? SANDBOX_DEFAULTS.STRIPE_WEBHOOK_SECRET,
      apiBase: stripeApiBase,
      jsUrl:
        env.STRIPE_JS_URL ?? (stripeSandbox ? `${browserSandboxOrigin}/stripe/v3/` : undefined),
      sandbox: stripeSandbox,
    },
    smtpUrl: env.SMTP_URL,
    reconcile: { intervalMs: env.RECONCILE_INTERVAL_MS, graceMs: env.RECONCILE_GRACE_MS },
    stockHoldMs: env.STOCK_HOLD_SECONDS * 1000,
    claimStaleMs: env.CLAIM_STALE_SECONDS * 1000,
    orderExpiryMs: env.ORDER_EXPIRY_MINUTES * 60_000,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    webhookRateLimit: {
      perMinute: env.WEBHOOK_RATE_LIMIT_PER_MINUTE,
      rejectsPerMinute: env.WEBHOOK_REJECTS_PER_MINUTE,
    },
    trustProxy: env.TRUST_PROXY ?? false,
    ngrok: { authtoken: env.NGROK_AUTHTOKEN, domain: env.NGROK_DOMAIN },
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Real Stripe keys come as a matching set with their webhook secret; the sandbox's keys are
 * published, so they must never be sent anywhere but a sandbox on this machine.
 */
function stripeProblems(
  env: z.infer<typeof envSchema>,
  sandbox: boolean,
  apiBase: string,
): string[] {
  if (sandbox) {
    const host = new URL(apiBase).hostname;
    return LOOPBACK.has(host) || host.startsWith('127.')
      ? []
      : [
          `STRIPE_API_BASE: the sandbox's Stripe keys only go to the local sandbox, not ${host}; put real sk_test_… keys in STRIPE_SECRET_KEY to use Stripe`,
        ];
  }
  const problems: string[] = [];
  const keyMode = /^(?:sk|rk)_(test|live)_/.exec(env.STRIPE_SECRET_KEY ?? '')?.[1];
  const publishable = env.STRIPE_PUBLISHABLE_KEY;
  if (!publishable || publishable.startsWith('pk_test_sandbox')) {
    problems.push('STRIPE_PUBLISHABLE_KEY: required with real Stripe keys (Dashboard → API keys)');
  } else if (!publishable.startsWith(`pk_${keyMode}_`)) {
    problems.push(`STRIPE_PUBLISHABLE_KEY: must be a pk_${keyMode}_… key, like STRIPE_SECRET_KEY`);
  }
  if (!env.STRIPE_WEBHOOK_SECRET) {
    problems.push(
      'STRIPE_WEBHOOK_SECRET: required with real Stripe keys (Dashboard → Webhooks, or `stripe listen`)',
    );
  }
  return problems;
}

/** Reads the process environment. Call once, at startup. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}

/**
 * For entry points (server, CLIs): loads the repo's .env when present (variables already set
 * in the shell win), then the config; a bad config prints its list of problems and exits 1.
 * In development an unset ADMIN_TOKEN is the one kept under the data folder, so the server and
 * every CLI agree on it, and it survives restarts.
 */
export function loadConfigOrExit(): Config {
  const envFile = path.join(REPO_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  try {
    const config = loadConfig();
    if (config.adminTokenGenerated && config.env === 'development') {
      return { ...config, adminToken: readOrCreateDevAdminToken(config.dataDir) };
    }
    return config;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`\n${err.message}\n\nSee .env.example for every variable and its default.\n`);
    process.exit(1);
  }
}
