import pino, { type Logger } from 'pino';

export type { Logger };

/** Secrets must never reach the logs: headers and body fields that may carry them are redacted. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-razorpay-signature"]',
  'res.headers["set-cookie"]',
  '*.key_secret',
  '*.keySecret',
  '*.webhookSecret',
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
