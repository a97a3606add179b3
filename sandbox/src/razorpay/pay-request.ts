import { z } from 'zod';
import { paymentMethodSchema } from '../store/entities';
import { NETBANKING_BANKS, WALLETS, type BankCode, type WalletCode } from './methods';
import { badRequest, extraFields, type RazorpayError } from './razorpay-error';

const digits = z.union([z.string(), z.number()]).transform((v) => String(v).replace(/[\s-]/g, ''));
const note = z.union([z.string().max(256), z.number(), z.boolean(), z.null()]);

/** Body of `POST /razorpay/_sandbox/orders/:order_id/pay`, the endpoint the modal itself uses. */
export const payRequestSchema = z
  .object({
    method: paymentMethodSchema,
    /** The mock bank page's button. Failure cards and `failure@razorpay` fail whatever it says. */
    outcome: z.enum(['success', 'failure']).default('success'),
    card: z
      .object({
        number: digits,
        expiry_month: z.coerce.number().int(),
        expiry_year: z.coerce.number().int(),
        cvv: digits,
        name: z.string().max(100).optional(),
      })
      .strict()
      .optional(),
    vpa: z.string().max(256).optional(),
    bank: z.enum(Object.keys(NETBANKING_BANKS) as [BankCode]).optional(),
    wallet: z.enum(Object.keys(WALLETS) as [WalletCode]).optional(),
    email: z.string().max(254).optional(),
    contact: z.string().max(20).optional(),
    description: z.string().max(2048).optional(),
    notes: z.record(z.string().max(256), note).optional(),
    /** The public key the page was opened with; checked when present, as Checkout does. */
    key_id: z.string().max(64).optional(),
  })
  .strict();
export type PayRequest = z.infer<typeof payRequestSchema>;

/** Razorpay names nested fields with brackets: `card[number]`. */
function fieldName(path: PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? ''}${rest.map((p) => `[${p}]`).join('')}`;
}

export function parsePayRequest(body: unknown): PayRequest {
  const parsed = payRequestSchema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? fieldName(issue.path) : null;
  throw toBadRequest(issue, field);
}

function toBadRequest(issue: z.core.$ZodIssue | undefined, field: string | null): RazorpayError {
  if (!issue) return badRequest('The request is invalid.');
  if (issue.code === 'unrecognized_keys') {
    return extraFields(issue.keys.map((k) => fieldName([...issue.path, k])));
  }
  if (issue.path.length === 0) return badRequest('The request body must be a JSON object.');
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return badRequest(`The ${field} field is required.`, field);
  }
  if (issue.code === 'invalid_value') return badRequest(`Invalid ${field}`, field);
  return badRequest(`The ${field} is invalid.`, field);
}

export const VPA_PATTERN = /^[a-zA-Z0-9._-]{2,256}@[a-zA-Z][a-zA-Z0-9]{1,64}$/;
