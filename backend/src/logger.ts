import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import type { Options as HttpLogOptions } from 'pino-http';

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
            // reqId ties a request's lines together in JSON logs; people read the message.
            // One line per record (an error's stack still gets its own lines).
            options: {
              ignore: 'pid,hostname,name,reqId',
              translateTime: 'HH:MM:ss',
              singleLine: true,
            },
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

/** The request's URL as logged: secrets in its query string redacted. */
function loggedUrl(req: IncomingMessage): string {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  return redactRequestSecrets({ url }).url ?? url;
}

/** "POST /api/orders 201 12 ms": a request in one line. */
export function requestLine(req: IncomingMessage, res: ServerResponse, ms: number): string {
  return `${req.method} ${loggedUrl(req)} ${res.statusCode} ${ms} ms`;
}

/**
 * pino-http's options: one line per request (method, path, status, time); the request's and
 * response's headers only at debug level (LOG_LEVEL=debug), where they help and do not flood.
 * `fields` keeps method, url and status as JSON fields too, for log tools (production).
 */
export function requestLogOptions(logger: Logger, fields: boolean): HttpLogOptions {
  const detailed = logger.isLevelEnabled('debug');
  const compact = (req: IncomingMessage, res: ServerResponse, ms: number) =>
    fields
      ? {
          method: req.method,
          url: loggedUrl(req),
          statusCode: res.statusCode,
          responseTime: ms,
        }
      : {};
  return {
    logger,
    // Stripe appends the intent's client secret to the return URL: never log it.
    serializers: { req: redactRequestSecrets },
    // Otherwise every line a request logs carries its whole serialised request.
    quietReqLogger: !detailed,
    quietResLogger: !detailed,
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    customSuccessMessage: (req, res, ms) => requestLine(req, res, ms),
    // pino-http passes the response time here too; its types do not say so.
    customErrorMessage: ((req: IncomingMessage, res: ServerResponse, _err: Error, ms: number) =>
      requestLine(req, res, ms)) as HttpLogOptions['customErrorMessage'],
    customSuccessObject: (req, res, full: { responseTime: number }) =>
      detailed ? full : compact(req, res, full.responseTime),
    // The error handler has logged the error itself (with its stack): the line only says which request.
    customErrorObject: (req, res, _err, full: { responseTime: number }) =>
      detailed ? full : compact(req, res, full.responseTime),
  };
}
