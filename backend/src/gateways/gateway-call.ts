// Every outbound gateway call goes through callGateway: a hard timeout, one typed GatewayError
// whatever the client threw, and jittered retries for network trouble on idempotent calls only.
import type { z } from 'zod';
import { GatewayError } from '../errors';
import type { Logger } from '../logger';

export interface CallOptions {
  gateway: string;
  operation: string;
  timeoutMs: number;
  /** Safe to repeat (reads). Creates and refunds are never retried automatically. */
  idempotent: boolean;
  log: Logger;
  retries?: number;
  baseDelayMs?: number;
  /** Maps a client-specific failure to a GatewayError; return undefined to use the default. */
  mapError?: (err: unknown) => GatewayError | undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, opts: CallOptions): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new GatewayError(opts.gateway, 'timeout', `${opts.operation} timed out after ${ms} ms`),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function toGatewayError(err: unknown, opts: CallOptions): GatewayError {
  if (err instanceof GatewayError) return err;
  const mapped = opts.mapError?.(err);
  if (mapped) return mapped;
  const message = err instanceof Error ? err.message : String(err);
  return new GatewayError(opts.gateway, 'network', `${opts.operation} failed: ${message}`);
}

export async function callGateway<T>(fn: () => Promise<T>, opts: CallOptions): Promise<T> {
  const retries = opts.idempotent ? (opts.retries ?? 2) : 0;
  const base = opts.baseDelayMs ?? 200;
  for (let attempt = 0; ; attempt++) {
    try {
      return await withTimeout(fn(), opts.timeoutMs, opts);
    } catch (err) {
      const error = toGatewayError(err, opts);
      if (error.kind !== 'network' || attempt >= retries) throw error;
      // Full jitter: spreads retries from many clients instead of synchronising them.
      const delay = Math.round(Math.random() * base * 2 ** attempt);
      opts.log.warn(
        { gateway: opts.gateway, operation: opts.operation, attempt: attempt + 1, delay },
        `gateway call failed (${error.message}); retrying`,
      );
      await sleep(delay);
    }
  }
}

/** callGateway, with the answer checked against `schema`: a reply we cannot read is `invalid_response`. */
export function callGatewayParsed<T extends z.ZodType>(
  schema: T,
  fn: () => Promise<unknown>,
  opts: CallOptions,
): Promise<z.infer<T>> {
  return callGateway(async () => {
    const parsed = schema.safeParse(await fn());
    if (!parsed.success) {
      throw new GatewayError(
        opts.gateway,
        'invalid_response',
        `${opts.operation}: unexpected response`,
      );
    }
    return parsed.data;
  }, opts);
}
