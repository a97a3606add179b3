import qs from 'qs';
import { z } from 'zod';
import {
  invalidInteger,
  invalidRequest,
  missingParam,
  unknownParam,
  type StripeApiError,
} from './stripe-error';

export type Params = Record<string, unknown>;

/**
 * Stripe's bracket syntax (`metadata[order_id]=42`, `expand[0]=latest_charge`, `expand[]=…`,
 * `payment_method_data[card][number]=…`) parsed by qs, the parser Express itself uses. Limits
 * keep a hostile body from building a huge object.
 */
export function parseParams(text: string): Params {
  return qs.parse(text, {
    depth: 5,
    arrayLimit: 100,
    parameterLimit: 1000,
    allowPrototypes: false,
  });
}

/** `['metadata', 'order_id']` → `metadata[order_id]`, the way Stripe names a nested param. */
export function paramName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? ''}${rest.map((p) => `[${p}]`).join('')}`;
}

export const intString = z
  .string()
  .regex(/^-?\d+$/, 'integer')
  .transform(Number);
export const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');
export const httpUrl = z.url({ protocol: /^https?$/, error: 'url' });
/** `expand[]=a`, `expand[0]=a` (arrays) or `expand=a` (one string). */
export const expandList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const metadataValue = z.string().max(500, 'long');
/** Up to 50 keys of at most 40 characters, string values of at most 500 (Stripe's limits). */
export const metadataParam = z
  .union([z.record(z.string().max(40, 'key'), metadataValue), z.literal('')])
  .transform((v) => (v === '' ? {} : v))
  .refine((v) => Object.keys(v).length <= 50, 'keys');

function toStripeError(error: z.ZodError, params: Params): StripeApiError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const name = paramName(path);
  let given: unknown = params;
  for (const key of path) given = (given as Record<PropertyKey, unknown> | undefined)?.[key];
  if (given === undefined || given === '') return missingParam(name);
  if (issue?.message === 'integer') return invalidInteger(name, given);
  if (issue?.code === 'invalid_value' && 'values' in issue) {
    return invalidRequest(`Invalid ${name}: must be one of ${issue.values.join(', ')}`, {
      param: name,
    });
  }
  if (issue?.message === 'url')
    return invalidRequest(`Not a valid URL`, { param: name, code: 'url_invalid' });
  if (name.startsWith('metadata')) {
    return invalidRequest(
      'Invalid metadata: up to 50 keys of at most 40 characters, values of at most 500 characters.',
      { param: name },
    );
  }
  return invalidRequest(`Invalid ${name}`, { param: name });
}

/**
 * Validates one endpoint's params: an unknown top-level name is `parameter_unknown` (as on
 * Stripe), a missing required one `parameter_missing`, a non-integer `parameter_invalid_integer`.
 */
export function validate<S extends z.ZodObject>(schema: S, params: Params): z.infer<S> {
  for (const name of Object.keys(params)) {
    if (!(name in schema.shape)) throw unknownParam(name);
  }
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw toStripeError(parsed.error, params);
  return parsed.data;
}
