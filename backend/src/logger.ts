import pino, { type Logger } from 'pino';

export type { Logger };

/** Secrets must never reach the logs: headers and body fields that may carry them are redacted. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-razorpay-signature"]',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.key_secret',
  '*.keySecret',
  '*.webhookSecret',
  '*.secretKey',
  '*.apiKey',
  '*.authtoken',
];

/** `pretty` (development) prints readable lines through pino-pretty; otherwise JSON lines. */
export function createLogger(level: string, name = 'backend', pretty = false): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { ignore: 'pid,hostname,name', translateTime: 'HH:MM:ss' },
          },
        }
      : {}),
  });
}

/**
 * Query parameters that carry a secret in a URL: Stripe appends the PaymentIntent's
 * `payment_intent_client_secret` to the return URL, and every URL is logged.
 */
const SECRET_PARAM = /client_secret/i;

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The request as pino-http logs it, minus secrets riding in its query string. */
export function redactRequestSecrets(req: SerializedRequest): SerializedRequest {
  if (!req.url || !SECRET_PARAM.test(req.url)) return req;
  const [path, search = ''] = req.url.split('?', 2);
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) {
    if (SECRET_PARAM.test(name)) params.set(name, '[redacted]');
  }
  const query = Object.fromEntries(
    Object.entries(req.query ?? {}).map(([k, v]) => [k, SECRET_PARAM.test(k) ? '[redacted]' : v]),
  );
  return { ...req, url: `${path}?${params.toString()}`, query };
}
