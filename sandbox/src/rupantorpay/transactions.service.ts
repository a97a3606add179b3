import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import type { RupantorTransaction, StoredEvent } from '../store/entities';
import { newId, randomBase62, unixNow } from '../store/ids';
import { formatAmount, statusWord, type RupantorDialect } from './dialect';
import { RupantorError } from './rupantorpay-error';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be a valid http(s) URL' });

// Amount is major units (taka), as a number or a numeric string with at most two decimals.
const amount = z
  .union([z.number(), z.string().trim()], { error: 'must be a number' })
  .transform((v) => String(v))
  .refine(
    (v) => /^\d{1,9}(\.\d{1,2})?$/.test(v) && Number(v) > 0,
    'must be a positive number with at most 2 decimals',
  )
  .transform((v) => Number(v).toFixed(2));

export const checkoutRequestSchema = z.object({
  fullname: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'may not be longer than 100 characters'),
  email: z.email({ error: 'must be a valid email address' }),
  amount,
  success_url: httpUrl,
  cancel_url: httpUrl,
  webhook_url: httpUrl.optional(),
  metadata: z
    .union([z.record(z.string(), z.unknown()), z.string()], { error: 'must be a JSON object' })
    .optional()
    .transform((v, c) => {
      if (v === undefined) return {};
      if (typeof v !== 'string') return v;
      try {
        const parsed: unknown = JSON.parse(v);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          return parsed as Record<string, unknown>;
      } catch {
        // fall through to the issue below
      }
      c.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return z.NEVER;
    }),
});

// Laravel-style wording ("The amount field is required."), as the real API answers.
function firstIssue(error: z.ZodError, body: object): string {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'request';
  const given = (body as Record<string, unknown>)[String(issue?.path[0])];
  if (given === undefined || given === null || given === '')
    return `The ${field} field is required.`;
  const message = issue?.message ?? '';
  return /^[a-z]/.test(message) ? `The ${field} ${message}.` : `The ${field} is invalid.`;
}

export function createCheckout(ctx: SandboxContext, body: unknown): RupantorTransaction {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new RupantorError(400, 'The request body must be a JSON object.');
  }
  const parsed = checkoutRequestSchema.safeParse(body);
  if (!parsed.success) throw new RupantorError(400, firstIssue(parsed.error, body));
  const r = parsed.data;
  return ctx.store.saveRupantor({
    transaction_id: `RPTX${randomBase62(12).toUpperCase()}`,
    token: randomBytes(16).toString('hex'),
    status: 'PENDING',
    amount: r.amount,
    currency: 'BDT',
    payment_method: null,
    trx_id: null,
    fee: null,
    fullname: r.fullname,
    email: r.email,
    metadata: r.metadata,
    success_url: r.success_url,
    cancel_url: r.cancel_url,
    webhook_url: r.webhook_url ?? null,
    created_at: unixNow(),
  });
}

/** What create answers: the documented `status: 1` / "Payment Link", or `true` / "Payment Url". */
export function checkoutView(dialect: RupantorDialect, paymentUrl: string) {
  return {
    status: dialect.createStatus,
    message: dialect.createStatus === 1 ? 'Payment Link' : 'Payment Url',
    payment_url: paymentUrl,
  };
}

/** The verify-payment body (not wrapped in `data`), in the documented key order. */
export function verifyView(tx: RupantorTransaction, dialect: RupantorDialect) {
  return {
    fullname: tx.fullname,
    email: tx.email,
    amount: formatAmount(tx.amount, dialect.amountDecimals),
    transaction_id: tx.transaction_id,
    trx_id: tx.trx_id,
    currency: tx.currency,
    metadata: dialect.metadata === 'string' ? JSON.stringify(tx.metadata) : tx.metadata,
    payment_method: tx.payment_method,
    status: statusWord(tx.status, dialect),
  };
}

/** The webhook posts the verify answer, with the transaction id spelled the dialect's way. */
export function webhookBody(tx: RupantorTransaction, dialect: RupantorDialect) {
  return Object.fromEntries(
    Object.entries(verifyView(tx, dialect)).map(([k, v]) =>
      k === 'transaction_id' ? [dialect.webhookId, v] : [k, v],
    ),
  );
}

export function findTransaction(ctx: SandboxContext, body: unknown): RupantorTransaction {
  const id = (body as { transaction_id?: unknown } | undefined)?.transaction_id;
  if (id === undefined || id === null || id === '') {
    throw new RupantorError(400, 'The transaction_id field is required.');
  }
  if (typeof id !== 'string') throw new RupantorError(400, 'The transaction_id must be a string.');
  const tx = ctx.store.rupantorpay.get(id);
  if (!tx) throw new RupantorError(404, 'Transaction not found or verification failed');
  return tx;
}

export const HOSTED_METHODS = { bkash: 'bKash', nagad: 'Nagad', card: 'Card' } as const;
export type HostedAction = 'pay' | 'fail' | 'cancel';

// The wallet's fee on top of the amount; 2.5% matches the integrators' example (100.00 → 2.50).
function walletFee(amount: string): string {
  const poisha = Math.round(Number(amount) * 100);
  return (Math.round(poisha * 0.025) / 100).toFixed(2);
}

/**
 * The buyer's choice on the hosted page settles the transaction (a cancel is an ERROR too), posts
 * the webhook if one was given, and returns where to send the browser, with the dialect's query.
 */
export function settle(
  ctx: SandboxContext,
  tx: RupantorTransaction,
  action: HostedAction,
  method: keyof typeof HOSTED_METHODS,
): string {
  const paid = action === 'pay';
  const dialect = ctx.settings.rupantorpayDialect;
  const settled = ctx.store.saveRupantor({
    ...tx,
    status: paid ? 'COMPLETED' : 'ERROR',
    payment_method: action === 'cancel' ? null : method,
    trx_id: paid ? randomBase62(10).toUpperCase() : null,
    fee: paid ? walletFee(tx.amount) : null,
  });
  if (settled.webhook_url) {
    const event: StoredEvent = {
      id: newId('evt'),
      gateway: 'rupantorpay',
      type: `rupantorpay.${statusWord(settled.status, dialect).toLowerCase()}`,
      body: JSON.stringify(webhookBody(settled, dialect)),
      targets: [settled.webhook_url],
      created_at: unixNow(),
    };
    ctx.emit([event]);
  }
  return appendQuery(
    paid ? settled.success_url : settled.cancel_url,
    returnQuery(settled, dialect),
  );
}

/** What the gateway appends to success_url / cancel_url; unsigned, so it proves nothing. */
export function returnQuery(tx: RupantorTransaction, dialect: RupantorDialect): [string, string][] {
  if (dialect.returnQuery === 'transaction_id') return [['transaction_id', tx.transaction_id]];
  return [
    ['transactionId', tx.transaction_id],
    ['paymentMethod', tx.payment_method ?? ''],
    ['paymentAmount', tx.amount],
    ['paymentFee', tx.fee ?? '0.00'],
    ['currency', tx.currency],
    ['status', statusWord(tx.status, dialect)],
  ];
}

/** Appends `?k=v&…` or `&k=v&…` without re-encoding the merchant's own URL (fragment kept last). */
export function appendQuery(url: string, params: [string, string][]): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return `${base}${sep}${query.join('&')}${hash}`;
}
